package dev.marking.core.format.ofd;

import dev.marking.core.format.Interruption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * The drawn objects of one content tree (a page's or template's {@code Content}, an annotation's
 * {@code Appearance}): each text object with its text codes placed on the page, and the boundaries of
 * everything else that puts ink on it (paths, images, composites). Positions are page millimetres,
 * y downwards, as OFD draws them: glyph {@code i} of a text code sits at {@code X + ΣDeltaX, Y + ΣDeltaY}
 * in object space, mapped by the object's {@code CTM} and moved to its {@code Boundary} origin.
 */
final class PageObjects {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * One text code on the page.
     *
     * @param text       its characters
     * @param x          page x of the first glyph's origin
     * @param y          page y of the first glyph's baseline
     * @param endX       page x where the last glyph ends (horizontal runs)
     * @param size       glyph size on the page
     * @param horizontal true when the glyphs run left to right on one baseline (no rotation, no DeltaY)
     */
    record Run(String text, double x, double y, double endX, double size, boolean horizontal) {
    }

    /**
     * One text object.
     *
     * @param name     its {@code Name} attribute ({@code MarkingStamp.header} for ours), or ""
     * @param visible  false when {@code Visible="false"} or fully transparent
     * @param boundary x, y, width, height on the page
     * @param runs     its text codes in order
     */
    record Text(String name, boolean visible, double[] boundary, List<Run> runs) {

        String text() {
            StringBuilder sb = new StringBuilder();
            runs.forEach(r -> sb.append(r.text()));
            return sb.toString();
        }
    }

    final List<Text> texts = new ArrayList<>();
    /** Boundaries (x, y, w, h) of paths, images and composite objects. */
    final List<double[]> ink = new ArrayList<>();

    /** The objects under {@code root}, with {@code offset} (x, y) added to every position (annotation appearances). */
    static PageObjects of(Element root, double dx, double dy) {
        PageObjects out = new PageObjects();
        out.walk(root, dx, dy);
        return out;
    }

    static PageObjects of(Element root) {
        return of(root, 0, 0);
    }

    private void walk(Element parent, double dx, double dy) {
        for (Element e : OfdXml.elements(parent)) {
            Interruption.check();
            if (!OfdXml.ofdNamespace(e)) {
                continue;
            }
            switch (OfdXml.localName(e)) {
                case "TextObject" -> texts.add(text(e, dx, dy));
                case "PathObject", "ImageObject", "CompositeObject" -> {
                    double[] b = OfdXml.numbers(e.getAttribute("Boundary"));
                    if (b.length == 4) {
                        ink.add(new double[] {b[0] + dx, b[1] + dy, b[2], b[3]});
                    }
                }
                case "Layer", "PageBlock", "Content", "Appearance" -> walk(e, dx, dy);
                default -> {
                    // colours, clips, actions and other children hold no drawn objects
                }
            }
        }
    }

    private static Text text(Element e, double dx, double dy) {
        double[] b = OfdXml.numbers(e.getAttribute("Boundary"));
        double[] box = b.length == 4 ? new double[] {b[0] + dx, b[1] + dy, b[2], b[3]} : new double[] {dx, dy, 0, 0};
        double[] m = OfdXml.numbers(e.getAttribute("CTM"));
        double[] ctm = m.length == 6 ? m : new double[] {1, 0, 0, 1, 0, 0};
        double[] sizes = OfdXml.numbers(e.getAttribute("Size"));
        double size = sizes.length == 1 && sizes[0] > 0 ? sizes[0] : 3.5;
        boolean visible = !"false".equalsIgnoreCase(e.getAttribute("Visible").strip())
                && !"0".equals(e.getAttribute("Alpha").strip());
        double scale = Math.sqrt(Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]));
        boolean upright = Math.abs(ctm[1]) < 1e-9 && Math.abs(ctm[2]) < 1e-9 && ctm[0] > 0 && ctm[3] > 0;
        List<Run> runs = new ArrayList<>();
        double ox = 0;
        double oy = 0;
        for (Element code : OfdXml.children(e, "TextCode")) {
            String s = CONTROL.matcher(code.getTextContent()).replaceAll(" ");
            double[] x = OfdXml.numbers(code.getAttribute("X"));
            double[] y = OfdXml.numbers(code.getAttribute("Y"));
            ox = x.length == 1 ? x[0] : ox;
            oy = y.length == 1 ? y[0] : oy;
            int n = s.codePointCount(0, s.length());
            double[] ddx = deltas(code.getAttribute("DeltaX"), n);
            double[] ddy = deltas(code.getAttribute("DeltaY"), n);
            boolean flat = true;
            double cx = ox;
            double cy = oy;
            int[] cps = s.codePoints().toArray();
            for (int i = 0; i < n - 1; i++) {
                cx += Double.isNaN(ddx[i]) ? advance(cps[i], size) : ddx[i];
                cy += Double.isNaN(ddy[i]) ? 0 : ddy[i];
                flat &= Double.isNaN(ddy[i]) || ddy[i] == 0;
            }
            double lastAdvance = n > 0 && !Double.isNaN(ddx[n - 1]) ? ddx[n - 1] : n > 0 ? advance(cps[n - 1], size) : 0;
            double px = box[0] + ctm[0] * ox + ctm[2] * oy + ctm[4];
            double py = box[1] + ctm[1] * ox + ctm[3] * oy + ctm[5];
            double end = box[0] + ctm[0] * (cx + lastAdvance) + ctm[2] * cy + ctm[4];
            runs.add(new Run(s, px, py, end, size * scale, upright && flat));
            ox = cx + lastAdvance;
            oy = cy;
        }
        return new Text(e.getAttribute("Name"), visible, box, runs);
    }

    /** DeltaX/DeltaY expanded ({@code g 3 1.5} is three times 1.5); NaN where the list says nothing. */
    static double[] deltas(String spec, int n) {
        double[] out = new double[Math.max(n, 0)];
        Arrays.fill(out, Double.NaN);
        if (spec == null || spec.isBlank()) {
            return out;
        }
        String[] t = SPACES.split(spec.strip());
        int i = 0;
        for (int k = 0; k < t.length && i < out.length; k++) {
            try {
                if ("g".equals(t[k]) && k + 2 < t.length) {
                    int count = Integer.parseInt(t[k + 1]);
                    double v = Double.parseDouble(t[k + 2]);
                    for (int r = 0; r < count && i < out.length; r++) {
                        out[i++] = v;
                    }
                    k += 2;
                } else {
                    out[i++] = Double.parseDouble(t[k]);
                }
            } catch (NumberFormatException e) {
                return out;
            }
        }
        return out;
    }

    /** A glyph's advance when the file does not give it: full width for CJK and symbols, half for Latin. */
    static double advance(int cp, double size) {
        return cp < 0x2E80 && cp != 0x3000 ? size / 2 : size;
    }
}
