package dev.marking.core.format.pdf;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.List;
import java.util.zip.DataFormatException;
import org.apache.pdfbox.contentstream.operator.MissingOperandException;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorN;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingColorSpace;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceCMYKColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceGrayColor;
import org.apache.pdfbox.contentstream.operator.color.SetStrokingDeviceRGBColor;
import org.apache.pdfbox.contentstream.operator.state.EmptyGraphicsStackException;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.MissingResourceException;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;

/**
 * The operators the text pass does not need but the ink does: path construction and painting, clipping,
 * shadings, inline images and colours, as PDFBox's graphics engine interprets them, feeding the page's
 * {@link PageInk}. A failure in one of them only stops the ink of that page ({@link PageScan#inkFailed()}),
 * never the text: the two used to be separate passes.
 */
final class InkOperators {

    private InkOperators() {
    }

    /** What one operator does to the ink; {@code ink} is the page's, never null. */
    @FunctionalInterface
    private interface Body {
        void run(PageScan scan, PageInk ink, Operator operator, List<COSBase> operands) throws IOException;
    }

    /** Registers the ink operators on {@code scan}. */
    static void addTo(PageScan scan) {
        paths(scan);
        paints(scan);
        for (OperatorProcessor colour : List.of(new SetStrokingColorSpace(scan), new SetNonStrokingColorSpace(scan),
                new SetStrokingDeviceGrayColor(scan), new SetNonStrokingDeviceGrayColor(scan),
                new SetStrokingDeviceRGBColor(scan), new SetNonStrokingDeviceRGBColor(scan),
                new SetStrokingDeviceCMYKColor(scan), new SetNonStrokingDeviceCMYKColor(scan),
                new SetStrokingColor(scan), new SetNonStrokingColor(scan), new SetStrokingColorN(scan),
                new SetNonStrokingColorN(scan))) {
            scan.add(op(scan, colour.getName(), 0, (s, ink, o, a) -> colour.process(o, a)));
        }
    }

    /** Path construction: points through the current transformation matrix. */
    private static void paths(PageScan scan) {
        scan.add(op(scan, OperatorName.APPEND_RECT, 4, (s, ink, o, a) -> {
            float x = number(a, 0);
            float y = number(a, 1);
            float x2 = number(a, 2) + x;
            float y2 = number(a, 3) + y;
            ink.appendRectangle(s.transformedPoint(x, y), s.transformedPoint(x2, y), s.transformedPoint(x2, y2),
                    s.transformedPoint(x, y2));
        }));
        scan.add(op(scan, OperatorName.MOVE_TO, 2, (s, ink, o, a) -> {
            Point2D.Float p = s.transformedPoint(number(a, 0), number(a, 1));
            ink.moveTo(p.x, p.y);
        }));
        scan.add(op(scan, OperatorName.LINE_TO, 2, (s, ink, o, a) -> {
            Point2D.Float p = s.transformedPoint(number(a, 0), number(a, 1));
            if (ink.getCurrentPoint() == null) {
                ink.moveTo(p.x, p.y);
            } else {
                ink.lineTo(p.x, p.y);
            }
        }));
        scan.add(op(scan, OperatorName.CURVE_TO, 6, (s, ink, o, a) -> curve(s, ink, s.transformedPoint(number(a, 0),
                number(a, 1)), s.transformedPoint(number(a, 2), number(a, 3)), s.transformedPoint(number(a, 4), number(a, 5)))));
        scan.add(op(scan, OperatorName.CURVE_TO_REPLICATE_INITIAL_POINT, 4, (s, ink, o, a) -> {
            Point2D current = ink.getCurrentPoint();
            Point2D.Float p2 = s.transformedPoint(number(a, 0), number(a, 1));
            Point2D.Float p3 = s.transformedPoint(number(a, 2), number(a, 3));
            Point2D.Float p1 = current == null ? p3 : new Point2D.Float((float) current.getX(), (float) current.getY());
            curve(s, ink, p1, p2, p3);
        }));
        scan.add(op(scan, OperatorName.CURVE_TO_REPLICATE_FINAL_POINT, 4, (s, ink, o, a) -> {
            Point2D.Float p1 = s.transformedPoint(number(a, 0), number(a, 1));
            Point2D.Float p3 = s.transformedPoint(number(a, 2), number(a, 3));
            curve(s, ink, p1, p3, p3);
        }));
        scan.add(op(scan, OperatorName.CLOSE_PATH, 0, (s, ink, o, a) -> {
            if (ink.getCurrentPoint() != null) {
                ink.closePath();
            }
        }));
    }

    /** Painting and clipping: paths ended, filled or stroked, shadings and inline images. */
    private static void paints(PageScan scan) {
        scan.add(op(scan, OperatorName.ENDPATH, 0, (s, ink, o, a) -> ink.endPath(s.getGraphicsState())));
        scan.add(op(scan, OperatorName.STROKE_PATH, 0, (s, ink, o, a) -> ink.endPath(s.getGraphicsState())));
        for (String fill : List.of(OperatorName.FILL_NON_ZERO, OperatorName.LEGACY_FILL_NON_ZERO,
                OperatorName.FILL_NON_ZERO_AND_STROKE)) {
            scan.add(op(scan, fill, 0, (s, ink, o, a) -> ink.fillPath(Path2D.WIND_NON_ZERO, s.getGraphicsState())));
        }
        for (String fill : List.of(OperatorName.FILL_EVEN_ODD, OperatorName.FILL_EVEN_ODD_AND_STROKE)) {
            scan.add(op(scan, fill, 0, (s, ink, o, a) -> ink.fillPath(Path2D.WIND_EVEN_ODD, s.getGraphicsState())));
        }
        scan.add(op(scan, OperatorName.CLOSE_AND_STROKE, 0, (s, ink, o, a) -> {
            s.processOperator(OperatorName.CLOSE_PATH, a);
            s.processOperator(OperatorName.STROKE_PATH, a);
        }));
        scan.add(op(scan, OperatorName.CLOSE_FILL_NON_ZERO_AND_STROKE, 0, (s, ink, o, a) -> {
            s.processOperator(OperatorName.CLOSE_PATH, a);
            s.processOperator(OperatorName.FILL_NON_ZERO_AND_STROKE, a);
        }));
        scan.add(op(scan, OperatorName.CLOSE_FILL_EVEN_ODD_AND_STROKE, 0, (s, ink, o, a) -> {
            s.processOperator(OperatorName.CLOSE_PATH, a);
            s.processOperator(OperatorName.FILL_EVEN_ODD_AND_STROKE, a);
        }));
        scan.add(op(scan, OperatorName.CLIP_NON_ZERO, 0, (s, ink, o, a) -> ink.clip(Path2D.WIND_NON_ZERO)));
        scan.add(op(scan, OperatorName.CLIP_EVEN_ODD, 0, (s, ink, o, a) -> ink.clip(Path2D.WIND_EVEN_ODD)));
        scan.add(op(scan, OperatorName.SHADING_FILL, 0, (s, ink, o, a) -> {
            if (a.isEmpty() || !(a.get(0) instanceof COSName)) {
                throw new MissingOperandException(o, a);
            }
            ink.shadingFill(s.getGraphicsState());
        }));
        scan.add(op(scan, OperatorName.BEGIN_INLINE_IMAGE, 0, (s, ink, o, a) -> {
            if (o.getImageData() == null || o.getImageData().length == 0) {
                return;
            }
            PDInlineImage image = new PDInlineImage(o.getImageParameters(), o.getImageData(), s.getResources());
            if (!image.isEmpty()) {
                ink.drawImage(s.getGraphicsState().getCurrentTransformationMatrix());
            }
        }));
    }

    private static void curve(PageScan s, PageInk ink, Point2D.Float p1, Point2D.Float p2, Point2D.Float p3) {
        if (ink.getCurrentPoint() == null) {
            ink.moveTo(p3.x, p3.y);
        } else {
            ink.curveTo(p1.x, p1.y, p2.x, p2.y, p3.x, p3.y);
        }
    }

    private static float number(List<COSBase> operands, int i) {
        return ((COSNumber) operands.get(i)).floatValue();
    }

    /**
     * An operator that needs at least {@code operands} numbers (fewer: a missing operand, which PDFBox logs and
     * skips; other types: ignored, as PDFBox's graphics operators do), and that stops the page's ink instead of
     * the pass when it fails where PDFBox's graphics engine would have stopped.
     */
    private static OperatorProcessor op(PageScan scan, String name, int operands, Body body) {
        return new OperatorProcessor(scan) {
            @Override
            public void process(Operator operator, List<COSBase> arguments) throws IOException {
                PageInk ink = scan.ink();
                if (ink == null) {
                    return;
                }
                if (arguments.size() < operands) {
                    return; // PDFBox: MissingOperandException, logged, the operator skipped
                }
                // PDFBox checks the two operands of m and l, and every operand of re and the curves
                List<COSBase> checked = operands == 2 ? arguments.subList(0, 2) : operands > 0 ? arguments : List.of();
                if (!checked.stream().allMatch(COSNumber.class::isInstance)) {
                    return;
                }
                try {
                    body.run(scan, ink, operator, arguments);
                } catch (MissingOperandException | MissingResourceException | EmptyGraphicsStackException e) {
                    return; // what PDFBox's graphics engine logs and goes on from
                } catch (IOException e) {
                    if (!(e.getCause() instanceof DataFormatException)) {
                        scan.inkFailed();
                    }
                } catch (RuntimeException e) {
                    scan.inkFailed();
                }
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }
}
