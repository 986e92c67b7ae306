package dev.marking.core.format.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDTextState;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Replays a page's content and works out how to cut given glyphs out of its text operators: each
 * text-showing operator of the page itself ({@code Tj TJ ' "}, not those inside forms) that draws one
 * becomes a {@code TJ} whose strings keep the other glyphs and whose numbers stand in for the cut ones
 * with exactly their advance (width, character and word spacing), so nothing else on the line moves.
 * Glyphs are named by where the text stripper saw them ({@link #key}).
 */
final class TextCutter extends PathlessEngine {

    /** The text-showing operators. */
    static final Set<String> SHOWS = Set.of("Tj", "TJ", "'", "\"");

    /** One glyph of a string: its bytes in the string, whether it goes, and its advance in TJ units. */
    private record Glyph(int from, int to, boolean cut, float tjUnits) {
    }

    /** One string operand of an operator, split into glyphs; null glyphs when it could not be split. */
    private static final class Piece {
        final byte[] bytes;
        final List<Glyph> glyphs = new ArrayList<>();
        boolean known = true;

        Piece(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    private final Set<Long> targets;
    private final float offsetX;
    private final float offsetY;
    private final Map<Integer, List<Piece>> byOperator = new HashMap<>();
    private int operator = -1;
    private boolean inShow;
    private int formDepth;
    private Piece piece;
    private int glyphIndex;
    private List<int[]> ranges;
    private int found;

    TextCutter(PDPage page, Set<Long> targets) {
        super(page);
        this.targets = targets;
        PDRectangle crop = page.getCropBox();
        this.offsetX = crop.getLowerLeftX();
        this.offsetY = crop.getLowerLeftY();
    }

    /** The key of a glyph drawn with its text rendering matrix translated to ({@code x}, {@code y}) from the crop box corner. */
    static long key(float x, float y) {
        return ((long) Math.round(x * 10) << 32) ^ (Math.round(y * 10) & 0xffffffffL);
    }

    /** How many target glyphs the page itself draws (those in forms are not counted). */
    int found() {
        return found;
    }

    /**
     * The tokens that replace text operator number {@code index} ({@code name} with {@code operands}), or
     * empty when it draws no target glyph or could not be split.
     */
    Optional<List<Object>> replacement(int index, String name, List<Object> operands) {
        List<Piece> pieces = byOperator.get(index);
        if (pieces == null || pieces.stream().noneMatch(p -> p.glyphs.stream().anyMatch(Glyph::cut))
                || pieces.stream().anyMatch(p -> !p.known)) {
            return Optional.empty();
        }
        List<Object> out = new ArrayList<>();
        COSArray array = new COSArray();
        int next = 0;
        switch (name) {
            case "TJ" -> {
                if (operands.isEmpty() || !(operands.get(0) instanceof COSArray original)) {
                    return Optional.empty();
                }
                for (int i = 0; i < original.size(); i++) {
                    COSBase item = original.getObject(i);
                    if (item instanceof COSString) {
                        if (next >= pieces.size()) {
                            return Optional.empty();
                        }
                        addCut(array, pieces.get(next++));
                    } else if (item instanceof COSNumber n) {
                        array.add(n);
                    }
                }
            }
            case "Tj" -> addCut(array, pieces.get(next++));
            case "'" -> {
                out.add(Operator.getOperator("T*"));
                addCut(array, pieces.get(next++));
            }
            case "\"" -> {
                if (operands.size() < 3) {
                    return Optional.empty();
                }
                out.add(operands.get(0));
                out.add(Operator.getOperator("Tw"));
                out.add(operands.get(1));
                out.add(Operator.getOperator("Tc"));
                out.add(Operator.getOperator("T*"));
                addCut(array, pieces.get(next++));
            }
            default -> {
                return Optional.empty();
            }
        }
        if (next != pieces.size()) {
            return Optional.empty();
        }
        out.add(array);
        out.add(Operator.getOperator("TJ"));
        return Optional.of(out);
    }

    /** Adds {@code p} to a TJ array: kept glyphs as strings, each run of cut ones as one number. */
    private static void addCut(COSArray array, Piece p) {
        int keptFrom = -1;
        float gap = 0;
        for (int i = 0; i <= p.glyphs.size(); i++) {
            Glyph g = i < p.glyphs.size() ? p.glyphs.get(i) : null;
            boolean keep = g != null && !g.cut();
            if (keep && keptFrom < 0) {
                if (gap != 0) {
                    array.add(new COSFloat(gap));
                    gap = 0;
                }
                keptFrom = g.from();
            }
            if (!keep && keptFrom >= 0) {
                int to = p.glyphs.get(i - 1).to();
                array.add(new COSString(Arrays.copyOfRange(p.bytes, keptFrom, to)));
                keptFrom = -1;
            }
            if (g != null && g.cut()) {
                gap += g.tjUnits();
            }
        }
        if (gap != 0) {
            array.add(new COSFloat(gap));
        }
    }

    @Override
    protected void processOperator(Operator op, List<COSBase> operands) throws IOException {
        String name = op.getName();
        if ("Do".equals(name)) {
            formDepth++;
            try {
                super.processOperator(op, operands);
            } finally {
                formDepth--;
            }
            return;
        }
        if (SHOWS.contains(name) && !inShow && formDepth == 0) {
            operator++;
            byOperator.put(operator, new ArrayList<>());
            inShow = true;
            try {
                super.processOperator(op, operands);
            } finally {
                inShow = false;
            }
            return;
        }
        super.processOperator(op, operands);
    }

    @Override
    protected void showText(byte[] string) throws IOException {
        if (!inShow || formDepth > 0) {
            super.showText(string);
            return;
        }
        Piece p = new Piece(string);
        byOperator.get(operator).add(p);
        PDFont font = getGraphicsState().getTextState().getFont();
        ranges = new ArrayList<>();
        if (font == null || font.isVertical()) {
            p.known = false;
        } else {
            ByteArrayInputStream in = new ByteArrayInputStream(string);
            int at = 0;
            while (in.available() > 0) {
                font.readCode(in);
                int now = string.length - in.available();
                ranges.add(new int[] {at, now});
                at = now;
            }
        }
        piece = p;
        glyphIndex = 0;
        try {
            super.showText(string);
        } finally {
            if (p.known && glyphIndex != ranges.size()) {
                p.known = false;
            }
            piece = null;
        }
    }

    @Override
    protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
        super.showGlyph(trm, font, code, displacement);
        if (piece == null || !piece.known) {
            return;
        }
        if (glyphIndex >= ranges.size()) {
            piece.known = false;
            return;
        }
        PDTextState ts = getGraphicsState().getTextState();
        float size = ts.getFontSize();
        if (size == 0) {
            piece.known = false;
            return;
        }
        boolean cut = targets.contains(key(trm.getTranslateX() - offsetX, trm.getTranslateY() - offsetY));
        float word = code == 32 && !(font instanceof PDType0Font) ? ts.getWordSpacing() : 0;
        float advance = displacement.getX() * size + ts.getCharacterSpacing() + word;
        int[] r = ranges.get(glyphIndex++);
        piece.glyphs.add(new Glyph(r[0], r[1], cut, -advance * 1000 / size));
        if (cut) {
            found++;
        }
    }
}
