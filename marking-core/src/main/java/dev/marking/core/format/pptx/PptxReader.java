package dev.marking.core.format.pptx;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.Interruption;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.format.ooxml.OoxmlPackageItems;
import dev.marking.core.format.ooxml.OoxmlProperties;
import dev.marking.core.model.Location;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFComment;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSheet;
import org.apache.poi.xslf.usermodel.XSLFSimpleShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.openxmlformats.schemas.presentationml.x2006.main.CTPicture;

/**
 * Turns an open presentation into a {@link ReadModel}: each slide's text in reading order (top to bottom,
 * tables cell by cell) with locations {@code slide 3}; per slide a running slot holding what its layout and
 * master add to it (their own text boxes, our running mark, copy number and watermark, the slide's footer,
 * date and number placeholders); speaker notes and comments as text the content rules read and as hidden
 * content, with hidden slides, alternative texts of pictures, people in the properties and embedded
 * objects. Placeholders of layouts and masters are prompts a slide replaces, not text it shows.
 */
final class PptxReader {

    static final int FIRST_PAGE_LINES = 6;
    private static final int EXCERPT = 200;

    private final XMLSlideShow ppt;
    private final List<TextBlock> body = new ArrayList<>();
    private final List<RunningSlot> slots = new ArrayList<>();
    private final List<HiddenItem> hidden = new ArrayList<>();

    private PptxReader(XMLSlideShow ppt) {
        this.ppt = ppt;
    }

    static ReadModel read(Path path, XMLSlideShow ppt) {
        return new PptxReader(ppt).model(path);
    }

    /** What one sheet (slide, layout or master) shows, sorted into body, header, footer and watermark. */
    private static final class Seen {
        final List<String> body = new ArrayList<>();
        final List<String> header = new ArrayList<>();
        final List<String> footer = new ArrayList<>();
        final List<String> watermarks = new ArrayList<>();
    }

    private ReadModel model(Path path) {
        List<TextBlock> top = null;
        List<XSLFSlide> slides = ppt.getSlides();
        for (int i = 0; i < slides.size(); i++) {
            XSLFSlide slide = slides.get(i);
            int n = i + 1;
            Seen own = seen(slide, true);
            List<TextBlock> slideBody = blocks(own.body, Location.slide(n), null);
            body.addAll(slideBody);
            notes(slide, n);
            comments(slide, n);
            pictures(slide, n);
            if (slide.isHidden()) {
                hidden.add(new HiddenItem(HiddenKind.HIDDEN_SLIDE, excerpt(own.body), Location.slide(n)));
            }
            slots.add(slot(slide, n, own));
            if (top == null && !slide.isHidden()) {
                top = slideBody.subList(0, Math.min(FIRST_PAGE_LINES, slideBody.size()));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>(OoxmlProperties.read(ppt.getProperties()));
        hidden.addAll(OoxmlPackageItems.scan(ppt, "ppt"));
        return new ReadModel(path, "pptx", Unit.SLIDE, top == null ? List.of() : top, body, slots, properties, hidden);
    }

    /** The slide's running slot: its own running texts, then its layout's and master's where it shows them. */
    private RunningSlot slot(XSLFSlide slide, int n, Seen own) {
        List<String> header = new ArrayList<>(own.header);
        List<String> footer = new ArrayList<>(own.footer);
        List<String> watermarks = new ArrayList<>(own.watermarks);
        XSLFSlideLayout layout = slide.getSlideLayout();
        List<XSLFSheet> behind = new ArrayList<>();
        if (slide.getFollowMasterObjects() && layout != null) {
            behind.add(layout);
            if (layout.getFollowMasterGraphics() && layout.getSlideMaster() != null) {
                behind.add(layout.getSlideMaster());
            }
        }
        for (XSLFSheet sheet : behind) {
            Seen s = seen(sheet, false);
            header.addAll(s.header);
            footer.addAll(s.footer);
            watermarks.addAll(s.watermarks);
        }
        return new RunningSlot(n, SlotType.SLIDE, blocks(header, Location.slide(n), "header"),
                blocks(footer, Location.slide(n), "footer"), watermarks);
    }

    /** Sorts the text of {@code sheet}'s shapes; {@code slide} false for a layout or master (placeholders skipped). */
    private static Seen seen(XSLFSheet sheet, boolean slide) {
        Seen out = new Seen();
        List<XSLFShape> shapes = new ArrayList<>();
        flatten(sheet.getShapes(), shapes);
        shapes.sort(Comparator.comparingDouble((XSLFShape s) -> top(s)).thenComparingDouble(PptxReader::left));
        for (XSLFShape s : shapes) {
            Interruption.check();
            List<String> text = text(s);
            if (text.isEmpty()) {
                continue;
            }
            String name = s.getShapeName();
            Placeholder ph = s instanceof XSLFSimpleShape simple ? simple.getPlaceholder() : null;
            if (OurShapes.isOurs(name)) {
                switch (name) {
                    case OurShapes.HEADER -> out.header.addAll(text);
                    case OurShapes.FOOTER -> out.footer.addAll(text);
                    case OurShapes.WATERMARK -> out.watermarks.add(String.join(" ", text));
                    default -> out.body.addAll(text);
                }
            } else if (ph == Placeholder.FOOTER || ph == Placeholder.DATETIME || ph == Placeholder.SLIDE_NUMBER) {
                if (slide) {
                    out.footer.addAll(text);
                }
            } else if (ph == Placeholder.HEADER) {
                if (slide) {
                    out.header.addAll(text);
                }
            } else if (slide) {
                out.body.addAll(text);
            } else if (ph == null) {
                (diagonal(s) ? out.watermarks : out.header).addAll(text);
            }
        }
        return out;
    }

    private static void flatten(List<XSLFShape> shapes, List<XSLFShape> out) {
        for (XSLFShape s : shapes) {
            if (s instanceof XSLFGroupShape g) {
                flatten(g.getShapes(), out);
            } else {
                out.add(s);
            }
        }
    }

    /** The non-empty paragraphs of a text shape, or the cells of a table row by row. */
    private static List<String> text(XSLFShape s) {
        List<String> out = new ArrayList<>();
        if (s instanceof XSLFTextShape t) {
            paragraphs(t, out);
        } else if (s instanceof XSLFTable table) {
            for (XSLFTableRow row : table.getRows()) {
                for (XSLFTableCell cell : row.getCells()) {
                    paragraphs(cell, out);
                }
            }
        }
        return out;
    }

    private static void paragraphs(XSLFTextShape t, List<String> out) {
        for (XSLFTextParagraph p : t.getTextParagraphs()) {
            String text = p.getText();
            if (text != null && !text.isBlank()) {
                out.add(text.strip());
            }
        }
    }

    private static boolean diagonal(XSLFShape s) {
        return s instanceof XSLFSimpleShape simple && Math.abs(simple.getRotation() % 90) > 1e-6;
    }

    private static double top(XSLFShape s) {
        Rectangle2D a = anchor(s);
        return a == null ? 0 : a.getY();
    }

    private static double left(XSLFShape s) {
        Rectangle2D a = anchor(s);
        return a == null ? 0 : a.getX();
    }

    private static Rectangle2D anchor(XSLFShape s) {
        try {
            return s.getAnchor();
        } catch (RuntimeException e) {
            return null; // a shape without a usable position sorts first
        }
    }

    private static List<TextBlock> blocks(List<String> texts, Location where, String part) {
        List<TextBlock> out = new ArrayList<>();
        Location base = part == null ? where : where.withPart(part);
        for (String t : texts) {
            out.add(new TextBlock(t, base.withParagraph(out.size() + 1)));
        }
        return out;
    }

    /** Speaker notes: the notes page's body text (not its slide image, number or header and footer). */
    private void notes(XSLFSlide slide, int n) {
        XSLFNotes notes = slide.getNotes();
        if (notes == null) {
            return;
        }
        List<String> texts = new ArrayList<>();
        List<XSLFShape> shapes = new ArrayList<>();
        flatten(notes.getShapes(), shapes);
        for (XSLFShape s : shapes) {
            Placeholder ph = s instanceof XSLFSimpleShape simple ? simple.getPlaceholder() : null;
            if (ph == null || ph == Placeholder.BODY) {
                texts.addAll(text(s));
            }
        }
        if (!texts.isEmpty()) {
            body.addAll(blocks(texts, Location.slide(n), "notes"));
            hidden.add(new HiddenItem(HiddenKind.SPEAKER_NOTES, excerpt(texts), Location.slide(n).withPart("notes")));
        }
    }

    private void comments(XSLFSlide slide, int n) {
        for (XSLFComment c : slide.getComments()) {
            String text = c.getText() == null ? "" : c.getText().strip();
            Location at = Location.slide(n).withPart("comment");
            if (!text.isEmpty()) {
                body.add(new TextBlock(text, at));
            }
            hidden.add(new HiddenItem(HiddenKind.COMMENT, text, at));
        }
        ModernComments.of(slide).forEach(text -> {
            Location at = Location.slide(n).withPart("comment");
            body.add(new TextBlock(text, at));
            hidden.add(new HiddenItem(HiddenKind.COMMENT, text, at));
        });
    }

    /** Alternative text of pictures: text a reader does not see. */
    private void pictures(XSLFSlide slide, int n) {
        List<XSLFShape> shapes = new ArrayList<>();
        flatten(slide.getShapes(), shapes);
        for (XSLFShape s : shapes) {
            if (s instanceof XSLFPictureShape pic && pic.getXmlObject() instanceof CTPicture ct
                    && ct.getNvPicPr() != null && ct.getNvPicPr().getCNvPr() != null) {
                String descr = ct.getNvPicPr().getCNvPr().getDescr();
                if (descr != null && !descr.isBlank()) {
                    hidden.add(new HiddenItem(HiddenKind.ALT_TEXT, descr.strip(), Location.slide(n).withPart("alt-text")));
                }
            }
        }
    }

    private static String excerpt(List<String> texts) {
        String all = String.join(" ", texts);
        return all.length() <= EXCERPT ? all : all.substring(0, EXCERPT) + "…";
    }
}
