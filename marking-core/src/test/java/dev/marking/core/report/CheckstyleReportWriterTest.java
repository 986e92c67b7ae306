package dev.marking.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** checkstyle-result.xml as CI dashboards read it, parsed back with the JDK's XML parser. */
class CheckstyleReportWriterTest {

    private static final String TRICKY = "标志 \"机密★5年\" <与> 'A&B' 不一致";

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String write(ScanResult result) throws Exception {
        StringWriter out = new StringWriter();
        new CheckstyleReportWriter("1.2.3").write(result, out);
        return out.toString();
    }

    private static ScanResult sample() {
        Finding line = new Finding("marking.noncanonical", Severity.WARNING, TRICKY, Location.line(2, 3), "机密☆五年");
        Finding paragraph = new Finding("pii.id-card", Severity.ERROR, "身份证号 110105********002X",
                Location.body(7).withColumn(4), "110105********002X");
        Finding page = new Finding("marking.incomplete", Severity.ERROR, "missing on page 2", Location.page(2), null);
        Finding file = new Finding("marking.missing", Severity.ERROR, "no mark", Location.FILE, null);
        Finding info = new Finding("marking.noncanonical", Severity.INFO, "control \u0001 char", Location.line(1, 0), null);
        return new ScanResult(List.of(
                new FileResult("docs/会议纪要.md", "text", Optional.empty(), List.of(line, info)),
                new FileResult("docs/a&b.docx", "docx", Optional.empty(), List.of(paragraph, file)),
                new FileResult("b.pdf", "pdf", Optional.empty(), List.of(page)),
                new FileResult("clean.txt", "text", Optional.empty(), List.of())));
    }

    @Test
    void parsesAsCheckstyleXml() throws Exception {
        String xml = write(sample());
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), xml);
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        assertEquals("checkstyle", root.getTagName());
        assertEquals("1.2.3", root.getAttribute("version"));
        NodeList files = root.getElementsByTagName("file");
        assertEquals(4, files.getLength());
        assertEquals("b.pdf", ((Element) files.item(0)).getAttribute("name"));
        assertEquals("docs/a&b.docx", ((Element) files.item(2)).getAttribute("name"));
        assertEquals(0, ((Element) files.item(1)).getElementsByTagName("error").getLength(), "a clean file");
        assertEquals(5, root.getElementsByTagName("error").getLength());
        for (Element e : errors(root)) {
            assertTrue(Integer.parseInt(e.getAttribute("line")) >= 1);
            assertTrue(List.of("error", "warning", "info").contains(e.getAttribute("severity")));
            assertTrue(e.getAttribute("source").startsWith("marking."));
        }
    }

    @Test
    void linesComeFromLineParagraphOrPage() throws Exception {
        Element root = parse(write(sample())).getDocumentElement();
        Element page = error(root, "marking.marking.incomplete");
        assertEquals("2", page.getAttribute("line"));
        assertFalse(page.hasAttribute("column"));
        assertEquals("missing on page 2 [page 2]", page.getAttribute("message"));
        Element paragraph = error(root, "marking.pii.id-card");
        assertEquals("7", paragraph.getAttribute("line"));
        assertEquals("4", paragraph.getAttribute("column"));
        assertEquals("error", paragraph.getAttribute("severity"));
        assertEquals("1", error(root, "marking.marking.missing").getAttribute("line"));
    }

    @Test
    void escapesQuotesMarkupAndChinese() throws Exception {
        String xml = write(sample());
        Element root = parse(xml).getDocumentElement();
        List<Element> lines = errors(root).stream()
                .filter(e -> e.getAttribute("source").equals("marking.marking.noncanonical")).toList();
        assertEquals(TRICKY, lines.get(1).getAttribute("message"));
        assertEquals("2", lines.get(1).getAttribute("line"));
        assertEquals("3", lines.get(1).getAttribute("column"));
        assertEquals("warning", lines.get(1).getAttribute("severity"));
        assertEquals("control \uFFFD char", lines.get(0).getAttribute("message"));
        assertEquals("info", lines.get(0).getAttribute("severity"));
        assertTrue(xml.contains("会议纪要"), "Chinese is written as text, not as character references");
        assertFalse(xml.contains("\u0001"));
    }

    @Test
    void emptyScanIsAnEmptyReport() throws Exception {
        Element root = parse(write(new ScanResult(List.of()))).getDocumentElement();
        assertEquals("checkstyle", root.getTagName());
        assertEquals(0, root.getElementsByTagName("file").getLength());
    }

    private static List<Element> errors(Element root) {
        NodeList list = root.getElementsByTagName("error");
        return java.util.stream.IntStream.range(0, list.getLength()).mapToObj(i -> (Element) list.item(i)).toList();
    }

    private static Element error(Element root, String source) {
        return errors(root).stream().filter(e -> e.getAttribute("source").equals(source)).findFirst().orElseThrow();
    }
}
