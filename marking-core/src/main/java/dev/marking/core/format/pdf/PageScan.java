package dev.marking.core.format.pdf;

import dev.marking.core.format.HiddenItem;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.contentstream.operator.markedcontent.BeginMarkedContentSequence;
import org.apache.pdfbox.contentstream.operator.markedcontent.BeginMarkedContentSequenceWithProperties;
import org.apache.pdfbox.contentstream.operator.markedcontent.EndMarkedContentSequence;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * One pass over each page's content streams that yields everything the reader needs of it: the text, split
 * into the document's own text and our stamp's pieces, and (with ink) the text a reader does not see
 * ({@link PageInk}, {@link RedactionScanner}). Text inside a marked-content sequence whose properties carry
 * {@code /MarkingStamp /role}, or inside a Form XObject whose resource name starts with {@code MarkingStamp},
 * is ours; everything else is the page's. Hostile content stops at one of the {@link ContentLimits}.
 */
final class PageScan extends PDFTextStripper {

    /** One page: its own text (lines), our stamp's texts by role in drawing order, and its covered text. */
    record PageText(int page, String body, Map<StampRole, List<String>> stamp, List<HiddenItem> covered) {

        List<String> stamp(StampRole role) {
            return stamp.getOrDefault(role, List.of());
        }
    }

    private final boolean withInk;
    private final List<PageText> pages = new ArrayList<>();
    private final ContentLimits limits = new ContentLimits();
    /** For each open marked-content sequence (innermost first): whether it is our stamp, for the ink. */
    private final Deque<Boolean> inkSequences = new ArrayDeque<>();
    private PageInk ink;
    private PDPage page;
    /** For each open marked-content sequence (innermost first): whether it started the current piece of stamp text. */
    private final Deque<Boolean> starts = new ArrayDeque<>();
    private Map<StampRole, List<String>> stamp;
    private StringBuilder piece;
    private StampRole pieceRole;
    private int pageStart;

    /** A pass for text only ({@code withInk} false) or for text and ink together. */
    PageScan(boolean sortByPosition, boolean withInk) {
        this.withInk = withInk;
        addOperator(new BeginMarkedContentSequence(this));
        addOperator(new BeginMarkedContentSequenceWithProperties(this));
        addOperator(new EndMarkedContentSequence(this));
        if (withInk) {
            InkOperators.addTo(this);
        }
        setSortByPosition(sortByPosition);
        setLineSeparator("\n");
    }

    /** Registers an operator ({@link InkOperators}). */
    void add(OperatorProcessor operator) {
        addOperator(operator);
    }

    /** The current page's ink, or null when this pass has none or it failed on this page. */
    PageInk ink() {
        return ink;
    }

    /** The ink of the current page cannot be read on: the page reports no covered text, as a page it cannot replay. */
    void inkFailed() {
        ink = null;
    }

    /** Reads pages {@code first..last} (1-based) of {@code doc}; a page without content gives an empty entry. */
    List<PageText> collect(PDDocument doc, int first, int last) throws IOException {
        setStartPage(first);
        setEndPage(last);
        pages.clear();
        StringWriter w = new StringWriter();
        writeText(doc, w);
        Map<Integer, PageText> byPage = new HashMap<>();
        pages.forEach(t -> byPage.put(t.page(), t));
        List<PageText> all = new ArrayList<>();
        for (int p = first; p <= last; p++) {
            all.add(byPage.getOrDefault(p, new PageText(p, "", Map.of(), List.of())));
        }
        return all;
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        super.startPage(page);
        starts.clear();
        stamp = new EnumMap<>(StampRole.class);
        piece = null;
        pageStart = ((StringWriter) output).getBuffer().length();
        this.page = page;
        ink = withInk ? new PageInk(page) : null;
        inkSequences.clear();
        limits.startPage(getCurrentPageNo());
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        super.endPage(page);
        finishPiece();
        List<HiddenItem> covered = covered();
        for (PDAnnotation watermark : AnnotationWatermark.of(page)) { // our watermark over page-sized annotations
            push(StampRole.WATERMARK);
            try {
                showAnnotation(watermark);
            } finally {
                pop();
            }
        }
        StringBuffer buffer = ((StringWriter) output).getBuffer();
        pages.add(new PageText(getCurrentPageNo(), buffer.substring(pageStart), Map.copyOf(stamp), covered));
        buffer.setLength(0);
        ink = null;
    }

    private List<HiddenItem> covered() {
        if (ink == null) {
            return List.of();
        }
        try {
            return RedactionScanner.covered(page, ink.glyphs(), getCurrentPageNo());
        } catch (IOException | RuntimeException e) {
            return List.of(); // damaged annotations hide nothing we can name
        }
    }

    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        Optional<StampRole> role = StampRole.of(properties);
        push(role.orElse(null));
        inkSequences.push(role.isPresent());
        if (ink != null && role.isPresent()) {
            ink.stamp(true);
        }
        super.beginMarkedContentSequence(tag, properties);
    }

    @Override
    public void endMarkedContentSequence() {
        pop();
        if (!inkSequences.isEmpty() && inkSequences.pop() && ink != null) {
            ink.stamp(false);
        }
        super.endMarkedContentSequence();
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        limits.operator(operator.getName(), getGraphicsStackSize());
        boolean draw = "Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName;
        Optional<StampRole> ours = draw ? StampRole.ofXObjectName(((COSName) operands.get(0)).getName()) : Optional.empty();
        if (ours.isPresent()) {
            push(ours.get());
            PageInk inkHere = ink;
            if (inkHere != null) {
                inkHere.stamp(true);
            }
            try {
                super.processOperator(operator, operands);
            } finally {
                pop();
                if (inkHere != null) {
                    inkHere.stamp(false);
                }
            }
            return;
        }
        if (draw && ink != null) {
            image((COSName) operands.get(0));
        }
        super.processOperator(operator, operands);
    }

    /** {@code Do} of an image: ink over the unit square (the text pass itself leaves images alone). */
    private void image(COSName name) {
        try {
            if (getResources() != null && getResources().isImageXObject(name)) {
                ink.drawImage(getGraphicsState().getCurrentTransformationMatrix());
            }
        } catch (RuntimeException e) {
            inkFailed();
        }
    }

    @Override
    protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
        limits.glyph();
        if (ink != null) {
            try {
                ink.showGlyph(trm, font, code, displacement, getGraphicsState());
            } catch (IOException | RuntimeException e) {
                inkFailed();
            }
        }
        super.showGlyph(trm, font, code, displacement);
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        limits.form(form, () -> super.showForm(form));
    }

    @Override
    public void showTransparencyGroup(PDTransparencyGroup form) throws IOException {
        limits.form(form, () -> super.showTransparencyGroup(form));
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if (pieceRole != null) {
            piece.append(text.getUnicode());
        } else {
            super.processTextPosition(text);
        }
    }

    private void push(StampRole role) {
        boolean starts = role != null && pieceRole == null;
        if (starts) {
            pieceRole = role;
            piece = new StringBuilder();
        }
        this.starts.push(starts);
    }

    private void pop() {
        if (starts.isEmpty()) {
            return;
        }
        if (starts.pop()) {
            finishPiece();
        }
    }

    private void finishPiece() {
        if (pieceRole != null) {
            String text = piece.toString().strip();
            if (!text.isEmpty()) {
                stamp.computeIfAbsent(pieceRole, r -> new ArrayList<>()).add(text);
            }
        }
        pieceRole = null;
        piece = null;
    }
}
