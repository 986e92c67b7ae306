package dev.marking.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.format.Conversion;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.scan.Stamper;
import dev.marking.core.testing.FormatSamples;
import dev.marking.core.testing.LibreOffice;
import dev.marking.core.testing.Passwords;
import dev.marking.core.testing.Scans;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, acceptance 1: a folder with one document of each format the registry knows, unmarked and marked (stamped,
 * or for formats stamped only by converting — legacy Office and WPS, RTF, ODS, ODP — converted by LibreOffice from
 * the stamped modern counterpart; page images, which are only read, scanned from the stamped PDF), renamed, damaged
 * and encrypted ones and a few files that are not documents. {@code verify} reports every file: unmarked ones
 * {@code marking.missing}, marked ones with their level, the renamed ones read as what they are with
 * {@code file.mismatch}, the damaged and encrypted ones as errors, the rest skipped as not documents — and the
 * summary's counts add up to the number of files. The formats come from {@code FormatRegistry.standard()} and their
 * samples from {@code FormatSamples}, so a format registered later is covered here once its id has a sample (until
 * then this test fails, naming it).
 */
class RecognitionAcceptanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate STAMPED = LocalDate.of(2026, 12, 1);

    @TempDir
    Path dir;

    @TempDir
    Path work;

    /** One sample per registered format, and a stamped copy of it where the format stamps; names → format ids. */
    private void samples(Map<String, String> unmarked, Map<String, String> marked) throws Exception {
        FormatRegistry formats = FormatRegistry.standard();
        List<String> noSample = new ArrayList<>();
        List<DocumentFormat> convertOnly = new ArrayList<>();
        List<DocumentFormat> scanned = new ArrayList<>();
        Marking mark = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5));
        for (DocumentFormat f : formats.formats()) {
            Optional<FormatSamples.Builder> sample = FormatSamples.of(f.id());
            if (sample.isEmpty()) {
                noSample.add(f.id());
                continue;
            }
            String ext = f.extensions().get(0);
            Path plain = sample.get().write(dir.resolve("unmarked-" + f.id() + "." + ext));
            unmarked.put(plain.getFileName().toString(), f.id());
            try {
                Path stamped = new Stamper(formats).stamp(plain, work, StampOptions.all(mark, "doc-" + f.id(), STAMPED));
                marked.put(Files.move(stamped, dir.resolve("marked-" + f.id() + "." + ext)).getFileName().toString(),
                        f.id());
            } catch (DocumentException e) {
                // A format marking reads but only stamps by converting it (--convert): its marked variant is made
                // below, by LibreOffice from the stamped modern counterpart.
                // A format marking only reads (page images): its marked variant is a scan of the stamped PDF sample.
                assertEquals(DocumentException.Kind.REFUSED, e.kind(), f.id() + " cannot be stamped: " + e.getMessage());
                (f.conversion().isPresent() ? convertOnly : scanned).add(f);
            }
        }
        assertEquals(List.of(), noSample, "every registered format needs a sample in testing.FormatSamples");
        markedByConversion(convertOnly, marked);
        for (DocumentFormat f : scanned) {
            Path pdf = dir.resolve("marked-pdf.pdf");
            assertTrue(Files.isRegularFile(pdf), f.id() + " is scanned from the marked PDF sample, which is missing");
            Path image = Scans.png(dir.resolve("marked-" + f.id() + ".png"), Scans.scan(pdf, 1, 300, Scans.Noise.NONE, 1));
            marked.put(image.getFileName().toString(), f.id());
        }
        assertEquals(new TreeSet<>(unmarked.values()), new TreeSet<>(marked.values()), "a marked variant of every format");
    }

    /**
     * Marked variants of the formats marking reads but stamps only by converting (legacy Office and WPS, RTF, ODS,
     * ODP): LibreOffice's copy, in the format itself, of the stamped modern counterpart (one run per target).
     */
    private void markedByConversion(List<DocumentFormat> convertOnly, Map<String, String> marked) throws Exception {
        Map<String, List<Path>> byTarget = new TreeMap<>();
        Map<Path, DocumentFormat> formatOf = new HashMap<>();
        Path in = Files.createDirectories(work.resolve("to-convert"));
        for (DocumentFormat f : convertOnly) {
            Conversion c = f.conversion().orElseThrow(() -> new AssertionError(f.id() + " neither stamps nor converts"));
            Path stamped = dir.resolve("marked-" + c.target() + "." + c.target());
            assertTrue(Files.isRegularFile(stamped), f.id() + " converts to " + c.target() + ", which has no marked sample");
            Path source = Files.copy(stamped, in.resolve("marked-" + f.id() + "." + c.target()));
            byTarget.computeIfAbsent(c.source(), k -> new ArrayList<>()).add(source);
            formatOf.put(source, f);
        }
        LibreOffice office = new LibreOffice(work.resolve("office"));
        for (Map.Entry<String, List<Path>> e : byTarget.entrySet()) {
            List<Path> converted = office.convert(e.getValue(), e.getKey(), work.resolve("converted"));
            for (int i = 0; i < converted.size(); i++) {
                DocumentFormat f = formatOf.get(e.getValue().get(i));
                Path target = dir.resolve("marked-" + f.id() + "." + f.extensions().get(0));
                marked.put(Files.move(converted.get(i), target).getFileName().toString(), f.id());
            }
        }
    }

    /**
     * A renamed DOCX, PDF and XLS, a damaged DOCX and DOC, an encrypted DOCX and XLS, and files that are not
     * documents (returned).
     */
    private Set<String> oddFiles() throws Exception {
        Path docx = dir.resolve("unmarked-docx.docx");
        Files.copy(docx, dir.resolve("renamed-docx.doc"));
        Files.copy(dir.resolve("unmarked-pdf.pdf"), dir.resolve("renamed-pdf.txt"));
        Files.copy(dir.resolve("unmarked-xls.xls"), dir.resolve("renamed-xls.doc"));
        byte[] bytes = Files.readAllBytes(docx);
        Files.write(dir.resolve("damaged.docx"), Arrays.copyOf(bytes, bytes.length / 2));
        byte[] doc = Files.readAllBytes(dir.resolve("unmarked-doc.doc"));
        Files.write(dir.resolve("damaged.doc"), Arrays.copyOf(doc, doc.length / 2));
        Passwords.encryptedOoxml(docx, dir.resolve("locked.docx"), "secret");
        Passwords.encryptedXls(dir.resolve("locked.xls"), "secret");
        Files.writeString(dir.resolve("Tool.java"), "final class Tool {\n}\n");
        Files.writeString(dir.resolve("roster.csv"), "name,unit\n张三,办公室\n");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "gif", dir.resolve("photo.gif").toFile());
        Files.write(dir.resolve("tool"), new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        return Set.of("Tool.java", "roster.csv", "photo.gif", "tool");
    }

    @Test
    void everyFileIsReportedAsWhatItIsAndTheCountsAddUp() throws Exception {
        Map<String, String> unmarked = new TreeMap<>();
        Map<String, String> marked = new TreeMap<>();
        samples(unmarked, marked);
        Set<String> notDocuments = oddFiles();

        StringWriter out = new StringWriter();
        VerifyResult result = Engine.standard("test").verify(VerifyRequest.of(List.of(dir)).withLang("en")
                .withToday(STAMPED.plusDays(1)).withReport(ReportTarget.console("json")), out);
        JsonNode report = JSON.readTree(out.toString());

        Map<String, JsonNode> files = new TreeMap<>();
        report.get("files").forEach(f -> files.put(Path.of(f.get("path").asText()).getFileName().toString(), f));
        for (Map.Entry<String, String> e : unmarked.entrySet()) {
            JsonNode f = files.get(e.getKey());
            assertNotNull(f, e.getKey() + " is reported");
            assertEquals(e.getValue(), f.get("format").asText(), e.getKey());
            assertTrue(f.get("marking").isNull(), e.getKey() + " is unmarked");
            assertTrue(rules(f).contains("marking.missing"), e.getKey() + ": " + f);
        }
        for (Map.Entry<String, String> e : marked.entrySet()) {
            JsonNode f = files.get(e.getKey());
            assertEquals(e.getValue(), f.get("format").asText(), e.getKey());
            assertEquals("机密", f.at("/marking/level").asText(), e.getKey() + ": " + f);
            assertTrue(!rules(f).contains("marking.missing"), e.getKey() + ": " + f);
        }
        assertMisnamed(files.get("renamed-docx.doc"), "docx", ".doc");
        assertMisnamed(files.get("renamed-pdf.txt"), "pdf", ".txt");
        assertMisnamed(files.get("renamed-xls.doc"), "xls", ".doc");
        assertEquals(List.of("file.unreadable:error"), findings(files.get("damaged.docx")));
        assertEquals(List.of("file.unreadable:error"), findings(files.get("damaged.doc")));
        assertEquals(List.of("file.encrypted:error"), findings(files.get("locked.docx")));
        assertEquals(List.of("file.encrypted:error"), findings(files.get("locked.xls")));

        Set<String> skipped = new TreeSet<>();
        report.get("skipped").forEach(s -> {
            assertEquals("not-document", s.get("reason").asText(), s.toString());
            skipped.add(Path.of(s.get("path").asText()).getFileName().toString());
        });
        assertEquals(new TreeSet<>(notDocuments), skipped);

        Set<String> onDisk;
        try (Stream<Path> s = Files.list(dir)) {
            onDisk = new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
        JsonNode summary = report.get("summary");
        assertEquals(onDisk.size(), summary.get("files").asInt() + summary.get("skipped").asInt(),
                "every file is checked or skipped, once: " + summary);
        Set<String> seen = new TreeSet<>(files.keySet());
        seen.addAll(skipped);
        assertEquals(onDisk, seen);
        assertEquals(files.size(), summary.get("files").asInt());
        assertTrue(result.hasErrors());
        assertEquals(List.of("built-in"), report.get("policies").findValuesAsText("file"));
    }

    private static void assertMisnamed(JsonNode file, String format, String extension) {
        assertNotNull(file);
        assertEquals(format, file.get("format").asText(), "read as what it is: " + file);
        JsonNode mismatch = null;
        for (JsonNode f : file.get("findings")) {
            if (f.get("rule").asText().equals("file.mismatch")) {
                mismatch = f;
            }
        }
        assertNotNull(mismatch, file.toString());
        assertEquals("warning", mismatch.get("severity").asText());
        assertEquals("the name says " + extension + " but the content is " + format + ": read as " + format,
                mismatch.get("message").asText());
        assertTrue(rules(file).contains("marking.missing"), "and checked like any other: " + file);
    }

    private static List<String> rules(JsonNode file) {
        List<String> out = new ArrayList<>();
        file.get("findings").forEach(f -> out.add(f.get("rule").asText()));
        return out;
    }

    private static List<String> findings(JsonNode file) {
        List<String> out = new ArrayList<>();
        file.get("findings").forEach(f -> out.add(f.get("rule").asText() + ":" + f.get("severity").asText()));
        return out;
    }
}
