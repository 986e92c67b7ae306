package dev.marking.core.format.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.model.Location;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;

/** Issue 4, DOCX: blacked-out runs ({@code covered-text}) and package-level hidden content, both directions. */
class DocxHiddenItemsTest {

    private static final String SECRET = "31681部队驻地";

    private final DocxFormat format = new DocxFormat();

    @TempDir
    Path tmp;

    /** Builds a DOCX with POI; the document's default creator is cleared so only what a test adds is reported. */
    private Path docx(DocxBuild build) throws Exception {
        Path file = tmp.resolve("f" + System.nanoTime() + ".docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.getProperties().getCoreProperties().setCreator("");
            build.apply(doc);
            doc.write(out);
        }
        return file;
    }

    @FunctionalInterface
    interface DocxBuild {
        void apply(XWPFDocument doc) throws Exception;
    }

    private static XWPFRun run(XWPFDocument doc, String text, String colour) {
        doc.createParagraph().createRun().setText("正文");
        XWPFRun r = doc.getParagraphs().get(doc.getParagraphs().size() - 1).createRun();
        r.setText(text);
        if (colour != null) {
            r.setColor(colour);
        }
        return r;
    }

    private static void shade(XWPFRun r, String fill) {
        CTShd shd = r.getCTR().isSetRPr() ? r.getCTR().getRPr().addNewShd() : r.getCTR().addNewRPr().addNewShd();
        shd.setVal(STShd.CLEAR);
        shd.setFill(fill);
    }

    private List<HiddenItem> hidden(Path f) throws Exception {
        return format.read(f).hidden();
    }

    @Test
    void positiveBlackShadingUnderBlackText() throws Exception {
        Path f = docx(d -> shade(run(d, SECRET, "000000"), "000000"));
        assertEquals(List.of(new HiddenItem(HiddenKind.COVERED_TEXT, SECRET, new Location("body", 1, 0, 1, 0, 3))), hidden(f));
    }

    @Test
    void positiveBlackHighlightUnderDarkText() throws Exception {
        Path f = docx(d -> run(d, SECRET, "101010").getCTR().getRPr().addNewHighlight()
                .setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor.BLACK));
        assertEquals(List.of("covered-text:" + SECRET), kinds(hidden(f)));
    }

    @Test
    void positiveBlackHighlightUnderAutomaticText() throws Exception {
        Path f = docx(d -> {
            XWPFRun r = run(d, SECRET, null);
            (r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr()).addNewHighlight()
                    .setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor.BLACK);
        });
        assertEquals(List.of("covered-text:" + SECRET), kinds(hidden(f)));
    }

    @Test
    void negativeYellowHighlightUnderBlackText() throws Exception {
        Path f = docx(d -> run(d, SECRET, "000000").getCTR().getRPr().addNewHighlight()
                .setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor.YELLOW));
        assertEquals(List.of(), hidden(f));
    }

    @Test
    void negativeWhiteTextOnBlackShadingIsVisible() throws Exception {
        Path f = docx(d -> shade(run(d, SECRET, "FFFFFF"), "000000"));
        assertEquals(List.of(), hidden(f));
    }

    @Test
    void negativeAutomaticTextOnBlackShadingIsDrawnWhite() throws Exception {
        Path f = docx(d -> shade(run(d, SECRET, null), "000000"));
        assertEquals(List.of(), hidden(f));
    }

    @Test
    void negativeBlackTextOnLightShading() throws Exception {
        Path f = docx(d -> shade(run(d, SECRET, "000000"), "D9D9D9"));
        assertEquals(List.of(), hidden(f));
    }

    @Test
    void packageItemsCustomXmlPropertiesAltTextAndEmbeddedObjects() throws Exception {
        Path f = docx(d -> {
            d.getProperties().getCoreProperties().setCreator("张三");
            d.getProperties().getCoreProperties().setLastModifiedByUser("李四");
            d.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany("某研究所");
            part(d, "/customXml/item1.xml", "application/xml",
                    "<project xmlns=\"urn:x\"><code>031工程</code><owner>王五</owner></project>",
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml");
            part(d, "/customXml/item2.xml", "application/xml",
                    "<b:Sources xmlns:b=\"http://schemas.openxmlformats.org/officeDocument/2006/bibliography\"/>",
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml");
            part(d, "/word/embeddings/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject", "x",
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject");
            XWPFRun r = d.createParagraph().createRun();
            r.addPicture(new ByteArrayInputStream(png()), Document.PICTURE_TYPE_PNG, "", 100, 100);
            var docPr = r.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr();
            docPr.setDescr("靶场位置图");
        });
        assertEquals(List.of("alt-text:靶场位置图", "property:张三", "property:李四", "property:某研究所",
                "custom-xml:031工程 王五", "embedded-object:oleObject1.bin"), kinds(hidden(f)));
    }

    @Test
    void negativePlainDocumentHasNoPackageItems() throws Exception {
        Path f = docx(d -> run(d, SECRET, null));
        assertEquals(List.of(), hidden(f));
    }

    private static List<String> kinds(List<HiddenItem> items) {
        return items.stream().map(h -> h.kind() + ":" + h.text()).toList();
    }

    private static void part(XWPFDocument d, String name, String type, String content, String rel) throws Exception {
        PackagePartName pn = PackagingURIHelper.createPartName(name);
        PackagePart p = d.getPackage().createPart(pn, type);
        try (OutputStream o = p.getOutputStream()) {
            o.write(content.getBytes(StandardCharsets.UTF_8));
        }
        d.getPackagePart().addRelationship(pn, TargetMode.INTERNAL, rel);
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", b);
        return b.toByteArray();
    }
}
