package dev.marking.core.format.ooxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.LibreOffice;
import dev.marking.core.testing.NeedsCorpus;
import dev.marking.core.testing.WatermarkPixels;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Stamped workbooks and presentations as an independent reader sees them (issue 12, acceptance 2):
 * LibreOffice converts the originals and the stamped copies to PDF, {@code pdftotext} reads every page,
 * {@code pdftoppm} draws them. Every printed page carries the mark and the copy number, the original
 * text is all still there, the slide watermark is diagonal and light. LibreOffice Calc does not draw
 * header pictures, so the workbook watermark is followed through the package's own XML (sheet → header
 * code {@code &G} → header drawing → picture) and the picture Excel prints is checked. Pictures for a
 * person to look at are written to {@code target/ooxml-render/}.
 */
@NeedsCorpus
class OoxmlLibreOfficeTest {

    private static final Path PICTURES = Path.of("target", "ooxml-render");
    private static final String MARK = "机密★5年";
    private static final String COPY = "第000123份";
    private static final int DPI = 50;

    @TempDir
    static Path work;

    /** Original file → its PDF and its stamped copy's PDF. */
    private static final Map<Path, Path[]> RENDERED = new LinkedHashMap<>();
    private static Path xlsxFixture;
    private static Path pptxFixture;

    @BeforeAll
    static void stampAndRenderEverything() throws Exception {
        LibreOffice lo = new LibreOffice(work);
        List<Path> originals = new ArrayList<>(OoxmlCorpusTest.corpus().filter(OoxmlLibreOfficeTest::readable).toList());
        xlsxFixture = Fixtures.xlsx().sheet("长表").header("&L我的页眉").footer("&R第&P页")
                .firstHeader("&C首页页眉").evenHeader("&C偶数页页眉")
                .cell("A1", "第一行").cell("A200", "最后一行").cell("C100", "中间")
                .sheet("第二表").cell("B2", "第二张表").build(Files.createDirectories(work.resolve("fixtures")).resolve("表.xlsx"));
        pptxFixture = Fixtures.pptx().slide().text("第一张幻灯片")
                .slide().text("隐藏母版图形的幻灯片").hideMasterShapes()
                .slideOnLayoutHidingMaster().text("版式隐藏母版的幻灯片")
                .build(work.resolve("fixtures").resolve("演示.pptx"));
        originals.add(xlsxFixture);
        originals.add(pptxFixture);
        List<Path> stamped = new ArrayList<>();
        FormatRegistry formats = FormatRegistry.standard();
        Path stampedDir = Files.createDirectories(work.resolve("stamped"));
        for (Path f : originals) {
            Path out = stampedDir.resolve(f.getFileName());
            formats.forFile(f).orElseThrow().stamp(f, out, OoxmlCorpusTest.first());
            stamped.add(out);
        }
        List<Path> before = lo.toPdf(originals, work.resolve("pdf-original"));
        List<Path> after = lo.toPdf(stamped, work.resolve("pdf-stamped"));
        for (int i = 0; i < originals.size(); i++) {
            RENDERED.put(originals.get(i), new Path[] {before.get(i), after.get(i)});
        }
    }

    static Stream<Path> files() {
        return RENDERED.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyPageCarriesTheMarkAndTheCopyAndKeepsTheOriginalText(Path file) throws Exception {
        LibreOffice lo = new LibreOffice(work);
        Path[] pdfs = RENDERED.get(file);
        List<String> pages = lo.pageTexts(pdfs[1]);
        assertFalse(pages.isEmpty(), "no pages");
        for (int p = 0; p < pages.size(); p++) {
            String text = squeeze(pages.get(p));
            assertTrue(text.contains(MARK), file.getFileName() + " page " + (p + 1) + " lacks the mark: " + text);
            assertTrue(text.contains(COPY), file.getFileName() + " page " + (p + 1) + " lacks the copy number: " + text);
        }
        String firstPage = squeeze(pages.get(0));
        assertTrue(firstPage.contains("000123") && firstPage.contains("特急"), "the block on the first page: " + firstPage);
        if (file.toString().endsWith(".xlsx")) {
            // cells that overflow are clipped wherever the page layout cuts them: compare the cells themselves
            assertEquals(cellValues(file), cellValues(work.resolve("stamped").resolve(file.getFileName())),
                    file.getFileName() + ": every cell of every sheet as it was");
        } else {
            String all = squeeze(String.join("", pages));
            for (String page : lo.pageTexts(pdfs[0])) {
                for (String word : page.split("\\s+")) {
                    assertTrue(all.contains(word), file.getFileName() + ": original text lost: " + word);
                }
            }
        }
        String name = file.getFileName().toString().replace('.', '-');
        lo.render(pdfs[1], 1, DPI, PICTURES.resolve(name + "-page1.png"));
    }

    @Test
    void theSlideWatermarkIsDiagonalAndLightOnEverySlide() throws Exception {
        LibreOffice lo = new LibreOffice(work);
        Path pdf = RENDERED.get(pptxFixture)[1];
        int pages = lo.pageTexts(pdf).size();
        assertEquals(3, pages);
        for (int p = 1; p <= pages; p++) {
            Path png = lo.render(pdf, p, DPI, PICTURES.resolve("pptx-fixture-slide" + p + ".png"));
            WatermarkPixels.assertDiagonalAndLight(ImageIO.read(png.toFile()), "slide " + p + ": ");
        }
    }

    @Test
    void theWorkbookWatermarkIsTheDiagonalLightPictureEveryHeaderPrints() throws Exception {
        Path stamped = work.resolve("stamped").resolve(xlsxFixture.getFileName());
        try (ZipFile zip = new ZipFile(stamped.toFile())) {
            for (String sheet : List.of("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml")) {
                Document xml = parse(zip, sheet);
                Element hf = first(xml, "headerFooter");
                List<String> headers = new ArrayList<>(List.of(text(hf, "oddHeader")));
                if ("true".equals(hf.getAttribute("differentFirst")) || "1".equals(hf.getAttribute("differentFirst"))) {
                    headers.add(text(hf, "firstHeader"));
                }
                if ("true".equals(hf.getAttribute("differentOddEven")) || "1".equals(hf.getAttribute("differentOddEven"))) {
                    headers.add(text(hf, "evenHeader"));
                }
                for (String h : headers) {
                    assertTrue(h.contains("&G"), sheet + ": a header without the picture code: " + h);
                }
                String drawing = target(zip, sheet, first(xml, "legacyDrawingHF").getAttributeNS(R, "id"));
                Document vml = parse(zip, drawing);
                NodeList shapes = vml.getElementsByTagNameNS(V, "shape");
                assertEquals(headers.size(), shapes.getLength(), sheet + ": one picture per header variant");
                Element data = (Element) ((Element) shapes.item(0)).getElementsByTagNameNS(V, "imagedata").item(0);
                String picture = target(zip, drawing, data.getAttributeNS(O, "relid"));
                BufferedImage onPaper = onWhite(ImageIO.read(zip.getInputStream(zip.getEntry(picture))));
                Path png = PICTURES.resolve("xlsx-watermark-" + sheet.replaceAll("\\W", "-") + ".png");
                Files.createDirectories(png.getParent());
                ImageIO.write(onPaper, "png", png.toFile());
                WatermarkPixels.assertDiagonalAndLight(onPaper, sheet + ": ");
            }
        }
    }

    /**
     * Every cell value of every worksheet part, read from the package's XML directly (shared strings resolved,
     * phonetic runs left out), sorted: the workbook's text as any reader of the file format finds it.
     */
    private static List<String> cellValues(Path xlsx) throws Exception {
        List<String> values = new ArrayList<>();
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            List<String> shared = new ArrayList<>();
            if (zip.getEntry("xl/sharedStrings.xml") != null) {
                NodeList si = parse(zip, "xl/sharedStrings.xml").getElementsByTagNameNS("*", "si");
                for (int i = 0; i < si.getLength(); i++) {
                    shared.add(runs((Element) si.item(i)));
                }
            }
            for (ZipEntry e : zip.stream().filter(e -> e.getName().matches("xl/worksheets/[^/]+\\.xml")).toList()) {
                NodeList cells = parse(zip, e.getName()).getElementsByTagNameNS("*", "c");
                for (int i = 0; i < cells.getLength(); i++) {
                    Element c = (Element) cells.item(i);
                    String v = text(c, "v");
                    String value = switch (c.getAttribute("t")) {
                        case "s" -> shared.get(Integer.parseInt(v.strip()));
                        case "inlineStr" -> runs(c);
                        default -> v;
                    };
                    values.add(e.getName() + "!" + c.getAttribute("r") + "=" + value);
                }
            }
        }
        values.sort(null);
        return values;
    }

    /** The text of a string item: its {@code t} elements, phonetic guides ({@code rPh}) left out. */
    private static String runs(Element item) {
        StringBuilder sb = new StringBuilder();
        NodeList ts = item.getElementsByTagNameNS("*", "t");
        for (int i = 0; i < ts.getLength(); i++) {
            if (!"rPh".equals(ts.item(i).getParentNode().getLocalName())) {
                sb.append(ts.item(i).getTextContent());
            }
        }
        return sb.toString();
    }

    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String V = "urn:schemas-microsoft-com:vml";
    private static final String O = "urn:schemas-microsoft-com:office:office";

    /** The part a relationship of {@code source} points at, read from the package's {@code .rels} directly. */
    private static String target(ZipFile zip, String source, String id) throws Exception {
        int slash = source.lastIndexOf('/');
        String rels = source.substring(0, slash) + "/_rels/" + source.substring(slash + 1) + ".rels";
        NodeList list = parse(zip, rels).getElementsByTagName("Relationship");
        for (int i = 0; i < list.getLength(); i++) {
            Element r = (Element) list.item(i);
            if (id.equals(r.getAttribute("Id"))) {
                return Path.of(source.substring(0, slash)).resolve(r.getAttribute("Target")).normalize().toString();
            }
        }
        throw new AssertionError("no relationship " + id + " in " + rels);
    }

    private static Document parse(ZipFile zip, String entry) throws Exception {
        ZipEntry e = zip.getEntry(entry);
        assertTrue(e != null, "no part " + entry);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = zip.getInputStream(e)) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    private static Element first(Document xml, String local) {
        Element e = (Element) xml.getElementsByTagNameNS("*", local).item(0);
        assertTrue(e != null, "no " + local);
        return e;
    }

    private static String text(Element parent, String local) {
        NodeList l = parent.getElementsByTagNameNS("*", local);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent();
    }

    /** The picture as it prints: on white paper. */
    private static BufferedImage onWhite(BufferedImage picture) {
        BufferedImage page = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.drawImage(picture, 0, 0, null);
        g.dispose();
        return page;
    }

    private static String squeeze(String s) {
        return s.replaceAll("[\\s\\u00a0\\u3000]+", "");
    }

    private static boolean readable(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 'P';
        } catch (IOException e) {
            return false;
        }
    }
}
