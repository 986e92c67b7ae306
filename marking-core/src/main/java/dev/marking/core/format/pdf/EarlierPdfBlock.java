package dev.marking.core.format.pdf;

import dev.marking.core.format.EarlierBlock;
import dev.marking.core.model.MarkingParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * A marking at the top of page 1 that we did not draw, typed into the document or left by another tool
 * ({@link EarlierBlock}: 份号, 秘密★5年, 密级：机密, 特急), taken out of the page's content stream so the
 * page carries only the new marking. The glyphs are cut out of their text operators and replaced by
 * the same advance ({@link TextCutter}), so the rest of each line stays exactly where it was. Glyphs
 * drawn inside a Form XObject are left alone and reported.
 */
final class EarlierPdfBlock {

    private static final MarkingParser PARSER = MarkingParser.standard();
    /** How many of the first page's top lines may hold the earlier block. */
    private static final int LINES = 10;

    /**
     * What was found and done.
     *
     * @param text    the earlier block's lines, joined by spaces
     * @param removed true when every glyph of it was taken out
     */
    record Outcome(String text, boolean removed) {
    }

    private EarlierPdfBlock() {
    }

    /** Takes the earlier block out of the first page of {@code doc}; empty when page 1 does not start with one. */
    static Optional<Outcome> remove(PDDocument doc) throws IOException {
        if (doc.getNumberOfPages() == 0) {
            return Optional.empty();
        }
        List<List<TextPosition>> lines = topLines(doc);
        List<String> texts = new ArrayList<>();
        for (List<TextPosition> line : lines) {
            StringBuilder sb = new StringBuilder();
            line.forEach(t -> sb.append(t.getUnicode()));
            texts.add(sb.toString());
        }
        List<Integer> block = EarlierBlock.lines(texts, PARSER);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> targets = new HashSet<>();
        List<String> said = new ArrayList<>();
        for (int i : block) {
            said.add(texts.get(i).strip());
            for (TextPosition t : lines.get(i)) {
                targets.add(TextCutter.key(t.getTextMatrix().getTranslateX(), t.getTextMatrix().getTranslateY()));
            }
        }
        PDPage page = doc.getPage(0);
        TextCutter cutter = new TextCutter(page, targets);
        cutter.processPage(page);
        boolean all = cutter.found() == countGlyphs(lines, block);
        if (cutter.found() > 0) {
            rewrite(doc, page, cutter);
        }
        return Optional.of(new Outcome(String.join(" ", said), all));
    }

    private static int countGlyphs(List<List<TextPosition>> lines, List<Integer> block) {
        int n = 0;
        for (int i : block) {
            n += lines.get(i).size();
        }
        return n;
    }

    /** Page 1's first lines in reading order, each as its glyphs. */
    private static List<List<TextPosition>> topLines(PDDocument doc) throws IOException {
        LineCollector c = new LineCollector();
        c.setStartPage(1);
        c.setEndPage(1);
        c.setSortByPosition(true);
        c.writeText(doc, new StringWriter());
        c.finishLine();
        return c.lines.subList(0, Math.min(LINES, c.lines.size()));
    }

    /** Writes the page's content again with the cut operators in place of the originals. */
    private static void rewrite(PDDocument doc, PDPage page, TextCutter cutter) throws IOException {
        PDFStreamParser parser = new PDFStreamParser(page);
        List<Object> tokens = new ArrayList<>();
        List<Object> operands = new ArrayList<>();
        int index = -1;
        for (Object t = parser.parseNextToken(); t != null; t = parser.parseNextToken()) {
            if (!(t instanceof Operator op)) {
                operands.add(t);
                continue;
            }
            if (TextCutter.SHOWS.contains(op.getName())) {
                index++;
                Optional<List<Object>> replaced = cutter.replacement(index, op.getName(), operands);
                if (replaced.isPresent()) {
                    tokens.addAll(replaced.get());
                    operands.clear();
                    continue;
                }
            }
            tokens.addAll(operands);
            tokens.add(op);
            operands.clear();
        }
        tokens.addAll(operands);
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            new ContentStreamWriter(out).writeTokens(tokens);
        }
        page.getCOSObject().setItem(COSName.CONTENTS, stream);
    }

    /** Collects the page's lines with their glyphs, in the stripper's reading order, within the {@link ContentLimits}. */
    private static final class LineCollector extends PDFTextStripper {
        final List<List<TextPosition>> lines = new ArrayList<>();
        private List<TextPosition> current = new ArrayList<>();
        private final ContentLimits limits = new ContentLimits();

        LineCollector() throws IOException {
            super();
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            super.startPage(page);
            limits.startPage(getCurrentPageNo());
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            limits.operator(operator.getName(), getGraphicsStackSize());
            super.processOperator(operator, operands);
        }

        @Override
        protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
            limits.glyph();
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
        protected void writeString(String text, List<TextPosition> positions) {
            current.addAll(positions);
        }

        @Override
        protected void writeLineSeparator() {
            finishLine();
        }

        void finishLine() {
            if (!current.isEmpty()) {
                lines.add(current);
                current = new ArrayList<>();
            }
        }
    }
}
