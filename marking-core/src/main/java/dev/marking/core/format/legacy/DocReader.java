package dev.marking.core.format.legacy;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.Interruption;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ddf.EscherComplexProperty;
import org.apache.poi.ddf.EscherContainerRecord;
import org.apache.poi.ddf.EscherOptRecord;
import org.apache.poi.ddf.EscherPropertyTypes;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.model.FSPA;
import org.apache.poi.hwpf.model.FSPADocumentPart;
import org.apache.poi.hwpf.model.FSPATable;
import org.apache.poi.hwpf.model.FileInformationBlock;
import org.apache.poi.hwpf.model.GenericPropertyNode;
import org.apache.poi.hwpf.model.PlexOfCps;
import org.apache.poi.hwpf.model.SEPX;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.OfficeDrawing;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;

/**
 * Turns a Word 97–2003 document into a {@link ReadModel} the way the DOCX reader does: body paragraphs by
 * section, the header/footer stories each section shows (default, first page, even pages — inherited from
 * the previous section where a section has none, as Word does), WordArt watermarks in headers, comments
 * anchored where they are, footnotes, endnotes and text boxes, hidden text and unaccepted changes, and
 * summary information.
 */
final class DocReader {

    static final int FIRST_PAGE_LINES = 6;
    /** Header stories per section in the plcfhdd, after six footnote/endnote separator stories. */
    private static final int STORIES = 6;
    private static final int EVEN_HEADER = 0;
    private static final int ODD_HEADER = 1;
    private static final int EVEN_FOOTER = 2;
    private static final int ODD_FOOTER = 3;
    private static final int FIRST_HEADER = 4;
    private static final int FIRST_FOOTER = 5;
    private static final char ANNOTATION = '\u0005';
    private static final char DRAWING = '\u0008';
    /** Characters of header text between two checks of the time limit ({@link Interruption}). */
    private static final int CHECK_EVERY = 0xFFF;

    private final HWPFDocument doc;
    private final List<HiddenItem> hidden = new ArrayList<>();
    private final List<Location> commentAnchors = new ArrayList<>();

    private DocReader(HWPFDocument doc) {
        this.doc = doc;
    }

    static ReadModel read(Path path, String format, HWPFDocument doc, List<HiddenItem> packageItems) {
        return new DocReader(doc).model(path, format, packageItems);
    }

    private ReadModel model(Path path, String format, List<HiddenItem> packageItems) {
        List<TextBlock> body = body();
        List<TextBlock> top = List.copyOf(body.subList(0, Math.min(FIRST_PAGE_LINES, body.size())));
        body.addAll(story(doc.getFootnoteRange(), "footnotes"));
        body.addAll(story(doc.getEndnoteRange(), "endnotes"));
        body.addAll(story(doc.getMainTextboxRange(), "textbox"));
        comments();
        List<RunningSlot> slots = new HeaderStories().slots();
        Map<String, String> properties = new LinkedHashMap<>();
        OleFiles.summary(doc, properties, hidden);
        hidden.addAll(packageItems);
        return new ReadModel(path, format, Unit.SECTION, top, body, slots, properties, hidden);
    }

    /** Body paragraphs numbered 1, 2, … across the document, each with its section. */
    private List<TextBlock> body() {
        Range main = doc.getRange();
        List<TextBlock> blocks = new ArrayList<>();
        int index = 0;
        WordText.Fields fields = new WordText.Fields();
        for (int s = 0; s < main.numSections(); s++) {
            Range section = main.getSection(s);
            for (int p = 0; p < section.numParagraphs(); p++) {
                index++;
                Location at = new Location("body", s + 1, 0, index, 0, 0);
                paragraph(section.getParagraph(p), at, new Sink(blocks, hidden, fields), true);
            }
        }
        return blocks;
    }

    /** Paragraphs of a sub-document (footnotes, text boxes, a header story) under {@code part}. */
    private List<TextBlock> story(Range range, String part) {
        List<TextBlock> blocks = new ArrayList<>();
        if (range == null) {
            return blocks;
        }
        Sink sink = new Sink(blocks, hidden, new WordText.Fields());
        for (int p = 0; p < range.numParagraphs(); p++) {
            paragraph(range.getParagraph(p), new Location(part, 0, 0, p + 1, 0, 0), sink, false);
        }
        return blocks;
    }

    /**
     * Where the paragraphs of one story go.
     *
     * @param blocks visible text
     * @param unseen hidden, deleted and inserted text
     * @param fields the story's field state
     */
    private record Sink(List<TextBlock> blocks, List<HiddenItem> unseen, WordText.Fields fields) {
    }

    /** The visible text of one paragraph into the sink's blocks; hidden, deleted and inserted runs into its unseen. */
    private void paragraph(Paragraph p, Location at, Sink sink, boolean main) {
        Interruption.check();
        StringBuilder visible = new StringBuilder();
        StringBuilder vanished = new StringBuilder();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (int r = 0; r < p.numCharacterRuns(); r++) {
            CharacterRun run = p.getCharacterRun(r);
            String text = sink.fields().visible(run.text());
            if (run.isMarkedDeleted()) {
                deleted.append(text);
                continue;
            }
            if (run.isVanished()) {
                vanished.append(text);
            } else {
                visible.append(text);
            }
            if (run.isMarkedInserted()) {
                inserted.append(text);
            }
        }
        if (main) {
            visible.chars().filter(c -> c == ANNOTATION).forEach(c -> commentAnchors.add(at));
        }
        String text = WordText.clean(visible.toString());
        if (!text.isEmpty()) {
            sink.blocks().add(new TextBlock(text, at));
        }
        unseen(HiddenKind.HIDDEN_TEXT, vanished, at, sink.unseen());
        unseen(HiddenKind.DELETION, deleted, at, sink.unseen());
        unseen(HiddenKind.INSERTION, inserted, at, sink.unseen());
    }

    private static void unseen(HiddenKind kind, StringBuilder raw, Location at, List<HiddenItem> out) {
        String text = WordText.clean(raw.toString());
        if (!text.isEmpty()) {
            out.add(new HiddenItem(kind, text, at));
        }
    }

    /** Each comment starts with an annotation mark in the comments story; the n-th belongs to the n-th in the body. */
    private void comments() {
        Range range = doc.getCommentsRange();
        String all = range == null ? "" : range.text();
        int n = 0;
        int start = all.indexOf(ANNOTATION);
        while (start >= 0) {
            Interruption.check();
            int end = all.indexOf(ANNOTATION, start + 1);
            String raw = all.substring(start + 1, end < 0 ? all.length() : end).replace('\r', ' ');
            String text = WordText.clean(new WordText.Fields().visible(raw));
            Location at = n < commentAnchors.size() ? commentAnchors.get(n).withPart("comment")
                    : Location.part("comment");
            hidden.add(new HiddenItem(HiddenKind.COMMENT, text, at));
            n++;
            start = end;
        }
    }

    /** The header/footer stories of the plcfhdd: per section, even/odd/first headers and footers. */
    private final class HeaderStories {

        private final Range range = doc.getHeaderStoryRange();
        private final PlexOfCps plcf;
        private final Map<Integer, List<String>> watermarks = new LinkedHashMap<>();
        /** Stories whose hidden content is already reported: a story shown in many sections counts once. */
        private final Set<Integer> seen = new HashSet<>();

        HeaderStories() {
            FileInformationBlock fib = doc.getFileInformationBlock();
            plcf = fib.getPlcfHddSize() == 0 || range == null ? null
                    : new PlexOfCps(doc.getTableStream(), fib.getPlcfHddOffset(), fib.getPlcfHddSize(), 0);
            if (plcf != null) {
                watermarks();
            }
        }

        List<RunningSlot> slots() {
            List<SEPX> sections = doc.getSectionTable().getSections();
            boolean evenAndOdd = doc.getDocProperties().isFFacingPages();
            List<RunningSlot> slots = new ArrayList<>();
            for (int s = 0; s < Math.max(1, sections.size()); s++) {
                boolean titlePage = s < sections.size() && sections.get(s).getSectionProperties().getFTitlePage();
                slots.add(slot(s, SlotType.DEFAULT, ODD_HEADER, ODD_FOOTER));
                if (titlePage) {
                    slots.add(slot(s, SlotType.FIRST, FIRST_HEADER, FIRST_FOOTER));
                }
                if (evenAndOdd) {
                    slots.add(slot(s, SlotType.EVEN, EVEN_HEADER, EVEN_FOOTER));
                }
            }
            return slots;
        }

        private RunningSlot slot(int section, SlotType type, int header, int footer) {
            int h = shown(section, header);
            int f = shown(section, footer);
            return new RunningSlot(section + 1, type, blocks(h, "header:" + type.id(), section + 1),
                    blocks(f, "footer:" + type.id(), section + 1), watermarks.getOrDefault(h, List.of()));
        }

        /** The plcfhdd index of the story {@code section} shows for {@code kind}: its own, else the nearest earlier one. */
        private int shown(int section, int kind) {
            for (int s = section; s >= 0; s--) {
                int i = STORIES + STORIES * s + kind;
                if (plcf != null && i + 1 < plcf.length()) {
                    GenericPropertyNode n = plcf.getProperty(i);
                    if (n.getEnd() > n.getStart()) {
                        return i;
                    }
                }
            }
            return -1;
        }

        private List<TextBlock> blocks(int story, String part, int section) {
            List<TextBlock> out = new ArrayList<>();
            if (story < 0) {
                return out;
            }
            GenericPropertyNode n = plcf.getProperty(story);
            Sink sink = new Sink(out, seen.add(story) ? hidden : new ArrayList<>(), new WordText.Fields());
            int base = range.getStartOffset();
            int index = 0;
            for (int p = 0; p < range.numParagraphs(); p++) {
                Interruption.check();
                Paragraph para = range.getParagraph(p);
                int at = para.getStartOffset() - base;
                if (at >= n.getStart() && at < n.getEnd()) {
                    index++;
                    paragraph(para, new Location(part, section, 0, index, 0, 0), sink, false);
                }
            }
            return out;
        }

        /** WordArt text ({@code gtextUNICODE}) of shapes anchored in each story: how Word stores a watermark. */
        private void watermarks() {
            FSPATable anchors = new FSPATable(doc.getTableStream(), doc.getFileInformationBlock(),
                    FSPADocumentPart.HEADER);
            Map<Integer, String> byShape = new LinkedHashMap<>();
            for (OfficeDrawing d : doc.getOfficeDrawingsHeaders().getOfficeDrawings()) {
                String text = wordArt(d.getOfficeArtSpContainer());
                if (!text.isEmpty()) {
                    byShape.put(d.getShapeId(), text);
                }
            }
            if (byShape.isEmpty()) {
                return;
            }
            String text = range.text();
            for (int cp = 0; cp < text.length(); cp++) {
                if ((cp & CHECK_EVERY) == 0) {
                    Interruption.check();
                }
                FSPA anchor = text.charAt(cp) == DRAWING ? anchors.getFspaFromCp(cp) : null;
                String wordArt = anchor == null ? null : byShape.get(anchor.getSpid());
                if (wordArt != null) {
                    watermarks.computeIfAbsent(storyAt(cp), k -> new ArrayList<>()).add(wordArt);
                }
            }
        }

        private int storyAt(int cp) {
            for (int i = 0; i + 1 < plcf.length(); i++) {
                GenericPropertyNode n = plcf.getProperty(i);
                if (cp >= n.getStart() && cp < n.getEnd()) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The WordArt text of a shape, empty when it has none. */
    static String wordArt(EscherContainerRecord shape) {
        if (shape == null) {
            return "";
        }
        EscherOptRecord opt = shape.getChildById(EscherOptRecord.RECORD_ID);
        if (opt == null) {
            return "";
        }
        if (opt.lookup(EscherPropertyTypes.GEOTEXT__UNICODE) instanceof EscherComplexProperty p) {
            String s = new String(p.getComplexData(), StandardCharsets.UTF_16LE);
            int nul = s.indexOf('\0');
            return (nul < 0 ? s : s.substring(0, nul)).strip();
        }
        return "";
    }
}
