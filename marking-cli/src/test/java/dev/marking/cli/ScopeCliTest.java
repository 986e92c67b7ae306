package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.testing.FormatSamples;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, acceptance 2: the distribution scope and 不得翻印 are printed with the first-page block and written in
 * the metadata of DOCX, PDF, OFD and text; verify reads both back into the JSON marking, and reports a copy whose
 * page lost the note its metadata keeps.
 */
class ScopeCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode verify(Path file) throws Exception {
        CliRun r = CliRun.of("verify", "--format", "json", "--lang", "en", file.toString());
        return JSON.readTree(r.out()).get("files").get(0);
    }

    private static List<String> rules(JsonNode file) {
        return StreamSupport.stream(file.get("findings").spliterator(), false).map(f -> f.get("rule").asText()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "pdf", "ofd", "text"})
    void scopeAndNoReproductionArePrintedRecordedAndReadBack(String format) throws Exception {
        String name = "sample." + (format.equals("text") ? "md" : format);
        Path in = FormatSamples.of(format).orElseThrow().write(dir.resolve(name));
        Path out = dir.resolve("out");
        CliRun stamped = CliRun.of("stamp", "--level", "机密", "--term", "5", "--copy", "3", "--scope", "发至县团级",
                "--no-reproduction", "-o", out.toString(), in.toString());
        assertEquals(0, stamped.exit(), stamped.err());
        JsonNode file = verify(out.resolve(name.replace(".", ".000003.")));
        JsonNode marking = file.get("marking");
        assertEquals("发至县团级", marking.get("scope").asText(), file.toString());
        assertEquals("不得翻印", marking.get("reproduction").asText(), file.toString());
        assertTrue(!rules(file).contains("marking.inconsistent"), file.toString());

        Path plain = dir.resolve("plain");
        assertEquals(0, CliRun.of("stamp", "--level", "机密", "--term", "5", "-o", plain.toString(), in.toString()).exit());
        JsonNode none = verify(plain.resolve(name)).get("marking");
        assertTrue(none.path("scope").isMissingNode() && none.path("reproduction").isMissingNode(), none.toString());
    }

    @Test
    void aNoteRemovedFromThePageButKeptInMetadataIsReported() throws Exception {
        Path in = FormatSamples.of("docx").orElseThrow().write(dir.resolve("a.docx"));
        Path out = dir.resolve("out");
        assertEquals(0, CliRun.of("stamp", "--level", "机密", "--term", "5", "--scope", "发至县团级", "--no-reproduction",
                "-o", out.toString(), in.toString()).exit());
        Path stamped = out.resolve("a.docx");
        Path tampered = dir.resolve("tampered.docx");
        try (InputStream s = Files.newInputStream(stamped); XWPFDocument doc = new XWPFDocument(s)) {
            XWPFParagraph note = doc.getParagraphs().stream().filter(p -> p.getText().contains("不得翻印")).findFirst()
                    .orElseThrow();
            doc.removeBodyElement(doc.getPosOfParagraph(note));
            try (OutputStream o = Files.newOutputStream(tampered)) {
                doc.write(o);
            }
        }
        JsonNode file = verify(tampered);
        assertTrue(rules(file).contains("marking.inconsistent"), file.toString());
        String message = StreamSupport.stream(file.get("findings").spliterator(), false)
                .filter(f -> f.get("rule").asText().equals("marking.inconsistent")).findFirst().orElseThrow()
                .get("message").asText();
        assertTrue(message.contains("the first page says nothing but the metadata says 发至县团级　不得翻印"), message);
        CliRun text = CliRun.of("verify", "--lang", "en", tampered.toString());
        assertEquals(1, text.exit(), text.out());
    }
}
