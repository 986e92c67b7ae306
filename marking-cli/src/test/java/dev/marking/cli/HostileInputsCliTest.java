package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.ExternalTools;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.HostileFiles;
import dev.marking.core.testing.SpecialFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>Also: a FIFO among other files, a FIFO font, and a DOCX nested 100,000 levels deep are each one failure naming
 * why, the other files of the same run are still handled, nothing hangs and no stack trace is printed.
 */
class HostileInputsCliTest {

    private static final Duration BUDGET = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        } catch (IOException e) {
            ExternalTools.unavailable("mkfifo is not available here: " + e.getMessage());
            throw e;
        }
        if (mk.waitFor() != 0) {
            ExternalTools.unavailable("mkfifo failed here");
        }
        return p;
    }

    private Path memo() throws IOException {
        return Files.writeString(dir.resolve("memo.txt"), "机密★5年\n正文\n", StandardCharsets.UTF_8);
    }

    private static void noStackTrace(CliRun r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("\tat ") || all.contains("Exception in thread"), all);
    }

    @Test
    void aFifoIsAFindingAndTheScanGoesOn() throws Exception {
        Path p = fifo("p.txt");
        Path memo = memo();
        CliRun r = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("verify", "--lang", "en", p.toString(),
                memo.toString()));
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("not a regular file"), r.out());
        assertTrue(r.out().contains("memo.txt"), "the other file is still reported: " + r.out());
        noStackTrace(r);
    }

    @Test
    void stampingAFifoOrWithAFifoFontNeverOpensIt() throws Exception {
        Path p = fifo("p.txt");
        Path memo = memo();
        Path out = dir.resolve("out");
        CliRun r = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("stamp", "--level", "机密", "--lang", "en",
                "-o", out.toString(), p.toString(), memo.toString()));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("memo.txt")), "the other file is stamped");
        noStackTrace(r);

        Path font = fifo("font.ttf");
        CliRun f = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("stamp", "--level", "机密", "--lang", "en",
                "--font", font.toString(), "-o", dir.resolve("out2").toString(), memo.toString()));
        assertEquals(2, f.exit(), f.out() + f.err());
        assertEquals(1, f.err().lines().count(), f.err());
        assertTrue(f.err().contains("not a regular file"), f.err());
    }

    /** A DOCX whose body nests {@code depth} {@code w:customXml} elements around one paragraph (under 1 MB). */
    private Path deepDocx(String name, int depth) throws IOException {
        Path file = HostileFiles.docxDeepNesting(dir.resolve(name), depth);
        assertTrue(Files.size(file) < 1_000_000, "small on disk: " + Files.size(file));
        return file;
    }

    @Test
    void aDocxNestedTooDeeplyIsAFindingAndTheScanGoesOn() throws Exception {
        Path deep = deepDocx("deep.docx", 100_000);
        Path memo = memo();
        CliRun r = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("verify", "--lang", "en", deep.toString(),
                memo.toString()));
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("deep.docx"), r.out());
        // the streamed DOCX reader names its depth limit; a reader without one ends in "nested too deeply"
        assertTrue(r.out().contains("file.unreadable") && (r.out().contains("nesting deeper than 1,000")
                || r.out().contains("nested too deeply")), r.out());
        assertTrue(r.out().contains("memo.txt"), "the other file is still reported: " + r.out());
        noStackTrace(r);

        CliRun s = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("stamp", "--level", "机密", "--lang", "en",
                "-o", dir.resolve("out").toString(), deep.toString()));
        assertEquals(2, s.exit(), s.out() + s.err());
        assertEquals(1, s.err().lines().count(), s.err());
        noStackTrace(s);

        CliRun t = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("trace", deep.toString()));
        assertEquals(2, t.exit(), t.out() + t.err());
        assertEquals(1, t.err().lines().count(), t.err());
        noStackTrace(t);
        CliRun p = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("presend", "--channel", "email", "--lang", "en",
                deep.toString()));
        assertTrue(p.exit() == 1 || p.exit() == 2, "blocked or refused, never allowed: " + p.out() + p.err());
        assertTrue(p.err().lines().count() <= 1, p.err());
        noStackTrace(p);
    }

    @Test
    void aControlCharacterInARecipientIsRefusedBeforeAnyCopyIsMade() throws Exception {
        StringBuilder csv = new StringBuilder("name,unit\n");
        for (int i = 1; i <= 18; i++) {
            csv.append(i == 17 ? "王\u0007五" : "张" + i).append(",办公室\n");
        }
        Path people = Files.writeString(dir.resolve("people.csv"), csv, StandardCharsets.UTF_8);
        Path memo = memo();
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("stamp", "--level", "机密", "--term", "5", "--lang", "en", "--recipients",
                people.toString(), "--ledger", dir.resolve("ledger.jsonl").toString(), "-o", out.toString(),
                memo.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("people.csv: row 18:"), r.err());
        if (Files.exists(out)) {
            try (Stream<Path> made = Files.list(out)) {
                assertEquals(List.of(), made.toList(), "no copy was made");
            }
        }
        noStackTrace(r);
    }

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
            ExternalTools.unavailable("names with control characters cannot be made on this file system");
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
