package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.engine.Engine;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.xlsx.XlsxFormat;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    @Test
    void stampThenVerifyIsClean() throws Exception {
        Path in = Files.writeString(dir.resolve("note.md"), "# 通知\n\n正文\n");
        Path out = dir.resolve("out");
        CliRun stamp = CliRun.of("stamp", "--level", "机密", "--term", "5", "--copy", "3", "-o", out.toString(),
                in.toString(), "--lang", "en");
        assertEquals(0, stamp.exit(), stamp.err());
        Path written = out.resolve("note.000003.md");
        assertTrue(Files.exists(written));
        CliRun verify = CliRun.of("verify", "--lang", "en", out.toString());
        assertEquals(0, verify.exit(), verify.out());
        assertTrue(verify.out().contains("[机密★5年 第000003份]"), verify.out());
        CliRun original = CliRun.of("verify", "--lang", "en", in.toString());
        assertEquals(1, original.exit());
        assertTrue(original.out().contains("marking.missing"));
    }

    @Test
    void blockPutsTheGbT9704BlockIntoAWorkbooksFirstPageHeader() throws Exception {
        Path in = dir.resolve("表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(in)) {
            wb.createSheet("数据").createRow(0).createCell(0).setCellValue("第一格");
            wb.write(os);
        }
        for (boolean block : new boolean[] {false, true}) {
            Path out = dir.resolve("out-" + block);
            CliRun stamp = block
                    ? CliRun.of("stamp", "--level", "机密", "--term", "5", "--copy", "3", "--block", "-o", out.toString(),
                            in.toString())
                    : CliRun.of("stamp", "--level", "机密", "--term", "5", "--copy", "3", "-o", out.toString(), in.toString());
            assertEquals(0, stamp.exit(), stamp.err());
            Path written = out.resolve("表.000003.xlsx");
            List<String> top = new XlsxFormat().read(written).firstPageTop().stream().map(TextBlock::text).toList();
            assertEquals(block ? List.of("000003", "机密★5年", "第一格") : List.of("第一格"), top);
            CliRun verify = CliRun.of("verify", "--lang", "en", written.toString());
            assertEquals(0, verify.exit(), verify.out());
        }
    }

    @Test
    void jsonReportGoesToTheOutputFile() throws Exception {
        Path in = Files.writeString(dir.resolve("a.txt"), "秘密★15年\n");
        Path report = dir.resolve("r/report.json");
        CliRun r = CliRun.of("verify", "--format", "json", "--output", report.toString(), in.toString());
        assertEquals(1, r.exit());
        assertTrue(Files.readString(report).contains("\"rule\" : \"marking.invalid\""));
    }

    @Test
    void todayMakesTermsExpire() throws Exception {
        Path in = Files.writeString(dir.resolve("a.txt"), "机密★2020年1月1日\n");
        CliRun r = CliRun.of("verify", "--today", "2026-11-23", "--lang", "en", in.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("term.expired"), r.out());
        assertEquals(0, CliRun.of("verify", "--today", "2019-12-31", in.toString()).exit());
    }

    @Test
    void theTextReportNamesPlacesInTheChosenLanguage() throws Exception {
        Path in = Files.writeString(dir.resolve("a.txt"), "机密☆5年\n正文\n");
        CliRun zh = CliRun.of("verify", "--lang", "zh", in.toString());
        assertTrue(zh.out().contains("第1行"), zh.out());
        assertFalse(zh.out().contains("line 1"), zh.out());
        CliRun en = CliRun.of("verify", "--lang", "en", in.toString());
        assertTrue(en.out().contains("line 1"), en.out());
    }

    @Test
    void usageErrorsExitTwoWithOneLine() throws Exception {
        Path in = Files.writeString(dir.resolve("a.txt"), "x\n");
        CliRun tooLong = CliRun.of("stamp", "--level", "秘密", "--term", "15", "-o", dir.resolve("o").toString(),
                in.toString(), "--lang", "en");
        assertEquals(2, tooLong.exit());
        assertEquals("marking: the term 15年 is longer than the maximum of 10 years for 秘密", tooLong.err().strip());
        assertFalse(Files.exists(dir.resolve("o")));
        assertEquals(2, CliRun.of("verify", dir.resolve("missing").toString()).exit());
        assertEquals(2, CliRun.of("verify", "--format", "xml", in.toString()).exit());
        assertEquals(2, CliRun.of("stamp", "--level", "机密", in.toString()).exit(), "-o is required");
        assertEquals(2, CliRun.of().exit());
    }

    @Test
    void impossibleTermsAreRefusedByStampAndInvalidInADocument() throws Exception {
        Path in = Files.writeString(dir.resolve("a.txt"), "正文\n");
        for (String term : new String[] {"-1", "+5", "-5年", "0", "99999999999999999999", "2030-02-31"}) {
            CliRun r = CliRun.of("stamp", "--level", "机密", "--term=" + term, "-o", dir.resolve("o").toString(),
                    in.toString(), "--lang", "en");
            assertEquals(2, r.exit(), term);
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("marking: the "), r.err());
            assertFalse(Files.exists(dir.resolve("o")), term);
            Path doc = Files.writeString(dir.resolve("doc.txt"), "机密★" + term + "\n\n正文\n");
            CliRun verify = CliRun.of("verify", "--lang", "en", doc.toString());
            assertEquals(1, verify.exit(), term + ": " + verify.out());
            assertTrue(verify.out().contains("marking.invalid"), verify.out());
        }
    }

    @Test
    void stampWritesThePolicysScriptAndVerifyReadsBoth() throws Exception {
        Path in = Files.writeString(dir.resolve("note.md"), "# 通知\n\n正文\n");
        Path policy = Files.writeString(dir.resolve("trad.yml"), "marking.script: traditional\n");
        Path out = dir.resolve("out");
        CliRun stamp = CliRun.of("stamp", "--policy", policy.toString(), "--level", "机密", "--term", "5", "-o",
                out.toString(), in.toString(), "--lang", "en");
        assertEquals(0, stamp.exit(), stamp.err());
        String written = Files.readString(out.resolve("note.md"));
        assertTrue(written.contains("機密★5年") && !written.contains("机密★5年"), written);
        CliRun traditional = CliRun.of("verify", "--policy", policy.toString(), "--lang", "en", out.toString());
        assertEquals(0, traditional.exit(), traditional.out());
        assertFalse(traditional.out().contains("marking.noncanonical"), traditional.out());
        CliRun simplified = CliRun.of("verify", "--lang", "en", out.toString());
        assertEquals(0, simplified.exit(), simplified.out());
        assertTrue(simplified.out().contains("marking.noncanonical") && simplified.out().contains("机密★5年"),
                simplified.out());
    }

    @Test
    void stampReportsEachBadFileAndGoesOn() throws Exception {
        Path good = Files.writeString(dir.resolve("good.txt"), "正文\n");
        Path bad = Files.write(dir.resolve("bad.txt"), new byte[] {0, 0, 0});
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("stamp", "--level", "秘密", "-o", out.toString(), bad.toString(), good.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("marking: " + bad + ": "), r.err());
        assertTrue(Files.exists(out.resolve("good.txt")));
        assertFalse(Files.exists(out.resolve("bad.txt")));
        try (var s = Files.list(out)) {
            assertEquals(1, s.count(), "no temporary files left behind");
        }
    }

    @Test
    void helpTextsListWhatTheRegistriesHold() {
        String extensions = squeezed(Engines.standard().extensionList());
        String verify = squeezed(CliRun.of("verify", "--help").out());
        assertTrue(verify.contains("(" + extensions + ")"), verify);
        assertTrue(verify.contains("Reportformat:" + squeezed(String.join(", ", Engine.reportFormats()))), verify);
        assertTrue(squeezed(CliRun.of("stamp", "--help").out()).contains("Filestostamp(" + extensions + ")"));
        assertTrue(squeezed(CliRun.of("--help").out()).contains("(" + extensions + ")"));
        String presend = squeezed(CliRun.of("presend", "--help").out());
        assertTrue(presend.contains("Channel:" + squeezed(String.join(", ", Engine.channels()))), presend);
    }

    /** Help is wrapped at any character; compare without whitespace. */
    private static String squeezed(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"stamp", "verify", "demo"}) {
            CliRun r = CliRun.of(cmd, "--help");
            assertEquals(0, r.exit());
            assertTrue(r.out().startsWith("Usage: marking " + cmd), r.out());
        }
    }

    /**
     * A command line that names its subcommand builds that one alone (start-up); one that does not, or asks for
     * help, gets all of them, so the usage lists every command and {@code help stamp} works. The lone subcommand has
     * the same settings: enum values in any case.
     */
    @Test
    void onlyTheNamedSubcommandIsBuilt() throws Exception {
        List<String> all = List.of("stamp", "verify", "presend", "trace", "ledger", "demo", "bridge", "help");
        assertEquals(List.of("stamp"), List.copyOf(Main.commandLine("stamp", "--help").getSubcommands().keySet()));
        assertEquals(List.of("ledger"), List.copyOf(Main.commandLine("ledger", "status").getSubcommands().keySet()));
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "stamp"}, {"stmap"}, {"--version"}}) {
            assertEquals(all, List.copyOf(Main.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
        }
        CliRun help = CliRun.of("help", "stamp");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("Usage: marking stamp"), help.out());
        CliRun typo = CliRun.of("stmap");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("stamp"), typo.err());
        Path in = Files.writeString(dir.resolve("b.md"), "正文\n");
        assertEquals(2, CliRun.of("stamp", "--level", "机密", "--layout", "sideways", "-o", dir.resolve("o").toString(),
                in.toString()).exit());
        assertEquals(0, CliRun.of("stamp", "--level", "机密", "--layout", "OVERLAY", "-o", dir.resolve("o").toString(),
                in.toString()).exit());
    }

    /** Issue 15, acceptance 3: the demo's stamped briefing (hand-typed 秘密★5年, stamped 机密) carries one level. */
    @Test
    void demoStampsTheBriefingWithOneLevel() {
        CliRun demo = CliRun.of("demo", "--lang", "en");
        assertEquals(0, demo.exit(), demo.err());
        String after = demo.out().substring(demo.out().indexOf("== 3."));
        assertTrue(after.contains("试验情况简报"), after);
        assertFalse(after.contains("marking.inconsistent"), after);
        assertFalse(after.contains("marking.incomplete"), after);
    }

    /** {@code --layout} takes keep, shrink or overlay; anything else is a usage error before any file is touched. */
    @Test
    void layoutIsCheckedFirst() throws Exception {
        Path in = Files.writeString(dir.resolve("a.md"), "正文\n");
        CliRun bad = CliRun.of("stamp", "--level", "机密", "--layout", "sideways", "-o", dir.resolve("o").toString(),
                in.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("sideways") && bad.err().contains("overlay"), bad.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing written");
        CliRun ok = CliRun.of("stamp", "--level", "机密", "--layout", "overlay", "-o", dir.resolve("o").toString(),
                in.toString());
        assertEquals(0, ok.exit(), ok.err());
    }
}
