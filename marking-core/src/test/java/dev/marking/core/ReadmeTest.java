package dev.marking.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.rules.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's format and rule tables say what the registries hold, so the documentation cannot drift. */
class ReadmeTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.-]+)` \\|(.*)$");

    @Test
    void theFormatTableIsTheFormatRegistry() throws Exception {
        List<String> expected = new ArrayList<>();
        for (DocumentFormat f : FormatRegistry.standard().formats()) {
            expected.add(f.id() + " | " + String.join(" ", f.extensions().stream().map(e -> "`." + e + "`").toList())
                    + " | `" + f.mediaType() + "`");
        }
        List<String> rows = new ArrayList<>();
        for (String[] cells : table("## Formats")) {
            rows.add(cells[0] + " | " + cells[1] + " | " + cells[2].replaceAll(" \\(.*\\)$", ""));
        }
        assertEquals(expected, rows);
    }

    @Test
    void theRuleTableIsTheRuleCatalogue() throws Exception {
        List<String> rows = table("## Rules").stream().map(c -> c[0]).sorted().toList();
        assertEquals(RuleRegistry.standard().ids().stream().sorted().toList(), rows);
    }

    /** The rows under {@code heading}: the first cell without backquotes, then the others as written. */
    private static List<String[]> table(String heading) throws Exception {
        List<String> lines = Files.readAllLines(README);
        List<String[]> rows = new ArrayList<>();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                in = line.equals(heading);
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (in && m.matches()) {
                String[] rest = m.group(2).split("\\|");
                String[] cells = new String[rest.length];
                cells[0] = m.group(1);
                for (int i = 1; i < rest.length; i++) {
                    cells[i] = rest[i - 1].strip();
                }
                rows.add(cells);
            }
        }
        return rows.stream().map(c -> Arrays.copyOf(c, Math.max(c.length, 3))).toList();
    }
}
