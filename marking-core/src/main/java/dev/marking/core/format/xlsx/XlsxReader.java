package dev.marking.core.format.xlsx;

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
import dev.marking.core.format.xlsx.HeaderFooterText.Section;
import dev.marking.core.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFShapeGroup;
import org.apache.poi.xssf.usermodel.XSSFSimpleShape;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Turns an open workbook into a {@link ReadModel}: every sheet's cells as shown (numbers and dates
 * through their formats, formulas by their last result, shared, inline and rich strings), cell notes,
 * text in drawn shapes and defined names holding text, all with locations {@code Sheet1!C7}; each
 * sheet's header and footer variants as running slots; hidden sheets, rows and columns, notes, people
 * in the properties and embedded objects as hidden content. Hidden cells are read like the others, so
 * the content rules see what a hidden sheet still carries.
 */
final class XlsxReader {

    /** Cells of the first shown sheet counted as the top of its first page. */
    static final int FIRST_PAGE_CELLS = 6;
    private static final int EXCERPT_CELLS = 20;
    /** A quoted literal or a backslash-escaped character of a date format, as POI leaves them in its output. */
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"|\\\\(.)");

    private final XSSFWorkbook wb;
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    private final List<TextBlock> body = new ArrayList<>();
    private final List<RunningSlot> slots = new ArrayList<>();
    private final List<HiddenItem> hidden = new ArrayList<>();

    private XlsxReader(XSSFWorkbook wb) {
        this.wb = wb;
        formatter.setUseCachedValuesForFormulaCells(true);
    }

    static ReadModel read(Path path, XSSFWorkbook wb) {
        return new XlsxReader(wb).model(path);
    }

    private ReadModel model(Path path) {
        List<TextBlock> top = null;
        for (SheetPage page : SheetPage.of(wb)) {
            List<TextBlock> cells = page.chart() ? List.of() : cells(page);
            body.addAll(cells);
            comments(page);
            shapes(page);
            if (page.hidden()) {
                hidden.add(new HiddenItem(HiddenKind.HIDDEN_SHEET, excerpt(cells), Location.sheet(page.name())));
            }
            slots(page);
            if (top == null && !page.hidden()) {
                top = firstPage(page, cells);
            }
        }
        names();
        Map<String, String> properties = new LinkedHashMap<>(OoxmlProperties.read(wb.getProperties()));
        hidden.addAll(OoxmlPackageItems.scan(wb, "xl"));
        return new ReadModel(path, "xlsx", Unit.SHEET, top == null ? List.of() : top, body, slots, properties, hidden);
    }

    /** The cells with text, row by row; hidden rows and columns of a shown sheet are reported as hidden content. */
    private List<TextBlock> cells(SheetPage page) {
        List<TextBlock> out = new ArrayList<>();
        Map<Integer, Boolean> columnHidden = new HashMap<>();
        Map<Integer, List<TextBlock>> hiddenColumns = new TreeMap<>();
        for (Row row : page.sheet()) {
            Interruption.check();
            List<TextBlock> hiddenRow = new ArrayList<>();
            for (Cell cell : row) {
                String text = shown(cell);
                if (text.isBlank()) {
                    continue;
                }
                TextBlock b = new TextBlock(text, Location.cell(page.name(), cell.getAddress().formatAsString()));
                out.add(b);
                if (row.getZeroHeight()) {
                    hiddenRow.add(b);
                } else if (columnHidden.computeIfAbsent(cell.getColumnIndex(), page.sheet()::isColumnHidden)) {
                    hiddenColumns.computeIfAbsent(cell.getColumnIndex(), c -> new ArrayList<>()).add(b);
                }
            }
            if (!page.hidden() && !hiddenRow.isEmpty()) {
                hidden.add(new HiddenItem(HiddenKind.HIDDEN_CELLS, excerpt(hiddenRow),
                        hiddenRow.get(0).location().withPart("hidden-row")));
            }
        }
        if (!page.hidden()) {
            for (List<TextBlock> column : hiddenColumns.values()) {
                hidden.add(new HiddenItem(HiddenKind.HIDDEN_CELLS, excerpt(column),
                        column.get(0).location().withPart("hidden-column")));
            }
        }
        return out;
    }

    /**
     * The cell as Excel shows it. POI keeps the quotes and backslashes that mark literal text in date formats
     * ({@code yyyy"年"m"月"}, {@code yyyy\年}); Excel shows the text alone.
     */
    private String shown(Cell cell) {
        String text = formatter.formatCellValue(cell);
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell) ? LITERAL.matcher(text).replaceAll("$1$2") : text;
    }

    /** Cell notes: text the content rules read, and hidden content (a reader sees them only on hover). */
    private void comments(SheetPage page) {
        if (page.chart()) {
            return;
        }
        Map<CellAddress, XSSFComment> comments = new TreeMap<>(page.sheet().getCellComments());
        for (Map.Entry<CellAddress, XSSFComment> e : comments.entrySet()) {
            XSSFComment c = e.getValue();
            String text = c.getString() == null ? "" : c.getString().getString().strip();
            Location at = Location.cell(page.name(), e.getKey().formatAsString()).withPart("comment");
            if (!text.isEmpty()) {
                body.add(new TextBlock(text, at));
            }
            hidden.add(new HiddenItem(HiddenKind.COMMENT, text, at));
        }
    }

    /** Text in text boxes and other drawn shapes. */
    private void shapes(SheetPage page) {
        XSSFDrawing drawing = page.sheet().getDrawingPatriarch();
        if (drawing != null) {
            shapes(drawing.getShapes(), page.name());
        }
    }

    private void shapes(Iterable<XSSFShape> shapes, String sheet) {
        for (XSSFShape s : shapes) {
            if (s instanceof XSSFShapeGroup g) {
                shapes(g, sheet);
            } else if (s instanceof XSSFSimpleShape simple) {
                String text = simple.getText();
                if (text != null && !text.isBlank()) {
                    body.add(new TextBlock(text.strip(), Location.sheet(sheet).withPart("shape")));
                }
            }
        }
    }

    /** Defined names whose formula holds text (a constant can carry words the cells do not show). */
    private void names() {
        for (XSSFName name : wb.getAllNames()) {
            String formula;
            try {
                formula = name.getRefersToFormula();
            } catch (RuntimeException e) {
                continue; // a name POI cannot parse holds no text we could read either
            }
            String n = name.getNameName();
            if (formula != null && formula.contains("\"") && n != null && !n.startsWith("_xlnm.")) {
                body.add(new TextBlock(n + ": " + formula, Location.part("name:" + n)));
            }
        }
    }

    private void slots(SheetPage page) {
        Map<String, String> ours = HeaderPictures.ours(page);
        for (SlotType type : page.shownTypes()) {
            HeaderFooterText header = HeaderFooterText.parse(page.text(type, true));
            HeaderFooterText footer = HeaderFooterText.parse(page.text(type, false));
            List<String> watermarks = new ArrayList<>();
            for (Section s : Section.values()) {
                for (boolean isHeader : List.of(true, false)) {
                    HeaderFooterText hf = isHeader ? header : footer;
                    String text = ours.get(XlsxStamper.position(s, isHeader, type));
                    if (hf.hasPicture(s) && text != null) {
                        watermarks.add(text);
                    }
                }
            }
            slots.add(new RunningSlot(page.number(), type, lines(header, page, "header:" + type.id()),
                    lines(footer, page, "footer:" + type.id()), watermarks, Location.sheet(page.name())));
        }
    }

    /** The visible lines of a header or footer, left, centre and right section in turn. */
    private static List<TextBlock> lines(HeaderFooterText text, SheetPage page, String part) {
        List<TextBlock> out = new ArrayList<>();
        for (Section s : Section.values()) {
            for (String line : text.lines(s, page.name())) {
                if (!line.isBlank()) {
                    out.add(new TextBlock(line.strip(),
                            Location.sheet(page.name()).withPart(part).withParagraph(out.size() + 1)));
                }
            }
        }
        return out;
    }

    /** The top of the first printed page: the first-page header when the sheet has its own, then the first cells. */
    private static List<TextBlock> firstPage(SheetPage page, List<TextBlock> cells) {
        List<TextBlock> top = new ArrayList<>();
        if (page.shownTypes().contains(SlotType.FIRST)) {
            top.addAll(lines(HeaderFooterText.parse(page.text(SlotType.FIRST, true)), page, "header:first"));
        }
        top.addAll(cells.subList(0, Math.min(FIRST_PAGE_CELLS, cells.size())));
        return top;
    }

    private static String excerpt(List<TextBlock> blocks) {
        return String.join(" ", blocks.stream().limit(EXCERPT_CELLS).map(TextBlock::text).toList());
    }
}
