package dev.marking.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTHeaderFooter;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheet;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * A fluent builder of small, real XLSX files made with POI: sheets (hidden ones too), text, number, inline
 * and rich-text cells, notes, hidden rows and columns, headers and footers written as Excel's codes
 * ({@code &L左&C中&R右}) for the odd, first and even pages, defined names and properties. Everything applies
 * to the sheet being built; {@link #sheet(String)} starts the next one.
 */
public final class XlsxFixture {

    private final XSSFWorkbook wb = new XSSFWorkbook();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> chartSheets = new LinkedHashMap<>();
    private XSSFSheet sheet;

    XlsxFixture() {
        wb.getProperties().getCoreProperties().setCreator(""); // POI's "Apache POI" would be a property finding in every test
    }

    /** Starts a sheet named {@code name}. */
    public XlsxFixture sheet(String name) {
        sheet = wb.createSheet(name);
        return this;
    }

    /** A text cell ({@code C7}). */
    public XlsxFixture cell(String ref, String text) {
        cellAt(ref).setCellValue(text);
        return this;
    }

    /** A number cell shown through the format {@code format} ({@code 0.00%}, {@code yyyy"年"m"月"d"日"}). */
    public XlsxFixture number(String ref, double value, String format) {
        XSSFCell c = cellAt(ref);
        c.setCellValue(value);
        XSSFCellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(format));
        c.setCellStyle(style);
        return this;
    }

    /** A formula cell with its last result cached, as Excel saves it. */
    public XlsxFixture formula(String ref, String formula, double cached) {
        XSSFCell c = cellAt(ref);
        c.setCellFormula(formula);
        c.getCTCell().setV(Double.toString(cached));
        return this;
    }

    /** A cell holding an inline string ({@code t="inlineStr"}) instead of a shared one. */
    public XlsxFixture inline(String ref, String text) {
        XSSFCell c = cellAt(ref);
        c.getCTCell().setT(STCellType.INLINE_STR);
        c.getCTCell().addNewIs().setT(text);
        return this;
    }

    /** A rich-text cell: the runs in turn, every second one bold. */
    public XlsxFixture rich(String ref, String... runs) {
        XSSFRichTextString s = new XSSFRichTextString(String.join("", runs));
        XSSFFont bold = wb.createFont();
        bold.setBold(true);
        int at = 0;
        for (int i = 0; i < runs.length; i++) {
            if (i % 2 == 1) {
                s.applyFont(at, at + runs[i].length(), bold);
            }
            at += runs[i].length();
        }
        cellAt(ref).setCellValue(s);
        return this;
    }

    /** A note (comment) on cell {@code ref}. */
    public XlsxFixture note(String ref, String text) {
        CellReference r = new CellReference(ref);
        XSSFClientAnchor anchor = new XSSFClientAnchor(0, 0, 0, 0, r.getCol() + 1, r.getRow(), r.getCol() + 3, r.getRow() + 3);
        XSSFComment c = current().createDrawingPatriarch().createCellComment(anchor);
        c.setString(new XSSFRichTextString(text));
        c.setAuthor("fixture");
        cellAt(ref).setCellComment(c);
        return this;
    }

    /** Hides the current sheet. */
    public XlsxFixture hidden() {
        wb.setSheetHidden(wb.getSheetIndex(current()), true);
        return this;
    }

    /** Hides row {@code row} (1-based, as Excel numbers them). */
    public XlsxFixture hideRow(int row) {
        XSSFRow r = current().getRow(row - 1) == null ? current().createRow(row - 1) : current().getRow(row - 1);
        r.setZeroHeight(true);
        return this;
    }

    /** Hides column {@code column} ({@code C}). */
    public XlsxFixture hideColumn(String column) {
        current().setColumnHidden(CellReference.convertColStringToIndex(column), true);
        return this;
    }

    /** The odd-page (default) header, in Excel's codes. */
    public XlsxFixture header(String raw) {
        headerFooter().setOddHeader(raw);
        return this;
    }

    /** The odd-page (default) footer, in Excel's codes. */
    public XlsxFixture footer(String raw) {
        headerFooter().setOddFooter(raw);
        return this;
    }

    /** The first page's header (and turns on a different first page). */
    public XlsxFixture firstHeader(String raw) {
        headerFooter().setDifferentFirst(true);
        headerFooter().setFirstHeader(raw);
        return this;
    }

    /** The even pages' header (and turns on different odd and even pages). */
    public XlsxFixture evenHeader(String raw) {
        headerFooter().setDifferentOddEven(true);
        headerFooter().setEvenHeader(raw);
        return this;
    }

    /**
     * A chart sheet named {@code name} (a sheet that is one chart and has no cells), with the header
     * {@code header}; its chart is left empty, which is all a header needs.
     */
    public XlsxFixture chartSheet(String name, String header) {
        chartSheets.put(name, header);
        return this;
    }

    /** A workbook-level defined name. */
    public XlsxFixture name(String name, String formula) {
        XSSFName n = wb.createName();
        n.setNameName(name);
        n.setRefersToFormula(formula);
        return this;
    }

    /** A custom document property. */
    public XlsxFixture property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** Writes the workbook to {@code file} and returns it. */
    public Path build(Path file) {
        current();
        properties.forEach((k, v) -> wb.getProperties().getCustomProperties().addProperty(k, v));
        try {
            addChartSheets();
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
            wb.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** POI cannot make chart sheets; the parts are written as Excel writes them. */
    private void addChartSheets() throws InvalidFormatException {
        int n = 1;
        for (Map.Entry<String, String> c : chartSheets.entrySet()) {
            PackagePartName part = PackagingURIHelper.createPartName("/xl/chartsheets/sheet" + n + ".xml");
            PackagePart p = wb.getPackage().createPart(part,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml");
            String xml = "<chartsheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
                    + "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
                    + "<headerFooter><oddHeader>" + c.getValue().replace("&", "&amp;") + "</oddHeader></headerFooter>"
                    + "</chartsheet>";
            try (OutputStream out = p.getOutputStream()) {
                out.write(xml.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String id = wb.getPackagePart().addRelationship(part, TargetMode.INTERNAL,
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet").getId();
            CTSheet sheet = wb.getCTWorkbook().getSheets().addNewSheet();
            sheet.setName(c.getKey());
            sheet.setSheetId(100 + n++);
            sheet.setId(id);
        }
    }

    private XSSFSheet current() {
        if (sheet == null) {
            sheet("Sheet1");
        }
        return sheet;
    }

    private CTHeaderFooter headerFooter() {
        XSSFSheet s = current();
        return s.getCTWorksheet().isSetHeaderFooter() ? s.getCTWorksheet().getHeaderFooter()
                : s.getCTWorksheet().addNewHeaderFooter();
    }

    private XSSFCell cellAt(String ref) {
        CellReference r = new CellReference(ref);
        XSSFRow row = current().getRow(r.getRow()) == null ? current().createRow(r.getRow()) : current().getRow(r.getRow());
        return row.getCell(r.getCol()) == null ? row.createCell(r.getCol()) : row.getCell(r.getCol());
    }
}
