package dev.marking.core.rules.prose;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Location;
import dev.marking.core.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real-prose sample ({@code ../shared/samples/realprose}): about 12,000 sentences by genre, written by
 * others, grouped back into the documents they came from ({@code provenance.tsv}: the same source file and
 * record), so that rules see a judgment or a contract as a whole and not sentence by sentence.
 */
final class RealProse {

    /** The genres, one file each. */
    static final List<String> GENRES = List.of("news", "legal", "gov", "military", "wiki", "trad", "forms", "techmed");

    private RealProse() {
    }

    /** {@code realprose} in the labelled samples ({@link Corpus#samplesLocation()}): the one place that locates it. */
    static Path dir() {
        return Corpus.samplesLocation().resolve("realprose");
    }

    /** The sentences of one genre, one a line. */
    static List<String> sentences(String genre) throws IOException {
        return Files.readAllLines(dir().resolve(genre + ".txt"), StandardCharsets.UTF_8);
    }

    /**
     * The documents of one genre as read models: each line keeps its line number in the genre file, and the
     * lines of one source record (the same file, record or paragraph in {@code provenance.tsv}) form one document.
     */
    static List<ReadModel> documents(String genre) throws IOException {
        List<String> lines = sentences(genre);
        Map<String, List<TextBlock>> docs = new LinkedHashMap<>();
        for (String row : Files.readAllLines(dir().resolve("provenance.tsv"), StandardCharsets.UTF_8)) {
            String[] c = row.split("\t", -1);
            if (c.length < 5 || !c[0].equals(genre + ".txt")) {
                continue;
            }
            int line = Integer.parseInt(c[1]);
            String record = c[4].replaceFirst("\\.[^.\\]]*$", ""); // dataset[0].诉称段 and .辩称段: one judgment
            docs.computeIfAbsent(c[2] + "|" + c[3] + "|" + record, k -> new ArrayList<>())
                    .add(new TextBlock(lines.get(line - 1), Location.line(line, 0)));
        }
        List<ReadModel> out = new ArrayList<>();
        for (List<TextBlock> body : docs.values()) {
            out.add(new ReadModel(Path.of(genre + ".txt"), "text", Unit.FILE, List.of(), body, List.of(), Map.of(),
                    List.of()));
        }
        return out;
    }
}
