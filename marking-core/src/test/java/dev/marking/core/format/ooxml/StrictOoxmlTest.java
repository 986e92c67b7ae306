package dev.marking.core.format.ooxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strict Open XML reads and stamps like transitional. Word and PowerPoint files saved as Strict are made
 * here from transitional ones by the reverse mapping (LibreOffice cannot save Strict); the workbook is
 * the corpus's own Strict file. A stamped Strict file is written as transitional.
 */
class StrictOoxmlTest {

    private static final FormatRegistry FORMATS = FormatRegistry.standard();
    /** {@code http://schemas.openxmlformats.org/wordprocessingml/2006/main}; OPC's {@code package} URIs are the same in Strict. */
    private static final Pattern TRANSITIONAL = Pattern.compile(
            "http://schemas\\.openxmlformats\\.org/(?!package/)([A-Za-z]+)/2006/([A-Za-z-]+)");
    private static final Map<String, String> CAMEL = Map.of("extended-properties", "extendedProperties",
            "custom-properties", "customProperties");

    @TempDir
    Path dir;

    @Test
    void namespacesAndRelationshipTypesMapToTransitional() {
        assertEquals("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
                StrictOoxml.translate("<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\""
                        + " w:conformance=\"strict\">"));
        assertEquals("Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\"",
                StrictOoxml.translate("Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties\""));
        assertEquals("xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\"",
                StrictOoxml.translate("xmlns=\"http://purl.oclc.org/ooxml/officeDocument/customProperties\""));
        assertEquals("Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\"",
                StrictOoxml.translate("Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "pptx", "xlsx"})
    void aStrictFileReadsLikeItsTransitionalTwinAndStampsAsTransitional(String kind) throws Exception {
        Path transitional = switch (kind) {
            case "docx" -> Fixtures.docx().header("页眉").paragraph("正文第一段").comment("有批注的段落", "批注内容")
                    .property("项目", "甲").build(dir.resolve("t.docx"));
            case "pptx" -> Fixtures.pptx().slide().text("第一张").notes("备注").slide().text("第二张").property("项目", "甲")
                    .build(dir.resolve("t.pptx"));
            default -> Fixtures.xlsx().header("&L页眉").cell("A1", "单元格").note("A1", "批注").property("项目", "甲")
                    .build(dir.resolve("t.xlsx"));
        };
        Path strict = toStrict(transitional, dir.resolve("strict." + kind));
        assertTrue(Files.readString(dir.resolve("strict-rels.txt")).contains(StrictOoxml.STRICT_MAIN), "really Strict");
        DocumentFormat format = FORMATS.forFile(strict).orElseThrow();
        assertEquals(format, FORMATS.identify(strict).byContent().orElseThrow(), "recognised by content");

        ReadModel t = format.read(transitional);
        ReadModel s = format.read(strict);
        assertEquals(OoxmlCorpusTest.texts(t.body()), OoxmlCorpusTest.texts(s.body()));
        assertEquals(slots(t), slots(s));
        assertEquals(t.hidden().stream().map(h -> h.kind() + ":" + h.text()).toList(),
                s.hidden().stream().map(h -> h.kind() + ":" + h.text()).toList());
        assertEquals("甲", s.properties().get("项目"));

        Path stamped = dir.resolve("stamped." + kind);
        format.stamp(strict, stamped, OoxmlCorpusTest.first());
        String rels = entry(stamped, "_rels/.rels");
        assertFalse(rels.contains("purl.oclc.org"), "stamped as transitional: " + rels);
        ReadModel read = format.read(stamped);
        assertEquals("机密", read.properties().get("marking.level"));
        assertTrue(read.slots().stream().allMatch(slot -> OoxmlCorpusTest.texts(slot.header()).contains("机密★5年")),
                "the mark in every header of " + kind);
    }

    @Test
    void theCorpusStrictWorkbookIsReadCellByCell() throws Exception {
        Path strict = Corpus.file("xlsx/poi_sample_strict.xlsx");
        ReadModel m = FORMATS.forFile(strict).orElseThrow().read(strict);
        assertEquals(List.of(1, 2, 3), m.slots().stream().map(RunningSlot::unit).toList());
        assertTrue(OoxmlCorpusTest.texts(m.body()).contains("The quick brown fox jumps over the lazy dog"),
                OoxmlCorpusTest.texts(m.body()).toString());
        assertEquals("Sheet1!B10", m.body().stream().filter(b -> b.text().equals("4995")).findFirst().orElseThrow()
                .location().describe(), "a formula's cached result");
    }

    private static List<String> slots(ReadModel m) {
        return m.slots().stream().map(s -> s.unit() + ":" + s.type() + ":" + OoxmlCorpusTest.texts(s.header())).toList();
    }

    /** The package with transitional URIs turned into Strict ones and the main part declared Strict. */
    private Path toStrict(Path transitional, Path strict) throws IOException {
        try (ZipFile in = new ZipFile(transitional.toFile()); OutputStream os = Files.newOutputStream(strict);
                ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : in.stream().toList()) {
                byte[] data;
                try (InputStream is = in.getInputStream(e)) {
                    data = is.readAllBytes();
                }
                String name = e.getName();
                if (name.endsWith(".xml") || name.endsWith(".rels")) {
                    String xml = strict(new String(data, StandardCharsets.UTF_8));
                    if (name.matches("(word/document|xl/workbook|ppt/presentation)\\.xml")) {
                        xml = xml.replaceFirst("(<[A-Za-z:]*(document|workbook|presentation)\\s)", "$1conformance=\"strict\" ");
                    }
                    if (name.equals("_rels/.rels")) {
                        Files.writeString(dir.resolve("strict-rels.txt"), xml);
                    }
                    data = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(name));
                out.write(data);
                out.closeEntry();
            }
        }
        return strict;
    }

    private static String strict(String xml) {
        Matcher m = TRANSITIONAL.matcher(xml);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement("http://purl.oclc.org/ooxml/" + m.group(1) + "/"
                    + CAMEL.getOrDefault(m.group(2), m.group(2))));
        }
        return m.appendTail(sb).toString().replace("/relationships/extended-properties", "/relationships/extendedProperties")
                .replace("/relationships/custom-properties", "/relationships/customProperties");
    }

    private static String entry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
