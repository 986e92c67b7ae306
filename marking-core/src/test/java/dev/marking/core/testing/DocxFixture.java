package dev.marking.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFactory;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBody;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.FtrDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.HdrDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;

/**
 * A fluent builder of small, real DOCX files made with POI: body paragraphs, tables, tracked changes,
 * hidden text, comments, sections with their own default/first/even headers and footers, properties.
 * Headers and footers apply to the section being built; {@link #section()} starts the next one.
 */
public final class DocxFixture {

    /** One section's headers and footers: type ({@code default}, {@code first}, {@code even}) → paragraphs. */
    private record SectionSpec(Map<String, List<String>> headers, Map<String, List<String>> footers, boolean[] titlePg) {
    }

    private final XWPFDocument doc = new XWPFDocument();
    private final List<SectionSpec> sections = new ArrayList<>(List.of(newSection()));
    private final List<CTP> breaks = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private boolean evenAndOdd;
    private int changeId = 1;
    private XWPFComments comments;

    DocxFixture() {
        doc.getProperties().getCoreProperties().setCreator(""); // POI's "Apache POI" would be a property finding in every test
    }

    /** A body paragraph. */
    public DocxFixture paragraph(String text) {
        doc.createParagraph().createRun().setText(text);
        return this;
    }

    /** A page break (a paragraph holding only the break). */
    public DocxFixture pageBreak() {
        doc.createParagraph().createRun().addBreak(BreakType.PAGE);
        return this;
    }

    /** A body paragraph {@code visible} followed by a hidden ({@code w:vanish}) run {@code hidden}. */
    public DocxFixture hiddenText(String visible, String hidden) {
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText(visible);
        p.createRun().setText(hidden);
        p.getRuns().get(1).setVanish(true);
        return this;
    }

    /** A paragraph {@code before}, a tracked deletion of {@code deleted}, then a tracked insertion of {@code inserted}. */
    public DocxFixture tracked(String before, String deleted, String inserted) {
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText(before);
        CTP ctp = p.getCTP();
        CTRunTrackChange del = ctp.addNewDel();
        del.setId(BigInteger.valueOf(changeId++));
        del.setAuthor("fixture");
        del.addNewR().addNewDelText().setStringValue(deleted);
        CTRunTrackChange ins = ctp.addNewIns();
        ins.setId(BigInteger.valueOf(changeId++));
        ins.setAuthor("fixture");
        ins.addNewR().addNewT().setStringValue(inserted);
        return this;
    }

    /** A paragraph {@code text} carrying a comment {@code comment}. */
    public DocxFixture comment(String text, String comment) {
        if (comments == null) {
            comments = doc.createComments();
        }
        BigInteger id = BigInteger.valueOf(changeId++);
        XWPFComment c = comments.createComment(id);
        c.setAuthor("fixture");
        c.createParagraph().createRun().setText(comment);
        XWPFParagraph p = doc.createParagraph();
        p.getCTP().addNewCommentRangeStart().setId(id);
        p.createRun().setText(text);
        p.getCTP().addNewCommentRangeEnd().setId(id);
        p.getCTP().addNewR().addNewCommentReference().setId(id);
        return this;
    }

    /** A one-row table with these cells. */
    public DocxFixture table(String... cells) {
        XWPFTable t = doc.createTable(1, cells.length);
        for (int i = 0; i < cells.length; i++) {
            t.getRow(0).getCell(i).setText(cells[i]);
        }
        return this;
    }

    /** A default-header paragraph of the current section. */
    public DocxFixture header(String text) {
        return running(current().headers(), "default", text);
    }

    /** A first-page header paragraph of the current section (and turns on its different first page). */
    public DocxFixture firstHeader(String text) {
        titlePage();
        return running(current().headers(), "first", text);
    }

    /** An even-page header paragraph of the current section (and turns on different odd and even pages). */
    public DocxFixture evenHeader(String text) {
        evenAndOddHeaders();
        return running(current().headers(), "even", text);
    }

    /** A default-footer paragraph of the current section. */
    public DocxFixture footer(String text) {
        return running(current().footers(), "default", text);
    }

    /** Turns on a different first page for the current section ({@code w:titlePg}). */
    public DocxFixture titlePage() {
        current().titlePg()[0] = true;
        return this;
    }

    /** Turns on different odd and even pages for the document ({@code w:evenAndOddHeaders}). */
    public DocxFixture evenAndOddHeaders() {
        evenAndOdd = true;
        return this;
    }

    /** Ends the current section (next page) and starts a new one with no headers of its own. */
    public DocxFixture section() {
        sections.add(newSection());
        breaks.add(doc.createParagraph().getCTP());
        return this;
    }

    /** A custom document property. */
    public DocxFixture property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** The core property {@code dc:creator} and the extended property {@code Company}. */
    public DocxFixture author(String creator, String company) {
        doc.getProperties().getCoreProperties().setCreator(creator);
        doc.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany(company);
        return this;
    }

    /** Writes the document to {@code file} and returns it. */
    public Path build(Path file) {
        CTBody body = doc.getDocument().getBody();
        for (int i = 0; i < sections.size(); i++) {
            CTSectPr sp;
            if (i < sections.size() - 1) {
                CTP p = breaks.get(i);
                sp = (p.isSetPPr() ? p.getPPr() : p.addNewPPr()).addNewSectPr();
            } else {
                sp = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
            }
            apply(sections.get(i), sp);
        }
        doc.setEvenAndOddHeadings(evenAndOdd);
        properties.forEach((k, v) -> doc.getProperties().getCustomProperties().addProperty(k, v));
        try (OutputStream out = Files.newOutputStream(file)) {
            doc.write(out);
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void apply(SectionSpec spec, CTSectPr sp) {
        spec.headers().forEach((type, lines) -> reference(sp, true, type, lines));
        spec.footers().forEach((type, lines) -> reference(sp, false, type, lines));
        if (spec.titlePg()[0]) {
            sp.addNewTitlePg();
        }
    }

    private void reference(CTSectPr sp, boolean header, String type, List<String> lines) {
        XWPFRelation rel = header ? XWPFRelation.HEADER : XWPFRelation.FOOTER;
        XWPFHeaderFooter part = (XWPFHeaderFooter) doc.createRelationship(rel, XWPFFactory.getInstance(),
                doc.getNextPartNumber(rel, 1));
        part.setXWPFDocument(doc);
        part.setHeaderFooter(header ? HdrDocument.Factory.newInstance().addNewHdr()
                : FtrDocument.Factory.newInstance().addNewFtr());
        for (String line : lines) {
            part.createParagraph().createRun().setText(line);
        }
        var ref = header ? sp.addNewHeaderReference() : sp.addNewFooterReference();
        ref.setType(STHdrFtr.Enum.forString(type));
        ref.setId(doc.getRelationId(part));
    }

    private DocxFixture running(Map<String, List<String>> map, String type, String text) {
        map.computeIfAbsent(type, t -> new ArrayList<>()).add(text);
        return this;
    }

    private SectionSpec current() {
        return sections.get(sections.size() - 1);
    }

    private static SectionSpec newSection() {
        return new SectionSpec(new LinkedHashMap<>(), new LinkedHashMap<>(), new boolean[1]);
    }
}
