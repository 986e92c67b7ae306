package dev.marking.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.marking.core.model.Message;
import dev.marking.core.testing.SpecialFiles;
import dev.marking.core.text.Messages;
import dev.marking.core.text.TextBytes;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recipient lists as offices keep them: Excel workbooks and CSV in UTF-8 or GB18030, checked row by row first. */
class RecipientListTest {

    private static final List<Recipient> THREE = List.of(new Recipient("张三", "办公室"), new Recipient("李四", ""),
            new Recipient("王五, 副处长", "第一处"));

    @TempDir
    Path dir;

    private String refusal(Path file) {
        RecipientsException e = assertThrows(RecipientsException.class, () -> RecipientList.read(file));
        Message why = e.why();
        return Messages.forLang("en").format(why.key(), why.args().toArray());
    }

    @Test
    void aCsvInUtf8WithOrWithoutByteOrderMarkOrInGb18030() throws Exception {
        String csv = "name,unit\n张三,办公室\n李四,\n\n\"王五, 副处长\",第一处\n";
        assertEquals(THREE, RecipientList.read(Files.writeString(dir.resolve("a.csv"), csv)));
        assertEquals(THREE, RecipientList.read(Files.writeString(dir.resolve("bom.csv"), "\uFEFF" + csv)));
        Path gb = Files.write(dir.resolve("gb.csv"), csv.replace("\n", "\r\n").getBytes(TextBytes.GB18030));
        assertEquals(THREE, RecipientList.read(gb), "what Excel on Chinese Windows saves as CSV");
    }

    @Test
    void chineseHeadersATitleRowAndOtherColumnsAsRostersHaveThem() throws Exception {
        String csv = "2026年发文名单,,\n序号,部门,姓名,电话\n1,办公室,张三,123\n2,,李四,\n3,第一处,\"王五, 副处长\",\n";
        assertEquals(THREE, RecipientList.read(Files.writeString(dir.resolve("roster.csv"), csv)));
    }

    @Test
    void anExcelWorkbooksFirstSheet() throws Exception {
        Path xlsx = dir.resolve("名单.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet s = wb.createSheet("名单");
            s.createRow(0).createCell(0).setCellValue("发文名单");
            var header = s.createRow(2);
            header.createCell(0).setCellValue("姓名");
            header.createCell(1).setCellValue("单位");
            header.createCell(2).setCellValue("份数");
            var r = s.createRow(3);
            r.createCell(0).setCellValue(" 张三 ");
            r.createCell(1).setCellValue("办公室");
            r.createCell(2).setCellValue(1);
            s.createRow(4).createCell(0).setCellValue("李四");
            var w = s.createRow(6);
            w.createCell(0).setCellValue("王五, 副处长");
            w.createCell(1).setCellValue("第一处");
            wb.createSheet("其他").createRow(0).createCell(0).setCellValue("name");
            wb.write(out);
        }
        assertEquals(THREE, RecipientList.read(xlsx));
    }

    @Test
    void aBadRowStopsTheWholeListNamingTheRow() throws Exception {
        assertEquals(dir.resolve("c.csv") + ": row 3: the name or unit holds a control, direction or invisible "
                + "character (U+0007); fix the list and run again (no copy was made)",
                refusal(Files.writeString(dir.resolve("c.csv"), "name,unit\n张三,办公室\n李\u0007四,\n")));
        assertEquals(dir.resolve("b.csv") + ": row 2: the name or unit holds a control, direction or invisible "
                + "character (U+202E); fix the list and run again (no copy was made)",
                refusal(Files.writeString(dir.resolve("b.csv"), "name,unit\n张三\u202Egpj.exe,\n")));
        assertEquals(dir.resolve("n.csv") + ": row 2: the name or unit holds a control, direction or invisible "
                + "character (U+000A); fix the list and run again (no copy was made)",
                refusal(Files.writeString(dir.resolve("n.csv"), "name,unit\n\"张\n三\",\n")));
        assertEquals(dir.resolve("u.csv") + ": row 2: a unit but no name",
                refusal(Files.writeString(dir.resolve("u.csv"), "name,unit\n,办公室\n")));
        assertEquals(dir.resolve("l.csv") + ": row 2: the name or unit is longer than 100 characters",
                refusal(Files.writeString(dir.resolve("l.csv"), "name,unit\n" + "张".repeat(101) + ",\n")));
        assertEquals(dir.resolve("e.csv") + ": no recipients", refusal(Files.writeString(dir.resolve("e.csv"), "姓名\n")));
        assertEquals(dir.resolve("h.csv") + ": no header row naming a name column (name or 姓名, and unit or 单位) in the "
                + "first rows; the first row is: who,where", refusal(Files.writeString(dir.resolve("h.csv"),
                "who,where\n张三,办公室\n")));
        Path latin1 = Files.write(dir.resolve("x.csv"), new byte[] {'n', 'a', 'm', 'e', '\n', (byte) 0xFF, (byte) 0xFE,
            (byte) 0x80, '\n'});
        assertEquals(latin1 + ": the recipient list is neither UTF-8 nor GB18030 text", refusal(latin1));
    }

    @Test
    void anOldWorkbookOrANamedPipeIsRefusedWithoutReadingIt() throws Exception {
        Path xls = dir.resolve("old.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            wb.createSheet("a").createRow(0).createCell(0).setCellValue("name");
            wb.write(out);
        }
        assertEquals(xls + ": an Excel 97–2003 workbook (or a password-protected one): save the list as .xlsx or CSV",
                refusal(xls));
        Path fifo = SpecialFiles.fifo(dir.resolve("r.csv"));
        String why = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refusal(fifo));
        assertEquals(fifo + ": the recipient list is not a regular file", why);
    }

    @Test
    void onlyCharactersThatChangeHowTextLooksAreForbidden() {
        for (int cp : "张三 O'Brien-Smith (办公室) 第1处".codePoints().toArray()) {
            assertEquals(false, RecipientList.forbidden(cp), Character.getName(cp));
        }
        for (int cp : new int[] {0x00, 0x0A, 0x1B, 0x7F, 0x85, 0x200B, 0x200D, 0x202E, 0x2066, 0x2028, 0xFEFF}) {
            assertEquals(true, RecipientList.forbidden(cp), Integer.toHexString(cp));
        }
    }
}
