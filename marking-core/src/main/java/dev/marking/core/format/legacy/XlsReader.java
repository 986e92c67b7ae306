package dev.marking.core.format.legacy;

import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.Interruption;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.hssf.usermodel.HSSFComment;
import org.apache.poi.hssf.usermodel.HSSFPatriarch;
import org.apache.poi.hssf.usermodel.HSSFShape;
import org.apache.poi.hssf.usermodel.HSSFShapeContainer;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFSimpleShape;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hssf.usermodel.HeaderFooter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellAddress;

/**
 * Turns an Excel 97–2003 workbook into a {@link ReadModel}: every cell's text as shown (formulas by their
 * cached result) at {@code Sheet1!C7}, the page header and footer of each visible sheet (left, centre,
 * right), cell comments and shape text. Cells of hidden sheets, rows and columns are read like the others
 * (the content rules see them) and reported as hidden content.
 */
final class XlsReader {

    static final int FIRST_PAGE_CELLS = 6;

    private final HSSFWorkbook workbook;
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    private final List<TextBlock> body = new ArrayList<>();
    private final List<TextBlock> top = new ArrayList<>();
    private final List<RunningSlot> slots = new ArrayList<>();
    private final List<HiddenItem> hidden = new ArrayList<>();

    private XlsReader(HSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    static ReadModel read(Path path, String format, HSSFWorkbook workbook, List<HiddenItem> packageItems) {
        return new XlsReader(workbook).model(path, format, packageItems);
    }

    private ReadModel model(Path path, String format, List<HiddenItem> packageItems) {
        boolean firstVisible = true;
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            HSSFSheet sheet = workbook.getSheetAt(i);
            boolean hiddenSheet = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
            List<TextBlock> cells = cells(sheet, hiddenSheet);
            if (hiddenSheet) {
                hide(cells, Location.sheet(sheet.getSheetName()).withPart("hidden-sheet"));
            } else {
                if (firstVisible) {
                    cells.stream().limit(FIRST_PAGE_CELLS).forEach(top::add);
                    firstVisible = false;
                }
                slots.add(slot(i + 1, sheet));
            }
            body.addAll(cells);
            comments(sheet);
            shapes(sheet);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        OleFiles.summary(workbook, properties, hidden);
        hidden.addAll(packageItems);
        return new ReadModel(path, format, Unit.SHEET, top, body, slots, properties, hidden);
    }

    /** Non-blank cells in reading order; those in hidden rows and columns also reported as hidden. */
    private List<TextBlock> cells(HSSFSheet sheet, boolean hiddenSheet) {
        String name = sheet.getSheetName();
        List<TextBlock> out = new ArrayList<>();
        Map<Integer, List<TextBlock>> hiddenColumns = new TreeMap<>();
        for (Row row : sheet) {
            Interruption.check();
            List<TextBlock> hiddenRow = new ArrayList<>();
            for (Cell cell : row) {
                String text = text(cell);
                if (text.isBlank()) {
                    continue;
                }
                TextBlock b = new TextBlock(text.strip(), Location.cell(name, cell.getAddress().formatAsString()));
                out.add(b);
                if (!hiddenSheet && row.getZeroHeight()) {
                    hiddenRow.add(b);
                } else if (!hiddenSheet && sheet.isColumnHidden(cell.getColumnIndex())) {
                    hiddenColumns.computeIfAbsent(cell.getColumnIndex(), c -> new ArrayList<>()).add(b);
                }
            }
            if (!hiddenRow.isEmpty()) {
                hide(hiddenRow, hiddenRow.get(0).location().withPart("hidden-row"));
            }
        }
        hiddenColumns.values().forEach(c -> hide(c, c.get(0).location().withPart("hidden-column")));
        return out;
    }

    /** The text Excel shows in {@code cell}: a formula's cached result, numbers and dates in their format. */
    private String text(Cell cell) {
        try {
            if (cell.getCellType() != CellType.FORMULA) {
                return formatter.formatCellValue(cell);
            }
            return switch (cell.getCachedFormulaResultType()) {
                case STRING -> cell.getRichStringCellValue().getString();
                case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(),
                        cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
                default -> "";
            };
        } catch (RuntimeException e) {
            return ""; // a cell POI cannot format has no text a reader sees
        }
    }

    private void hide(List<TextBlock> cells, Location at) {
        HiddenItem.joined(HiddenKind.HIDDEN_TEXT, cells, at).ifPresent(hidden::add);
    }

    /** The page header and footer Excel prints on the sheet's pages: left, centre and right, fields removed. */
    private RunningSlot slot(int number, HSSFSheet sheet) {
        Location where = Location.sheet(sheet.getSheetName());
        HeaderFooter h = sheet.getHeader();
        HeaderFooter f = sheet.getFooter();
        return new RunningSlot(number, SlotType.DEFAULT, sections(h, where.withPart("header:default")),
                sections(f, where.withPart("footer:default")), List.of(), where);
    }

    private static List<TextBlock> sections(HeaderFooter hf, Location part) {
        List<TextBlock> out = new ArrayList<>();
        String[] texts = {hf.getLeft(), hf.getCenter(), hf.getRight()};
        for (int i = 0; i < texts.length; i++) {
            String t = texts[i] == null ? "" : HeaderFooter.stripFields(texts[i]).strip();
            if (!t.isEmpty()) {
                out.add(new TextBlock(t, part.withParagraph(i + 1)));
            }
        }
        return out;
    }

    private void comments(HSSFSheet sheet) {
        Map<CellAddress, ? extends org.apache.poi.ss.usermodel.Comment> comments = sheet.getCellComments();
        comments.forEach((address, c) -> {
            String text = c.getString() == null ? "" : c.getString().getString();
            hidden.add(new HiddenItem(HiddenKind.COMMENT, text == null ? "" : text.strip(),
                    Location.cell(sheet.getSheetName(), address.formatAsString()).withPart("comment")));
        });
    }

    /** Text in drawn shapes and text boxes (not comments), as body text of the sheet. */
    private void shapes(HSSFSheet sheet) {
        HSSFPatriarch patriarch;
        try {
            patriarch = sheet.getDrawingPatriarch();
        } catch (RuntimeException e) {
            return; // drawing records POI cannot parse hold no cell text
        }
        if (patriarch != null) {
            int[] n = {0};
            shapes(patriarch, Location.sheet(sheet.getSheetName()).withPart("shape"), n);
        }
    }

    private void shapes(HSSFShapeContainer container, Location at, int[] n) {
        for (HSSFShape s : container.getChildren()) {
            if (s instanceof HSSFShapeContainer group) {
                shapes(group, at, n);
            } else if (s instanceof HSSFSimpleShape simple && !(s instanceof HSSFComment)) {
                String text = shapeText(simple);
                if (!text.isBlank()) {
                    body.add(new TextBlock(text.strip(), at.withParagraph(++n[0])));
                }
            }
        }
    }

    /** A shape's text; pictures and lines carry no text record, which POI reports by failing. */
    private static String shapeText(HSSFSimpleShape shape) {
        try {
            return shape.getString() == null || shape.getString().getString() == null ? ""
                    : shape.getString().getString();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
