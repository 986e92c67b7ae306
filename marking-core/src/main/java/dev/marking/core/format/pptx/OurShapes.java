package dev.marking.core.format.pptx;

import dev.marking.core.format.ooxml.XmlFragments;
import java.util.ArrayList;
import java.util.List;
import org.apache.xmlbeans.XmlBeans;
import org.apache.xmlbeans.XmlCursor;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The shapes we put on slides, layouts and masters, as PresentationML text, and how they are found again:
 * each is a text box whose name ({@code p:cNvPr/@name}) starts with {@code marking.}; a restamp removes
 * those and nothing else. Geometry is in EMU (914400 per inch) relative to the slide size.
 */
final class OurShapes {

    static final String PREFIX = "marking.";
    static final String HEADER = "marking.header";
    static final String FOOTER = "marking.footer";
    static final String WATERMARK = "marking.watermark";
    static final String BLOCK = "marking.block";

    static final String P = "http://schemas.openxmlformats.org/presentationml/2006/main";
    static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    /** Hundredths of a point: 12 pt running mark, 10 pt copy line, 16 pt (三号) block. */
    private static final int HEADER_SIZE = 1200;
    private static final int FOOTER_SIZE = 1000;
    private static final int BLOCK_SIZE = 1600;
    /** Rising at 30°: 330° in DrawingML's 60000ths of a degree. */
    private static final int WATERMARK_ROTATION = 330 * 60000;
    private static final String MARK_COLOUR = "C00000";
    private static final String WATERMARK_COLOUR = "A6A6A6";
    /** 45 % opaque: light on any background, and behind the slide's own content. */
    private static final int WATERMARK_ALPHA = 45000;
    private static final String HEITI = "<a:latin typeface=\"SimHei\"/><a:ea typeface=\"SimHei\"/>";
    private static final String ARABIC = "<a:latin typeface=\"Times New Roman\"/><a:ea typeface=\"SimHei\"/>";

    /**
     * A rectangle on the slide, in EMU.
     *
     * @param x left
     * @param y top
     * @param w width
     * @param h height
     */
    record Box(long x, long y, long w, long h) {
    }

    private OurShapes() {
    }

    /** The running mark: a strip across the top, centred, on every slide. */
    static String header(int id, long width, long height, String mark) {
        Box box = new Box(width * 3 / 10, 0, width * 4 / 10, height * 6 / 100);
        return shape(id, HEADER, "密级标志", box, 0, "t", paragraph("ctr", HEADER_SIZE, true, HEITI, MARK_COLOUR, 0, mark));
    }

    /** The copy number: a strip across the bottom edge, below the footer placeholders, centred. */
    static String footer(int id, long width, long height, String text) {
        Box box = new Box(width * 3 / 10, height * 95 / 100, width * 4 / 10, height * 5 / 100);
        return shape(id, FOOTER, "份号", box, 0, "b", paragraph("ctr", FOOTER_SIZE, false, HEITI, MARK_COLOUR, 0, text));
    }

    /** The watermark: one line across the middle, rising at 30°, light and partly transparent. */
    static String watermark(int id, long width, long height, String text) {
        long w = width * 8 / 10;
        long h = height * 2 / 10;
        Box box = new Box((width - w) / 2, (height - h) / 2, w, h);
        int size = watermarkSize(w, text);
        return shape(id, WATERMARK, "水印", box, WATERMARK_ROTATION, "ctr",
                paragraph("ctr", size, false, HEITI, WATERMARK_COLOUR, WATERMARK_ALPHA, text));
    }

    /** The GB/T 9704 block at the top left of the first slide: copy number, mark (bold), urgency. */
    static String block(int id, long width, long height, List<String> lines, int markLine) {
        Box box = new Box(width * 2 / 100, height * 2 / 100, width * 28 / 100, height * 16 / 100);
        StringBuilder paragraphs = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            paragraphs.append(paragraph("l", BLOCK_SIZE, i == markLine, i >= markLine ? HEITI : ARABIC, "000000", 0,
                    lines.get(i)));
        }
        return shape(id, BLOCK, "密级和保密期限", box, 0, "t", paragraphs.toString());
    }

    /** The largest size up to 60 pt at which the line fits the box: CJK characters a full em, others about half. */
    private static int watermarkSize(long widthEmu, String text) {
        double ems = 0;
        for (int i = 0; i < text.length(); i++) {
            ems += text.charAt(i) < 0x2E80 ? 0.55 : 1.0;
        }
        double points = widthEmu / 12700.0 * 0.9 / Math.max(1, ems);
        return (int) Math.max(1200, Math.min(6000, Math.floor(points) * 100));
    }

    private static String shape(int id, String name, String descr, Box box, int rotation, String anchor,
            String paragraphs) {
        String rot = rotation == 0 ? "" : " rot=\"" + rotation + "\"";
        return "<p:sp xmlns:p=\"" + P + "\" xmlns:a=\"" + A + "\"><p:nvSpPr><p:cNvPr id=\"" + id + "\" name=\"" + name
                + "\" descr=\"" + descr + "\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr userDrawn=\"1\"/></p:nvSpPr>"
                + "<p:spPr><a:xfrm" + rot + "><a:off x=\"" + box.x() + "\" y=\"" + box.y() + "\"/><a:ext cx=\"" + box.w()
                + "\" cy=\"" + box.h() + "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/>"
                + "</p:spPr><p:txBody><a:bodyPr wrap=\"none\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\""
                + anchor + "\"><a:noAutofit/></a:bodyPr><a:lstStyle/>" + paragraphs + "</p:txBody></p:sp>";
    }

    private static String paragraph(String align, int size, boolean bold, String fonts, String colour, int alpha,
            String text) {
        String fill = "<a:solidFill><a:srgbClr val=\"" + colour + "\">"
                + (alpha > 0 ? "<a:alpha val=\"" + alpha + "\"/>" : "") + "</a:srgbClr></a:solidFill>";
        return "<a:p><a:pPr algn=\"" + align + "\"/><a:r><a:rPr lang=\"zh-CN\" altLang=\"en-US\" sz=\"" + size + "\" b=\""
                + (bold ? 1 : 0) + "\" dirty=\"0\">" + fill + fonts + "</a:rPr><a:t>" + XmlFragments.escape(text)
                + "</a:t></a:r></a:p>";
    }

    /** True for a shape we wrote: its non-visual properties are named {@code marking.*}. */
    static boolean isOurs(String shapeName) {
        return shapeName != null && shapeName.startsWith(PREFIX);
    }

    /** Removes every shape of ours directly in the shape tree {@code spTree}; returns how many. */
    static int removeAll(Element spTree) {
        List<Element> ours = new ArrayList<>();
        for (Node c = spTree.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && isOurs(name(e))) {
                ours.add(e);
            }
        }
        for (Element e : ours) {
            try (XmlCursor c = XmlBeans.nodeToCursor(e)) {
                c.removeXml();
            }
        }
        return ours.size();
    }

    /** The {@code cNvPr} name of a shape element ({@code p:sp}, {@code p:pic}, …), or null. */
    static String name(Element shape) {
        for (Node nv = shape.getFirstChild(); nv != null; nv = nv.getNextSibling()) {
            if (nv instanceof Element e && e.getLocalName() != null && e.getLocalName().startsWith("nv")) {
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element pr && "cNvPr".equals(pr.getLocalName())) {
                        return pr.getAttribute("name");
                    }
                }
            }
        }
        return null;
    }

    /** The largest shape id used in {@code root}'s tree plus one. */
    static int nextId(Element root) {
        int[] max = {0};
        maxId(root, max);
        return max[0] + 1;
    }

    private static void maxId(Element e, int[] max) {
        if ("cNvPr".equals(e.getLocalName())) {
            try {
                max[0] = Math.max(max[0], Integer.parseInt(e.getAttribute("id")));
            } catch (NumberFormatException ignored) {
                // a malformed id is not ours to fix; the next one is still free
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                maxId(child, max);
            }
        }
    }

    /**
     * Inserts {@code fragment} into the shape tree {@code spTree}: at the back (behind everything, after the
     * group's own properties) or at the front.
     */
    static void insert(Element spTree, String fragment, boolean behind) {
        try (XmlCursor dst = XmlBeans.nodeToCursor(after(spTree, behind))) {
            dst.toEndToken();
            if (behind) {
                dst.toNextToken(); // just after the group properties
            }
            XmlFragments.insert(dst, fragment);
        }
    }

    /** {@code p:grpSpPr} when inserting behind (new shapes go right after it), else the tree itself. */
    private static Node after(Element spTree, boolean behind) {
        if (behind) {
            for (Node c = spTree.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element e && "grpSpPr".equals(e.getLocalName())) {
                    return e;
                }
            }
        }
        return spTree;
    }

}
