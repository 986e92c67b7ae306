package dev.marking.core.format.docx;

import java.util.Locale;
import org.w3c.dom.Element;

/**
 * The text of one comment ({@code w:comment}) as Apache POI's {@code XWPFComment.getText()} gives it, so that
 * reports stay the same whichever reader read the file: the comment's own paragraphs joined by newlines;
 * in each, the runs directly in it, in hyperlinks, simple fields, smart tags and tracked changes (a run
 * holding deleted text is left out), field codes left out, tabs and breaks as whitespace, capitalised runs
 * upper-cased and footnote references as {@code [footnoteRef:N]}.
 */
final class CommentText {

    private CommentText() {
    }

    static String of(Element comment) {
        StringBuilder text = new StringBuilder();
        for (Element p : Wml.children(comment)) {
            if (Wml.isW(p, "p")) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                runs(p, text);
            }
        }
        return text.toString();
    }

    private static void runs(Element parent, StringBuilder out) {
        for (Element e : Wml.children(parent)) {
            if (Wml.isW(e, "r")) {
                if (Wml.childW(e, "delText").isEmpty()) {
                    run(e, out);
                }
            } else if (Wml.isW(e, "hyperlink") || Wml.isW(e, "fldSimple")) {
                for (Element r : Wml.children(e)) {
                    if (Wml.isW(r, "r")) {
                        run(r, out);
                    }
                }
            } else if (Wml.isW(e, "ins") || Wml.isW(e, "del") || Wml.isW(e, "moveFrom") || Wml.isW(e, "moveTo")) {
                trackedChange(e, out);
            } else if (Wml.isW(e, "smartTag")) {
                runs(e, out);
            }
        }
    }

    private static void trackedChange(Element change, StringBuilder out) {
        for (Element r : Wml.children(change)) {
            if (Wml.isW(r, "r") && Wml.childW(r, "delText").isEmpty()) {
                run(r, out);
            }
        }
        for (Element ins : Wml.children(change)) {
            if (Wml.isW(ins, "ins")) {
                trackedChange(ins, out);
            }
        }
    }

    private static void run(Element r, StringBuilder out) {
        boolean caps = Wml.childW(r, "rPr").map(p -> Wml.childW(p, "caps").map(Wml::on).orElse(false)
                || Wml.childW(p, "smallCaps").map(Wml::on).orElse(false)).orElse(false);
        for (Element c : Wml.children(r)) {
            if (!Wml.W.equals(c.getNamespaceURI())) {
                continue;
            }
            switch (c.getLocalName()) {
                case "t", "delText" -> {
                    String t = Wml.ownText(c);
                    out.append(caps ? t.toUpperCase(Locale.getDefault()) : t);
                }
                case "tab", "ptab" -> out.append('\t');
                case "br", "cr" -> out.append('\n');
                case "noBreakHyphen" -> out.append('\u2011');
                case "footnoteReference" -> out.append("[footnoteRef:").append(Wml.attr(c, Wml.W, "id")).append(']');
                case "endnoteReference" -> out.append("[endnoteRef:").append(Wml.attr(c, Wml.W, "id")).append(']');
                default -> {
                    // field codes, drawings and the rest carry no comment text
                }
            }
        }
    }
}
