package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.SpecialFiles;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 through the command line: named pipes never block (a finding, or one line and exit 2), a policy dropped
 * into a scanned folder cannot hide documents, what was skipped is counted and listed, names cannot forge report
 * lines, and a recipient list is checked whole before the first copy is made. Issue 12: recipient lists as offices
 * keep them (an .xlsx roster, a GB18030 CSV).
 */
class HostileInputsCliTest {

    private static final Duration BUDGET = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        CliRun r = assertTimeoutPreemptively(BUDGET, () -> CliRun.of(args));
        assertFalse(r.out().contains("\tat ") || r.err().contains("\tat "), "no stack trace: " + r.err());
        return r;
    }

    @Test
    void aNamedPipeIsAFindingOrOneLineNeverAHang() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("p.txt"));
        CliRun verify = run("verify", "--lang", "en", fifo.toString());
        assertEquals(1, verify.exit());
        assertTrue(verify.out().contains("file.unreadable       not a regular file but a named pipe (FIFO): not opened, "
                + "not checked"), verify.out());
        Path doc = Files.writeString(dir.resolve("a.md"), "# 方案\n正文\n");
        for (String[] args : List.of(
                new String[] {"stamp", "--lang", "en", "--level", "机密", "--term", "5", "--font", fifo.toString(), "-o",
                    dir.resolve("out").toString(), doc.toString()},
                new String[] {"presend", "--lang", "en", "--channel", "email", fifo.toString()},
                new String[] {"trace", fifo.toString()},
                new String[] {"verify", "--lang", "en", "--policy", fifo.toString(), doc.toString()},
                new String[] {"verify", "--lang", "en", "--baseline", fifo.toString(), doc.toString()})) {
            CliRun r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("marking: ") && r.err().contains(fifo.toString())
                    && r.err().contains("not a regular file"), r.err());
        }
        CliRun stamp = run("stamp", "--lang", "en", "--level", "机密", "--term", "5", "-o", dir.resolve("out2").toString(),
                fifo.toString());
        assertEquals(2, stamp.exit());
        assertEquals("marking: " + fifo + ": not a regular file but a named pipe (FIFO): not opened, not checked\n",
                stamp.err());
    }

    @Test
    void aPolicyDroppedIntoTheFolderCannotMakeItsDocumentsDisappear() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("报告.md"), "# 报告\n正文\n");
        Files.writeString(docs.resolve("marking.yml"), "exclude: [\"**\"]\n");
        CliRun r = run("verify", "--lang", "en", docs.toString());
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("报告.md  [unmarked]"), r.out());
        assertTrue(r.out().contains("(local: may only tighten; ignored: exclude)"), r.out());
        assertTrue(r.out().endsWith("files: 1, errors: 1, warnings: 0, infos: 0, skipped: 1 (1 not a document)\n"), r.out());
    }

    @Test
    void verifyCountsWhatItSkippedAndListsItWhenAsked() throws Exception {
        Files.writeString(dir.resolve("a.md"), "公开\n正文\n");
        Files.writeString(dir.resolve("Main.java"), "class Main {}\n");
        // A GIF: PNG, JPEG and TIFF are page images, read by OCR.
        Files.write(dir.resolve("logo.gif"), new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0});
        Path docx = Fixtures.docx().paragraph("机密★5年").paragraph("正文").build(dir.resolve("renamed.pdf"));
        CliRun plain = run("verify", "--lang", "en", dir.toString());
        assertTrue(plain.out().endsWith("skipped: 2 (2 not documents)\n"), plain.out());
        assertTrue(plain.out().contains("file.mismatch         the name says .pdf but the content is docx: read as docx"),
                plain.out());
        assertFalse(plain.out().contains("Main.java"));
        CliRun listed = run("verify", "--lang", "en", "--list-skipped", dir.toString());
        assertTrue(listed.out().contains("Main.java  source code (.java)\n"), listed.out());
        assertTrue(listed.out().contains("logo.gif  an image (GIF)\n"), listed.out());
        assertEquals(plain.exit(), listed.exit());
        assertTrue(Files.exists(docx));
    }

    @Test
    void aNameCannotForgeALineOfTheReport() throws Exception {
        Path odd;
        try {
            odd = Files.writeString(dir.resolve("x\n  info    forged\u001b[2J\u202eb.md"), "正文\n");
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            org.junit.jupiter.api.Assumptions.abort("names with control characters cannot be made here");
            return;
        }
        CliRun r = run("verify", "--lang", "en", odd.toString());
        assertTrue(r.out().contains("x\\n  info    forged\\x1b[2J\\u202eb.md  [unmarked]"), r.out());
        assertTrue(r.out().codePoints().noneMatch(c -> c == 0x1b || c == 0x202e));
    }

    @Test
    void anUnreadableFolderIsReportedAndTheRestChecked() throws Throwable {
        Files.writeString(dir.resolve("a.md"), "公开\n正文\n");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.writeString(locked.resolve("b.md"), "正文\n");
        SpecialFiles.withoutPermissions(locked, () -> {
            CliRun r = run("verify", "--lang", "en", dir.toString());
            assertEquals(1, r.exit());
            assertTrue(r.out().contains("locked/  [folder]\n  error   file.unreadable       cannot open the folder "
                    + "(permission denied): nothing in it was checked"), r.out());
        });
    }

    @Test
    void aBadRecipientStopsTheBatchBeforeTheFirstCopy() throws Exception {
        Path doc = Files.writeString(dir.resolve("a.md"), "# 方案\n正文\n");
        Path list = Files.writeString(dir.resolve("r.csv"), "name,unit\n张三,办公室\n李四,\n王\u0007五,\n");
        Path out = dir.resolve("out");
        Path ledger = dir.resolve("ledger.jsonl");
        CliRun r = run("stamp", "--lang", "en", "--level", "机密", "--term", "5", "--recipients", list.toString(),
                "--ledger", ledger.toString(), "-o", out.toString(), doc.toString());
        assertEquals(2, r.exit());
        assertEquals("marking: " + list + ": row 4: the name or unit holds a control, direction or invisible character "
                + "(U+0007); fix the list and run again (no copy was made)\n", r.err());
        assertFalse(Files.exists(out), "no copy made");
        assertFalse(Files.exists(ledger), "nothing registered");
    }

    @Test
    void rostersAsOfficesKeepThem() throws Exception {
        Path doc = Files.writeString(dir.resolve("a.md"), "# 方案\n正文\n");
        Path xlsx = dir.resolve("名单.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(xlsx)) {
            var s = wb.createSheet("名单");
            var h = s.createRow(0);
            h.createCell(0).setCellValue("姓名");
            h.createCell(1).setCellValue("单位");
            var a = s.createRow(1);
            a.createCell(0).setCellValue("张三");
            a.createCell(1).setCellValue("办公室");
            s.createRow(2).createCell(0).setCellValue("李四");
            wb.write(os);
        }
        Path csv = Files.write(dir.resolve("gb.csv"), "姓名,单位\r\n王五,第一处\r\n".getBytes(Charset.forName("GB18030")));
        Path ledger = dir.resolve("ledger.jsonl");
        CliRun fromXlsx = run("stamp", "--lang", "en", "--level", "机密", "--term", "5", "--recipients", xlsx.toString(),
                "--ledger", ledger.toString(), "-o", dir.resolve("x").toString(), doc.toString());
        assertEquals(0, fromXlsx.exit(), fromXlsx.err());
        CliRun fromCsv = run("stamp", "--lang", "en", "--level", "机密", "--term", "5", "--recipients", csv.toString(),
                "--ledger", ledger.toString(), "-o", dir.resolve("c").toString(), doc.toString());
        assertEquals(0, fromCsv.exit(), fromCsv.err());
        try (Stream<Path> x = Files.list(dir.resolve("x")); Stream<Path> c = Files.list(dir.resolve("c"))) {
            assertEquals(List.of("a.000001.张三.md", "a.000002.李四.md"), x.map(p -> p.getFileName().toString()).sorted()
                    .toList());
            assertEquals(List.of("a.000003.王五.md"), c.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.readString(dir.resolve("x/a.000001.张三.md")).contains("张三（办公室）")
                || Files.readString(ledger).contains("张三"), "the recipient is named");
    }
}
