package dev.marking.core.rules.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.model.Finding;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.report.ReportContext;
import dev.marking.core.report.ReportWriter;
import dev.marking.core.report.ReportWriters;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleRegistry;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.testing.Models;
import dev.marking.core.text.Messages;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal information reaches reports only masked, in every format and language. */
class PiiReportTest {

    private static final String ID = PiiRulesTest.withIdCheck("11010519491231002");
    private static final String CARD = PiiRulesTest.withLuhn("622202123456789012");
    private static final String PHONE = "13812345678";
    private static final String EMAIL = "zhang.san@example.com";
    private static final List<String> RAW = List.of(ID, CARD, PHONE, EMAIL, "zhang.san", "19491231", "1234567890");
    private static final List<String> MASKED = List.of("110105********002X", "622202*********" + CARD.substring(15),
            "138****5678", "z***@example.com");

    private static Scanner scanner(String lang) {
        MarkingParser parser = MarkingParser.standard();
        return new Scanner(FormatRegistry.standard(), RuleRegistry.standard().rules(parser),
                new ScanOptions(LocalDate.of(2026, 11, 23), Messages.forLang(lang), parser, 1));
    }

    private static List<String> reports(ScanResult result, String lang) throws Exception {
        List<String> out = new ArrayList<>();
        for (ReportWriter w : ReportWriters.standard(ReportContext.of(Messages.forLang(lang), "test"))) {
            StringWriter s = new StringWriter();
            w.write(result, s);
            out.add(w.id() + ":\n" + s);
        }
        return out;
    }

    private static void assertMaskedOnly(List<String> reports) {
        assertEquals(List.of("text", "json", "sarif", "checkstyle"),
                reports.stream().map(r -> r.substring(0, r.indexOf(':'))).toList());
        for (String report : reports) {
            for (String raw : RAW) {
                assertFalse(report.contains(raw), () -> "raw " + raw + " in\n" + report);
            }
            for (String masked : MASKED) {
                assertTrue(report.contains(masked), () -> masked + " missing in\n" + report);
            }
        }
    }

    @Test
    void reportsOfAReadModelCarryOnlyMaskedForms() throws Exception {
        for (String lang : List.of("en", "zh")) {
            ReadModel model = Models.docx().block("机密★5年")
                    .paragraph("身份证号 " + ID + "，卡号 " + CARD.replaceAll("(\\d{4})(?=\\d)", "$1 "))
                    .slot(1, "default", "机密★5年 联系 " + PHONE, "邮箱 " + EMAIL, null).build();
            MarkingParser parser = MarkingParser.standard();
            RuleContext context = new RuleContext(model, MarkingEvidence.of(model, parser), LocalDate.of(2026, 11, 23),
                    Messages.forLang(lang));
            List<Finding> findings = new ArrayList<>();
            RuleRegistry.standard().rules(parser).forEach(r -> findings.addAll(r.check(context)));
            FileResult file = new FileResult("docs/名单.docx", "docx", Optional.empty(), findings);
            List<String> pii = file.findings().stream().map(Finding::rule).filter(r -> r.startsWith("pii.")).toList();
            assertEquals(List.of("pii.id-card", "pii.bank-card", "pii.email", "pii.phone"), pii, "footer sorts before header");
            assertMaskedOnly(reports(new ScanResult(List.of(file)), lang));
        }
    }

    @Test
    void reportsOfAScannedTextFileCarryOnlyMaskedForms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("register.txt");
        Files.writeString(file, String.join("\n", "公开", "姓名：张三", "身份证：" + ID, "银行卡：" + CARD,
                "手机：+86 138-1234-5678", "邮箱：" + EMAIL, ""));
        ScanResult result = scanner("zh").scan(List.of(file));
        List<Finding> pii = result.files().get(0).findings().stream().filter(f -> f.rule().startsWith("pii.")).toList();
        assertEquals(4, pii.size(), pii::toString);
        assertEquals(List.of(3, 4, 5, 6), pii.stream().map(f -> f.location().line()).toList());
        assertEquals(List.of(5, 5, 4, 4), pii.stream().map(f -> f.location().column()).toList());
        assertMaskedOnly(reports(result, "zh"));
    }
}
