package dev.marking.core.format.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.Finding;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.testing.Findings;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.text.Messages;
import dev.marking.core.trace.TraceResult;
import dev.marking.core.trace.Tracer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rules find in workbooks, built in code: positive and negative cases side by side. */
class XlsxRulesTest {

    private static final String MARK = "&L机密★5年";

    private final Scanner scanner = Scanner.forPolicy(FormatRegistry.standard(),
            ScanOptions.of(Policy.defaults(), LocalDate.of(2026, 11, 30), Messages.forLang("en")));

    @TempDir
    Path dir;

    @Test
    void fakeDeclassificationInACellIsReportedAtTheCell() {
        FileResult r = scanner.check(Fixtures.xlsx().header(MARK).cell("A1", "简报").cell("C7", "XX部队于X月X日到达A基地")
                .build(dir.resolve("declass.xlsx")));
        Finding f = Findings.only(r, "declass.fake", "XX部队");
        assertEquals("Sheet1!C7, column 1", f.location().describe());
    }

    @Test
    void negativeEstablishedTermsInCellsAreNotFakeDeclassification() {
        FileResult r = scanner.check(Fixtures.xlsx().header(MARK).cell("A1", "A4纸").cell("B1", "甲方乙方").cell("C1", "B超")
                .build(dir.resolve("terms.xlsx")));
        assertEquals(List.of(), Findings.of(r, "declass.fake"));
    }

    @Test
    void personalInformationInANoteIsReportedAtTheNote() {
        FileResult r = scanner.check(Fixtures.xlsx().header(MARK).cell("A1", "名单").note("A1", "联系人 13812345678")
                .build(dir.resolve("pii.xlsx")));
        Finding f = Findings.only(r, "pii.phone", "138****5678");
        assertEquals("Sheet1!A1, comment, column 5", f.location().describe());
        assertTrue(Findings.of(r, "hidden.content").stream().anyMatch(h -> h.location().equals(f.location().withColumn(0))),
                "the note itself is hidden content: " + r.findings());
    }

    @Test
    void aHiddenSheetIsHiddenContentAndItsCellsAreStillChecked() {
        FileResult r = scanner.check(Fixtures.xlsx().sheet("公开").header(MARK).cell("A1", "正文")
                .sheet("底稿").header(MARK).cell("B2", "身份证 11010519491231002X").hidden()
                .build(dir.resolve("hidden.xlsx")));
        Finding hidden = Findings.of(r, "hidden.content").get(0);
        assertEquals("sheet 底稿", hidden.location().describe());
        assertTrue(hidden.message().contains("hidden sheet"), hidden.message());
        assertEquals("底稿!B2, column 5", Findings.only(r, "pii.id-card", "110105********002X").location().describe());
    }

    @Test
    void negativeAPlainWorkbookHasNoHiddenContent() {
        assertEquals(List.of(), Findings.of(scanner.check(Fixtures.xlsx().header(MARK).cell("A1", "正文")
                .build(dir.resolve("plain.xlsx"))), "hidden.content"));
    }

    @Test
    void theMarkInEverySheetsHeaderIsTheWorkbooksMarking() {
        FileResult marked = scanner.check(Fixtures.xlsx().sheet("一").header(MARK).cell("A1", "x")
                .sheet("二").header("&C机密★5年").cell("A1", "y").build(dir.resolve("marked.xlsx")));
        assertEquals("机密★5年", marked.marking().orElseThrow().mark());
        assertEquals(List.of(), Findings.errors(marked));

        FileResult unmarked = scanner.check(Fixtures.xlsx().cell("A1", "x").build(dir.resolve("unmarked.xlsx")));
        assertEquals(List.of("marking.missing"), Findings.errors(unmarked).stream().map(Finding::rule).toList());
    }

    @Test
    void aSheetWithoutTheMarkIsIncompleteAndADifferentMarkInconsistent() {
        FileResult incomplete = scanner.check(Fixtures.xlsx().sheet("一").header(MARK).cell("A1", "x")
                .sheet("二").cell("A1", "y").build(dir.resolve("incomplete.xlsx")));
        Finding f = Findings.of(incomplete, "marking.incomplete").get(0);
        assertTrue(f.message().contains("sheet 二"), f.message());

        FileResult inconsistent = scanner.check(Fixtures.xlsx().sheet("一").header(MARK).cell("A1", "x")
                .sheet("二").header("&L秘密★1年").cell("A1", "y").build(dir.resolve("inconsistent.xlsx")));
        assertEquals(1, Findings.of(inconsistent, "marking.inconsistent").size(), inconsistent.findings().toString());
    }

    @Test
    void aStampedWorkbookVerifiesCleanAndTracesToItsCopy() throws Exception {
        Path in = Fixtures.xlsx().sheet("一").cell("A1", "x").sheet("二").cell("A1", "y").build(dir.resolve("in.xlsx"));
        Path out = dir.resolve("out.xlsx");
        new XlsxFormat().stamp(in, out, StampOptions.all(XlsxStampTest.jimi(), "doc-9", XlsxStampTest.DAY).withBlock(true));
        FileResult r = scanner.check(out);
        assertEquals(List.of(), Findings.errors(r));
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertEquals("000123", r.marking().get().copy().orElseThrow().formatted());

        TraceResult t = new Tracer(FormatRegistry.standard()).trace(out, Optional.empty());
        assertEquals(Optional.of("000123"), t.copy());
        assertEquals(Map.of("metadata", "000123", "block", "000123", "footer", "000123", "watermark", "000123"),
                t.copiesBySource());
    }

    @Test
    void aCopyNumberChangedOnOneSheetIsInvalid() throws Exception {
        Path in = Fixtures.xlsx().sheet("一").cell("A1", "x").sheet("二").cell("A1", "y").build(dir.resolve("in.xlsx"));
        Path out = dir.resolve("out.xlsx");
        new XlsxFormat().stamp(in, out, StampOptions.all(XlsxStampTest.jimi(), "doc-9", XlsxStampTest.DAY));
        Path edited = dir.resolve("edited.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
            var hf = wb.getSheet("二").getCTWorksheet().getHeaderFooter();
            hf.setOddFooter(hf.getOddFooter().replace("000123", "000124"));
            try (var os = java.nio.file.Files.newOutputStream(edited)) {
                wb.write(os);
            }
        }
        Finding f = Findings.of(scanner.check(edited), "copy.invalid").get(0);
        assertEquals("000124", f.evidence());
    }
}
