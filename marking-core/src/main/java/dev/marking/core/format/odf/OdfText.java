package dev.marking.core.format.odf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads ODF text content with StAX, one paragraph ({@code text:p}, {@code text:h}) at a time: its visible
 * text (spaces, tabs and line breaks as spaces), text in hidden spans, and what it holds besides its own
 * text — paragraphs of frames and text boxes, footnotes, comments, WordArt watermarks and alt texts.
 */
final class OdfText {

    /** Repeated spaces ({@code text:s text:c}) kept at most. */
    private static final int MAX_SPACES = 64;

    /**
     * One paragraph and what it carries.
     *
     * @param style      its {@code text:style-name}
     * @param text       visible text, stripped
     * @param hidden     text in hidden spans
     * @param nested     paragraphs of frames, text boxes and shapes anchored in it
     * @param notes      footnote and endnote texts
     * @param comments   comment ({@code office:annotation}) texts
     * @param watermarks texts of fontwork shapes (how LibreOffice and our stamp write a watermark)
     * @param altTexts   titles and descriptions of images and shapes
     */
    record Paragraph(String style, String text, String hidden, List<Paragraph> nested, List<String> notes,
            List<String> comments, List<String> watermarks, List<String> altTexts) {
    }

    private final OdfStyles styles;

    OdfText(OdfStyles styles) {
        this.styles = styles;
    }

    /** True at the start of a {@code text:p} or {@code text:h}. */
    static boolean isParagraph(XMLStreamReader r) {
        return r.getEventType() == XMLStreamConstants.START_ELEMENT && OdfXml.TEXT.equals(r.getNamespaceURI())
                && ("p".equals(r.getLocalName()) || "h".equals(r.getLocalName()));
    }

    static boolean is(XMLStreamReader r, String ns, String name) {
        return ns.equals(r.getNamespaceURI()) && name.equals(r.getLocalName());
    }

    /** Reads the paragraph the reader is at (its start element) up to its end element. */
    Paragraph paragraph(XMLStreamReader r) throws XMLStreamException {
        String style = r.getAttributeValue(OdfXml.TEXT, "style-name");
        boolean hiddenParagraph = styles.hidesText(style);
        StringBuilder text = new StringBuilder();
        StringBuilder hidden = new StringBuilder();
        List<Paragraph> nested = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        List<String> watermarks = new ArrayList<>();
        List<String> alt = new ArrayList<>();
        Deque<Integer> hiddenSpans = new ArrayDeque<>();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                (hiddenParagraph || !hiddenSpans.isEmpty() ? hidden : text).append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (!hiddenSpans.isEmpty() && hiddenSpans.peek() == depth) {
                    hiddenSpans.pop();
                }
                depth--;
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                StringBuilder into = hiddenParagraph || !hiddenSpans.isEmpty() ? hidden : text;
                if (isParagraph(r)) {
                    nested.add(paragraph(r));
                } else if (is(r, OdfXml.TEXT, "s")) {
                    into.append(" ".repeat(spaces(r.getAttributeValue(OdfXml.TEXT, "c"))));
                    depth++;
                } else if (is(r, OdfXml.TEXT, "tab") || is(r, OdfXml.TEXT, "line-break")) {
                    into.append(' ');
                    depth++;
                } else if (is(r, OdfXml.TEXT, "note")) {
                    notes.add(joined(container(r, "note-citation")));
                } else if (is(r, OdfXml.OFFICE, "annotation") || is(r, OdfXml.OFFICEOOO, "annotation")) {
                    comments.add(joined(container(r, null)));
                } else if (is(r, OdfXml.DRAW, "custom-shape")) {
                    shape(r, nested, watermarks);
                } else if (is(r, OdfXml.SVG, "title") || is(r, OdfXml.SVG, "desc")) {
                    String t = r.getElementText().strip();
                    if (!t.isEmpty()) {
                        alt.add(t);
                    }
                } else {
                    depth++;
                    if (is(r, OdfXml.TEXT, "span") && styles.hidesText(r.getAttributeValue(OdfXml.TEXT, "style-name"))) {
                        hiddenSpans.push(depth);
                    }
                }
            }
        }
        return new Paragraph(style, clean(text), clean(hidden), nested, notes, comments, watermarks, alt);
    }

    /**
     * Reads every paragraph under the element the reader is at, up to its end, skipping the subtree of any
     * child named {@code skipped} (a note's citation) and the metadata of comments.
     */
    List<Paragraph> container(XMLStreamReader r, String skipped) throws XMLStreamException {
        List<Paragraph> out = new ArrayList<>();
        walk(r, e -> {
            if (isParagraph(e)) {
                out.add(paragraph(e));
            } else if (skipped != null && skipped.equals(e.getLocalName())
                    || OdfXml.DC.equals(e.getNamespaceURI()) || OdfXml.META.equals(e.getNamespaceURI())) {
                skip(e);
            } else {
                return false;
            }
            return true;
        });
        return out;
    }

    /** What a {@link #walk} does with one element: read it to its end (true) or descend into it (false). */
    @FunctionalInterface
    interface Visitor {
        boolean visit(XMLStreamReader r) throws XMLStreamException;
    }

    /** Shows {@code visitor} every element under the one the reader is at, up to that element's end. */
    static void walk(XMLStreamReader r, Visitor visitor) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth += visitor.visit(r) ? 0 : 1;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** A custom shape: fontwork (and shapes named as watermarks) is a watermark, other shapes hold paragraphs. */
    private void shape(XMLStreamReader r, List<Paragraph> nested, List<String> watermarks) throws XMLStreamException {
        String name = r.getAttributeValue(OdfXml.DRAW, "name");
        List<Paragraph> inside = new ArrayList<>();
        boolean[] fontwork = {name != null && (name.startsWith(OdtStamper.WATERMARK_NAME) || name.contains("WaterMark"))};
        walk(r, e -> {
            if (isParagraph(e)) {
                inside.add(paragraph(e));
                return true;
            }
            String type = e.getAttributeValue(OdfXml.DRAW, "type");
            fontwork[0] |= is(e, OdfXml.DRAW, "enhanced-geometry") && type != null && type.startsWith("fontwork");
            return false;
        });
        if (fontwork[0]) {
            String t = joined(inside);
            if (!t.isEmpty()) {
                watermarks.add(t);
            }
        } else {
            nested.addAll(inside);
        }
    }

    /** Skips the element the reader is at, with everything in it. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        walk(r, e -> false);
    }

    /** The visible text of paragraphs (and what they nest), joined by spaces. */
    static String joined(List<Paragraph> paragraphs) {
        StringBuilder sb = new StringBuilder();
        for (Paragraph p : paragraphs) {
            if (!p.text().isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(p.text());
            }
            String inner = joined(p.nested());
            if (!inner.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(inner);
            }
        }
        return sb.toString();
    }

    private static int spaces(String count) {
        try {
            return count == null ? 1 : Math.max(1, Math.min(MAX_SPACES, Integer.parseInt(count.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String clean(StringBuilder sb) {
        return sb.toString().replace('\u00a0', ' ').replaceAll("[\\p{Cntrl}]", " ").strip();
    }
}
