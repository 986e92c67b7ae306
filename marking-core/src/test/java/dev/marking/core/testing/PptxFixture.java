package dev.marking.core.testing;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

/**
 * A fluent builder of small, real PPTX files made with POI: slides with text boxes, speaker notes,
 * comments, hidden slides, slides and layouts that hide their master's shapes, text on the master, and
 * properties. Everything applies to the slide being built; {@link #slide()} starts the next one.
 */
public final class PptxFixture {

    private static final String P = "http://schemas.openxmlformats.org/presentationml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private final XMLSlideShow ppt = new XMLSlideShow();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<XSLFSlide, List<String>> comments = new LinkedHashMap<>();
    private XSLFSlide slide;
    private int boxes;

    PptxFixture() {
        ppt.getProperties().getCoreProperties().setCreator("");
    }

    /** Starts a new slide. */
    public PptxFixture slide() {
        slide = ppt.createSlide();
        boxes = 0;
        return this;
    }

    /** A text box on the current slide, below the previous one. */
    public PptxFixture text(String text) {
        box(current().createTextBox(), text, boxes++);
        return this;
    }

    /** The speaker notes of the current slide. */
    public PptxFixture notes(String text) {
        XSLFNotes notes = ppt.getNotesSlide(current());
        XSLFTextShape body = (XSLFTextShape) notes.getPlaceholder(Placeholder.BODY);
        body.setText(text);
        return this;
    }

    /** A comment on the current slide. */
    public PptxFixture comment(String text) {
        comments.computeIfAbsent(current(), s -> new ArrayList<>()).add(text);
        return this;
    }

    /** Hides the current slide from the show. */
    public PptxFixture hidden() {
        current().setHidden(true);
        return this;
    }

    /** The current slide hides its layout's and master's shapes ("hide background graphics"). */
    public PptxFixture hideMasterShapes() {
        current().setFollowMasterObjects(false);
        return this;
    }

    /**
     * Starts a new slide on the "title only" layout, which no {@link #slide()} uses, and makes that layout
     * hide its master's shapes.
     */
    public PptxFixture slideOnLayoutHidingMaster() {
        XSLFSlideLayout layout = ppt.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_ONLY);
        layout.getXmlObject().setShowMasterSp(false);
        slide = ppt.createSlide(layout);
        for (XSLFShape copied : new ArrayList<>(slide.getShapes())) {
            slide.removeShape(copied); // POI copies the layout's prompt texts; PowerPoint shows them only while editing
        }
        boxes = 0;
        return this;
    }

    /** A text box on the slide master, shown on every slide that shows master shapes. */
    public PptxFixture masterText(String text) {
        box(ppt.getSlideMasters().get(0).createTextBox(), text, 0);
        return this;
    }

    /** A custom document property. */
    public PptxFixture property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** Writes the presentation to {@code file} and returns it. */
    public Path build(Path file) {
        current();
        properties.forEach((k, v) -> ppt.getProperties().getCustomProperties().addProperty(k, v));
        try {
            writeComments();
            try (OutputStream out = Files.newOutputStream(file)) {
                ppt.write(out);
                ppt.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    private static void box(XSLFTextBox box, String text, int index) {
        box.setAnchor(new Rectangle2D.Double(60, 80 + 60 * index, 560, 40));
        box.setText(text);
    }

    /** Legacy comments as PowerPoint 2007–2019 write them: an author list and one comment part per slide. */
    private void writeComments() throws InvalidFormatException, IOException {
        if (comments.isEmpty()) {
            return;
        }
        OPCPackage pkg = ppt.getPackage();
        PackagePartName authors = PackagingURIHelper.createPartName("/ppt/commentAuthors.xml");
        write(pkg.createPart(authors, "application/vnd.openxmlformats-officedocument.presentationml.commentAuthors+xml"),
                "<p:cmAuthorLst xmlns:p=\"" + P + "\"><p:cmAuthor id=\"0\" name=\"fixture\" initials=\"f\" lastIdx=\"9\""
                        + " clrIdx=\"0\"/></p:cmAuthorLst>");
        ppt.getPackagePart().addRelationship(authors, TargetMode.INTERNAL, RELS + "commentAuthors");
        int n = 1;
        for (Map.Entry<XSLFSlide, List<String>> e : comments.entrySet()) {
            StringBuilder xml = new StringBuilder("<p:cmLst xmlns:p=\"" + P + "\">");
            int idx = 1;
            for (String text : e.getValue()) {
                xml.append("<p:cm authorId=\"0\" dt=\"2026-01-05T09:00:00.000\" idx=\"").append(idx++)
                        .append("\"><p:pos x=\"10\" y=\"10\"/><p:text>").append(text).append("</p:text></p:cm>");
            }
            PackagePartName name = PackagingURIHelper.createPartName("/ppt/comments/comment" + n++ + ".xml");
            write(pkg.createPart(name, "application/vnd.openxmlformats-officedocument.presentationml.comments+xml"),
                    xml.append("</p:cmLst>").toString());
            e.getKey().getPackagePart().addRelationship(name, TargetMode.INTERNAL, RELS + "comments");
        }
    }

    private static void write(PackagePart part, String xml) throws IOException {
        try (OutputStream out = part.getOutputStream()) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
    }

    private XSLFSlide current() {
        if (slide == null) {
            slide();
        }
        return slide;
    }
}
