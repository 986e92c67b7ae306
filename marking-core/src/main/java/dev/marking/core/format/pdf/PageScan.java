package dev.marking.core.format.pdf;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.markedcontent.BeginMarkedContentSequence;
import org.apache.pdfbox.contentstream.operator.markedcontent.BeginMarkedContentSequenceWithProperties;
import org.apache.pdfbox.contentstream.operator.markedcontent.EndMarkedContentSequence;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Text of each page, split into the document's own text and our stamp's pieces. Text inside a
 * marked-content sequence whose properties carry {@code /MarkingStamp /role}, or inside a Form XObject
 * whose resource name starts with {@code MarkingStamp}, is ours; everything else is the page's.
 */
final class PageTextCollector extends PDFTextStripper {

    /** One page: its own text (lines) and our stamp's texts by role, in drawing order. */
    record PageText(int page, String body, Map<StampRole, List<String>> stamp) {

        List<String> stamp(StampRole role) {
            return stamp.getOrDefault(role, List.of());
        }
    }

    private final List<PageText> pages = new ArrayList<>();
    /** For each open marked-content sequence (innermost first): whether it started the current piece of stamp text. */
    private final Deque<Boolean> starts = new ArrayDeque<>();
    private Map<StampRole, List<String>> stamp;
    private StringBuilder piece;
    private StampRole pieceRole;
    private int pageStart;

    PageTextCollector(boolean sortByPosition) {
        addOperator(new BeginMarkedContentSequence(this));
        addOperator(new BeginMarkedContentSequenceWithProperties(this));
        addOperator(new EndMarkedContentSequence(this));
        setSortByPosition(sortByPosition);
        setLineSeparator("\n");
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
            all.add(byPage.getOrDefault(p, new PageText(p, "", Map.of())));
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
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        super.endPage(page);
        finishPiece();
        StringBuffer buffer = ((StringWriter) output).getBuffer();
        pages.add(new PageText(getCurrentPageNo(), buffer.substring(pageStart), Map.copyOf(stamp)));
        buffer.setLength(0);
    }

    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        push(StampRole.of(properties).orElse(null));
        super.beginMarkedContentSequence(tag, properties);
    }

    @Override
    public void endMarkedContentSequence() {
        pop();
        super.endMarkedContentSequence();
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName n
                && StampRole.ofXObjectName(n.getName()).isPresent()) {
            push(StampRole.ofXObjectName(n.getName()).get());
            try {
                super.processOperator(operator, operands);
            } finally {
                pop();
            }
            return;
        }
        super.processOperator(operator, operands);
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
