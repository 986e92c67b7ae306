package dev.marking.core.format.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.util.Matrix;

/**
 * The operators of one page's stamp, written as tokens so that each piece can carry an inline
 * marked-content property list ({@code /Artifact <<… /MarkingStamp /header>> BDC}), which
 * {@code PDPageContentStream} cannot write.
 */
final class StampContent {

    private final List<Object> tokens = new ArrayList<>();

    StampContent op(String operator, Object... operands) {
        for (Object o : operands) {
            tokens.add(o instanceof Number n ? number(n) : o);
        }
        tokens.add(Operator.getOperator(operator));
        return this;
    }

    StampContent save() {
        return op("q");
    }

    StampContent restore() {
        return op("Q");
    }

    StampContent transform(Matrix m) {
        return op("cm", m.getScaleX(), m.getShearY(), m.getShearX(), m.getScaleY(), m.getTranslateX(), m.getTranslateY());
    }

    StampContent begin(StampRole role) {
        return op("BDC", COSName.ARTIFACT, role.properties());
    }

    StampContent end() {
        return op("EMC");
    }

    /**
     * One line of text at reader position (x, y); a {@code stroke} width above 0 strokes the outline too
     * (a bold look where the font has no bold face).
     */
    StampContent text(COSName font, float size, float x, float y, byte[] encoded, float[] rgb, float stroke) {
        op("BT");
        op("Tf", font, size);
        op("rg", rgb[0], rgb[1], rgb[2]);
        if (stroke > 0) {
            op("RG", rgb[0], rgb[1], rgb[2]);
            op("w", stroke);
            op("Tr", 2);
        } else {
            op("Tr", 0); // the rendering mode outlives ET: set it for every line
        }
        op("Tm", 1, 0, 0, 1, x, y);
        op("Tj", new COSString(encoded));
        return op("ET");
    }

    byte[] bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ContentStreamWriter(out).writeTokens(tokens);
        return out.toByteArray();
    }

    private static COSBase number(Number n) {
        if (n instanceof Integer i) {
            return COSInteger.get(i);
        }
        float f = n.floatValue();
        return f == Math.rint(f) && Math.abs(f) < 1e9 ? COSInteger.get((long) f) : new COSFloat(f);
    }
}
