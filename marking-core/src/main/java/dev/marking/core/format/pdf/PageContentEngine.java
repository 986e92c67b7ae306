package dev.marking.core.format.pdf;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.markedcontent.BeginMarkedContentSequence;
import org.apache.pdfbox.contentstream.operator.markedcontent.BeginMarkedContentSequenceWithProperties;
import org.apache.pdfbox.contentstream.operator.markedcontent.EndMarkedContentSequence;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Replays a page's content telling the page's own drawing from our stamp's: our stamp's Form XObjects are
 * not entered at all, and {@link #inStamp()} is true inside its marked-content sequences. Hostile content stops at
 * one of the {@link ContentLimits}.
 */
abstract class PageContentEngine extends PDFGraphicsStreamEngine {

    private final Deque<Boolean> sequences = new ArrayDeque<>();
    private int stampDepth;
    private final ContentLimits limits = new ContentLimits();

    PageContentEngine(PDPage page) {
        super(page);
        addOperator(new BeginMarkedContentSequence(this));
        addOperator(new BeginMarkedContentSequenceWithProperties(this));
        addOperator(new EndMarkedContentSequence(this));
    }

    /** True while the operators replayed are our stamp's. */
    final boolean inStamp() {
        return stampDepth > 0;
    }

    @Override
    public void beginMarkedContentSequence(COSName tag, COSDictionary properties) {
        boolean ours = StampRole.of(properties).isPresent();
        sequences.push(ours);
        stampDepth += ours ? 1 : 0;
        super.beginMarkedContentSequence(tag, properties);
    }

    @Override
    public void endMarkedContentSequence() {
        if (!sequences.isEmpty() && sequences.pop()) {
            stampDepth--;
        }
        super.endMarkedContentSequence();
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        limits.operator(operator.getName(), getGraphicsStackSize());
        if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName n
                && StampRole.ofXObjectName(n.getName()).isPresent()) {
            return; // our stamp's form: not the page's own content
        }
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
}
