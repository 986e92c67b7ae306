package dev.marking.core.format.odf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.Interruption;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Turns an ODF spreadsheet into a {@link ReadModel}: every cell's text at {@code Sheet1!C7} (repeated rows
 * and columns expanded up to a limit), cell comments, shape text, the header and footer of each visible
 * sheet's page style, and {@code meta.xml}. Cells of hidden sheets, rows and columns are read like the others
 * and reported as hidden content.
 */
final class OdsReader {

    static final int FIRST_PAGE_CELLS = 6;
    /** Repeated rows or columns with content expanded at most (a filled column of 1,048,576 rows is one value). */
    private static final int MAX_REPEAT = 100;
    private static final String DEFAULT_MASTER = "Default";

    /** One cell's content. */
    private record Cell(int column, int repeat, String text, List<String> comments) {
    }

    private final OdfPackage pkg;
    private final List<TextBlock> body = new ArrayList<>();
    private final List<TextBlock> top = new ArrayList<>();
    private final List<HiddenItem> hidden = new ArrayList<>();
    /** Visible sheets by name, with their table style, in order. */
    private final Map<String, String> sheets = new LinkedHashMap<>();
    private Map<String, String> mediaTypes;

    private OdsReader(OdfPackage pkg) {
        this.pkg = pkg;
    }

    static ReadModel read(OdfPackage pkg, String format) throws DocumentException {
        return new OdsReader(pkg).model(format);
    }

    private ReadModel model(String format) throws DocumentException {
        mediaTypes = pkg.mediaTypes();
        StylesPart styles = StylesPart.read(pkg);
        OdfStyles content = ContentPart.read(pkg, styles, this::body);
        List<RunningSlot> slots = slots(styles, content);
        Map<String, String> properties = new LinkedHashMap<>();
        OdfMeta.read(pkg, properties, hidden);
        return new ReadModel(pkg.file(), format, Unit.SHEET, top, body, slots, properties, hidden);
    }

    private void body(XMLStreamReader r, OdfStyles styles) throws XMLStreamException {
        OdfText text = new OdfText(styles);
        OdfText.walk(r, e -> {
            if (OdfText.is(e, OdfXml.TABLE, "table")) {
                sheet(e, styles, text);
                return true;
            }
            return false;
        });
    }

    private void sheet(XMLStreamReader r, OdfStyles styles, OdfText text) throws XMLStreamException {
        String name = r.getAttributeValue(OdfXml.TABLE, "name");
        String style = r.getAttributeValue(OdfXml.TABLE, "style-name");
        boolean hiddenSheet = styles.hidesTable(style);
        if (!hiddenSheet) {
            sheets.put(name, style);
        }
        List<TextBlock> cells = new ArrayList<>();
        List<TextBlock> hiddenCells = new ArrayList<>();
        Set<Integer> hiddenColumns = new HashSet<>();
        int[] column = {0};
        int[] row = {0};
        OdfText.walk(r, e -> {
            if (OdfText.is(e, OdfXml.TABLE, "table-column")) {
                int n = repeat(e.getAttributeValue(OdfXml.TABLE, "number-columns-repeated"));
                if (!visible(e)) {
                    for (int i = 0; i < Math.min(n, MAX_REPEAT); i++) {
                        hiddenColumns.add(column[0] + i);
                    }
                }
                column[0] += n;
                return false;
            } else if (OdfText.is(e, OdfXml.TABLE, "table-row")) {
                Interruption.check();
                int n = repeat(e.getAttributeValue(OdfXml.TABLE, "number-rows-repeated"));
                boolean hiddenRow = !visible(e);
                List<Cell> content = row(e, text);
                for (int i = 0; i < Math.min(n, MAX_REPEAT) && !content.isEmpty(); i++) {
                    for (Cell c : content) {
                        for (int j = 0; j < Math.min(c.repeat(), MAX_REPEAT); j++) {
                            TextBlock b = new TextBlock(c.text(), Location.cell(name, ref(c.column() + j, row[0] + i)));
                            cells.add(b);
                            if (hiddenRow || hiddenColumns.contains(c.column() + j)) {
                                hiddenCells.add(b);
                            }
                        }
                        if (i == 0) {
                            Location at = Location.cell(name, ref(c.column(), row[0])).withPart("comment");
                            c.comments().forEach(t -> hidden.add(new HiddenItem(HiddenKind.COMMENT, t, at)));
                        }
                    }
                }
                row[0] += n;
            } else if (OdfText.is(e, OdfXml.TABLE, "shapes")) {
                Location at = Location.sheet(name).withPart("shape");
                for (OdfText.Paragraph p : text.container(e, null)) {
                    if (!p.text().isEmpty()) {
                        cells.add(new TextBlock(p.text(), at.withParagraph(cells.size() + 1)));
                    }
                }
            } else if (OdfText.is(e, OdfXml.OFFICE, "forms")) {
                OdfText.skip(e);
            } else {
                return false;
            }
            return true;
        });
        cells.removeIf(b -> b.text().isEmpty());
        body.addAll(cells);
        if (hiddenSheet) {
            hide(cells, Location.sheet(name).withPart("hidden-sheet"));
        } else {
            hide(hiddenCells, hiddenCells.isEmpty() ? null : hiddenCells.get(0).location().withPart("hidden-cells"));
            if (top.isEmpty()) {
                cells.stream().limit(FIRST_PAGE_CELLS).forEach(top::add);
            }
        }
    }

    /** The cells of one row with content; the reader is at the row's start and ends at its end. */
    private List<Cell> row(XMLStreamReader r, OdfText text) throws XMLStreamException {
        List<Cell> out = new ArrayList<>();
        int[] column = {0};
        OdfText.walk(r, e -> {
            if (OdfText.is(e, OdfXml.TABLE, "table-cell") || OdfText.is(e, OdfXml.TABLE, "covered-table-cell")) {
                int n = repeat(e.getAttributeValue(OdfXml.TABLE, "number-columns-repeated"));
                Cell c = cell(e, text, column[0], n);
                if (!c.text().isEmpty() || !c.comments().isEmpty()) {
                    out.add(c);
                }
                column[0] += n;
                return true;
            }
            return false;
        });
        return out;
    }

    private Cell cell(XMLStreamReader r, OdfText text, int column, int repeat) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        List<String> comments = new ArrayList<>();
        OdfText.walk(r, e -> {
            if (OdfText.isParagraph(e)) {
                String t = OdfText.joined(List.of(text.paragraph(e)));
                if (!t.isEmpty()) {
                    sb.append(sb.length() == 0 ? "" : " ").append(t);
                }
                return true;
            } else if (OdfText.is(e, OdfXml.OFFICE, "annotation")) {
                comments.add(OdfText.joined(text.container(e, null)));
                return true;
            } else if (OdfText.is(e, OdfXml.DRAW, "object") || OdfText.is(e, OdfXml.DRAW, "object-ole")) {
                OdtReader.embedded(hidden, mediaTypes, e.getAttributeValue(OdfXml.XLINK, "href"),
                        Location.part("embedded-object"));
            }
            return false;
        });
        return new Cell(column, comments.isEmpty() ? repeat : 1, sb.toString(), comments);
    }

    private List<RunningSlot> slots(StylesPart styles, OdfStyles content) {
        List<RunningSlot> slots = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        int unit = 0;
        for (Map.Entry<String, String> sheet : sheets.entrySet()) {
            unit++;
            String master = content.masterPage(sheet.getValue()).orElse(DEFAULT_MASTER);
            StylesPart.MasterPage m = styles.masterPages().stream().filter(p -> p.name().equals(master)).findFirst()
                    .orElse(styles.masterPages().isEmpty() ? null : styles.masterPages().get(0));
            if (m != null) {
                slots.addAll(OdfSlots.of(m, unit, Location.sheet(sheet.getKey()),
                        reported.add(m.name()) ? hidden : new ArrayList<>()));
            }
        }
        return slots;
    }

    private void hide(List<TextBlock> cells, Location at) {
        HiddenItem.joined(HiddenKind.HIDDEN_TEXT, cells, at).ifPresent(hidden::add);
    }

    private static boolean visible(XMLStreamReader r) {
        String v = r.getAttributeValue(OdfXml.TABLE, "visibility");
        return v == null || "visible".equals(v);
    }

    private static int repeat(String n) {
        try {
            return n == null ? 1 : Math.max(1, Integer.parseInt(n.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** {@code C7} for column 2, row 6 (both 0-based). */
    static String ref(int column, int row) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + (row + 1);
    }
}
