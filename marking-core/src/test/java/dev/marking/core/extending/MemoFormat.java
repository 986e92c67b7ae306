package dev.marking.core.extending;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Location;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Urgency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A tiny format, the worked example of the README's "Extending marking": {@code .memo} files are UTF-8
 * text whose first line is {@code MEMO/1}; the GB/T 9704 block follows it. A real format is the same:
 * this class plus one line in {@code FormatRegistry.standard()}.
 */
final class MemoFormat implements DocumentFormat {

    static final String MAGIC = "MEMO/1";
    private static final MarkingParser PARSER = MarkingParser.standard();

    @Override
    public String id() {
        return "memo";
    }

    @Override
    public List<String> extensions() {
        return List.of("memo");
    }

    @Override
    public String mediaType() {
        return "text/x-memo";
    }

    @Override
    public Recognition recognise(ContentProbe content) {
        return content.startsWith(MAGIC.getBytes(StandardCharsets.US_ASCII)) ? Recognition.CERTAIN : Recognition.NONE;
    }

    @Override
    public ReadModel read(Path file) throws DocumentException {
        List<String> lines = lines(file);
        List<TextBlock> body = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                body.add(new TextBlock(lines.get(i), Location.line(i + 1, 0)));
            }
        }
        return new ReadModel(file, id(), Unit.FILE, body.subList(0, Math.min(3, body.size())), body, List.of(), Map.of(),
                List.of());
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        List<String> lines = lines(source);
        int rest = 1;
        while (rest < lines.size() && ours(lines.get(rest))) {
            rest++;
        }
        List<String> out = new ArrayList<>(List.of(MAGIC));
        out.addAll(options.firstPageBlock());
        out.addAll(lines.subList(rest, lines.size()));
        try {
            Files.write(target, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DocumentException(target, DocumentException.Kind.UNREADABLE, "cannot write: " + e.getMessage(), e);
        }
    }

    /** A line an earlier stamp wrote: 份号, the mark, 紧急程度. */
    private static boolean ours(String line) {
        return !CopyNumber.digitsOfLine(line).isEmpty() || PARSER.parse(line).isPresent() || Urgency.parse(line).isPresent();
    }

    private static List<String> lines(Path file) throws DocumentException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DocumentException(file, DocumentException.Kind.UNREADABLE, e.getClass().getSimpleName() + ": "
                    + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new DocumentException(file, DocumentException.Kind.UNREADABLE, "not a memo (no " + MAGIC + " line)");
        }
        return lines;
    }
}
