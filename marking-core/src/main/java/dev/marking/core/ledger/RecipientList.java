package dev.marking.core.ledger;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.PoiLimits;
import dev.marking.core.io.FileKind;
import dev.marking.core.model.Message;
import dev.marking.core.text.TextBytes;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A recipient list as offices keep it: an Excel workbook ({@code .xlsx}, its first sheet) or a CSV file in UTF-8
 * (with or without a byte-order mark) or GB18030 (what Excel on Chinese Windows saves as "CSV"). The header row —
 * the first row naming a name column, so a title row above it is fine — names the columns, in English or Chinese
 * ({@code name}/{@code 姓名}, {@code unit}/{@code 单位}/{@code 部门}); other columns are ignored. Every row is
 * checked before anything is stamped: a name or unit with a control, direction or invisible formatting character
 * would end up in watermarks, XML and file names, so it stops the whole run naming the row.
 */
public final class RecipientList {

    /** Longest name or unit, in characters (a watermark line must stay readable). */
    public static final int MAX_LENGTH = 100;

    private static final Set<String> NAME = Set.of("name", "姓名", "名字", "收件人", "接收人", "领取人");
    private static final Set<String> UNIT = Set.of("unit", "单位", "部门", "处室", "接收单位", "发放单位");
    /** Rows looked at for the header. */
    private static final int HEADER_ROWS = 10;
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private RecipientList() {
    }

    /** The recipients in {@code file}, in row order; refuses the whole list at its first bad row. */
    public static List<Recipient> read(Path file) throws RecipientsException {
        try {
            FileKind kind = FileKind.of(file);
            if (kind != FileKind.REGULAR) {
                throw new RecipientsException(Message.of("recipients.not-regular", file));
            }
            ContentProbe probe = ContentProbe.of(file);
            if (probe.startsWith(OLE2)) {
                throw new RecipientsException(Message.of("recipients.ole2", file));
            }
            return recipients(file, probe.zip() ? workbook(file) : csv(file));
        } catch (IOException e) {
            throw new RecipientsException(Message.of("recipients.unreadable", file, e.getMessage()), e);
        }
    }

    /** One row of the list: its number as a person sees it (1 for the first) and its cells. */
    record Entry(int number, List<String> cells) {
    }

    static List<Recipient> recipients(Path file, List<Entry> rows) throws RecipientsException {
        int header = -1;
        int name = -1;
        int unit = -1;
        for (int i = 0; i < rows.size() && i < HEADER_ROWS && header < 0; i++) {
            List<String> cells = rows.get(i).cells();
            for (int c = 0; c < cells.size(); c++) {
                String h = cells.get(c).strip().toLowerCase(Locale.ROOT);
                if (NAME.contains(h) && name < 0) {
                    name = c;
                    header = i;
                } else if (UNIT.contains(h) && unit < 0) {
                    unit = c;
                }
            }
            if (header < 0) {
                unit = -1;
            }
        }
        if (header < 0) {
            String first = rows.isEmpty() ? "" : String.join(",", rows.get(0).cells());
            throw new RecipientsException(Message.of("recipients.header", file, first));
        }
        List<Recipient> out = new ArrayList<>();
        for (Entry row : rows.subList(header + 1, rows.size())) {
            String n = cell(row, name);
            String u = cell(row, unit);
            if (n.isEmpty() && u.isEmpty()) {
                continue;
            }
            if (n.isEmpty()) {
                throw new RecipientsException(Message.of("recipients.no-name", file, row.number()));
            }
            check(file, row, n);
            check(file, row, u);
            out.add(new Recipient(n, u));
        }
        if (out.isEmpty()) {
            throw new RecipientsException(Message.of("recipients.empty", file));
        }
        return out;
    }

    private static String cell(Entry row, int column) {
        return column >= 0 && column < row.cells().size() && row.cells().get(column) != null
                ? row.cells().get(column).strip() : "";
    }

    /** Refuses characters that would forge or hide text where the name is shown, or break the XML it goes into. */
    private static void check(Path file, Entry row, String text) throws RecipientsException {
        int bad = text.codePoints().filter(RecipientList::forbidden).findFirst().orElse(-1);
        if (bad >= 0) {
            throw new RecipientsException(Message.of("recipients.character", file, row.number(),
                    String.format(Locale.ROOT, "U+%04X", bad)));
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new RecipientsException(Message.of("recipients.too-long", file, row.number(), MAX_LENGTH));
        }
    }

    /** Control, format (bidi, zero-width), separator, surrogate and unassigned characters. */
    public static boolean forbidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private static List<Entry> csv(Path file) throws IOException, RecipientsException {
        String text;
        try {
            text = TextBytes.decode(Files.readAllBytes(file)).text();
        } catch (CharacterCodingException e) {
            throw new RecipientsException(Message.of("recipients.charset", file), e);
        }
        List<Entry> rows = new ArrayList<>();
        // Blank lines are kept as (blank) records, so a record's number is the line a person counts.
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                rows.add(new Entry((int) r.getRecordNumber(), r.toList()));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new RecipientsException(Message.of("recipients.unreadable", file, e.getMessage()), e);
        }
        return rows;
    }

    private static List<Entry> workbook(Path file) throws RecipientsException {
        OPCPackage pkg = null;
        PoiLimits.set();
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFWorkbook book = new XSSFWorkbook(pkg);
            if (book.getNumberOfSheets() == 0) {
                throw new RecipientsException(Message.of("recipients.empty", file));
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            List<Entry> rows = new ArrayList<>();
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.getLastCellNum(); c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                rows.add(new Entry(r.getRowNum() + 1, cells));
            }
            return rows;
        } catch (InvalidFormatException | EncryptedDocumentException | POIXMLException | IOException e) {
            throw new RecipientsException(Message.of("recipients.unreadable", file, e.getMessage()), e);
        } finally {
            if (pkg != null) {
                // Opened read-only: revert, never save.
                pkg.revert();
            }
        }
    }
}
