package dev.marking.core.format.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDTransparencyGroup;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * A content-stream replay that by default ignores paths, images, clips and shadings (it only tracks the
 * current point); subclasses override what they look at: the text ({@link TextCutter}) or small filled
 * squares ({@link CovertMark}). Hostile content stops at one of the {@link ContentLimits}.
 */
abstract class PathlessEngine extends PDFGraphicsStreamEngine {

    private final Point2D current = new Point2D.Float();
    private final ContentLimits limits = new ContentLimits();

    PathlessEngine(PDPage page) {
        super(page);
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        // paths are not looked at
    }

    @Override
    public void drawImage(PDImage image) {
        // nor images
    }

    @Override
    public void clip(int windingRule) {
        // nor clips
    }

    @Override
    public void moveTo(float x, float y) {
        current.setLocation(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        current.setLocation(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current.setLocation(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void closePath() {
        // nothing to close
    }

    @Override
    public void endPath() {
        // nothing to end
    }

    @Override
    public void strokePath() {
        // nothing drawn
    }

    @Override
    public void fillPath(int windingRule) throws IOException {
        // nothing drawn
    }

    @Override
    public void fillAndStrokePath(int windingRule) throws IOException {
        // nothing drawn
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // nor shadings
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
}
