package dev.marking.core.format.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.engine.Engine;
import dev.marking.core.engine.VerifyRequest;
import dev.marking.core.engine.VerifyResult;
import dev.marking.core.model.Severity;
import dev.marking.core.scan.FileResult;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.LibreOffice;
import dev.marking.core.testing.Verify;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, acceptance 1 for the legacy, WPS, RTF and ODF formats: one folder holding a marked and an unmarked
 * file of each type ({@code .doc .wps .xls .et .ppt .dps .rtf .odt .ods .odp}, the Word, RTF and ODF ones
 * written by LibreOffice), damaged ones and an encrypted one. {@code verify} reports every file — the marked
 * ones with their mark, the unmarked ones {@code marking.missing}, the damaged and encrypted ones as errors —
 * and the summary counts every file once.
 */
class OfficeFolderTest {

    private static final String MARK = "机密★5年";

    @TempDir
    Path tmp;

    @Test
    void everyFileIsReportedAndTheCountAddsUp() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Path dir = Files.createDirectories(tmp.resolve("folder"));
        LibreOffice lo = new LibreOffice(tmp.resolve("lo"));

        Path markedDocx = Fixtures.docx().header(MARK).paragraph("试验简报").paragraph("本周完成两项试验。")
                .build(src.resolve("marked.docx"));
        Path plainDocx = Fixtures.docx().paragraph("会议纪要").paragraph("本周完成两项试验。").build(src.resolve("plain.docx"));
        for (String ext : List.of("doc", "rtf", "odt")) {
            lo.convert(List.of(markedDocx, plainDocx), ext, dir);
        }
        Files.copy(dir.resolve("marked.doc"), dir.resolve("marked.wps"));
        Files.copy(dir.resolve("plain.doc"), dir.resolve("plain.wps"));

        Path markedXls = LegacyFixtures.xls(src.resolve("marked.xls"), MARK, "本周完成两项试验。", null);
        Path plainXls = LegacyFixtures.xls(src.resolve("plain.xls"), null, "本周完成两项试验。", null);
        Path markedPpt = LegacyFixtures.ppt(src.resolve("marked.ppt"), MARK, "本周完成两项试验。");
        Path plainPpt = LegacyFixtures.ppt(src.resolve("plain.ppt"), null, "本周完成两项试验。");
        lo.convert(List.of(markedXls, plainXls), "ods", dir);
        lo.convert(List.of(markedPpt, plainPpt), "odp", dir);
        for (Path p : List.of(markedXls, plainXls, markedPpt, plainPpt)) {
            String name = p.getFileName().toString();
            Files.copy(p, dir.resolve(name));
            String kingsoft = name.endsWith(".xls") ? ".et" : ".dps";
            Files.copy(p, dir.resolve(name.substring(0, name.lastIndexOf('.')) + kingsoft));
        }

        LegacyFixtures.xls(dir.resolve("locked.xls"), MARK, "本周完成两项试验。", "secret");
        for (String name : List.of("marked.doc", "marked.odt", "marked.ppt", "marked.rtf")) {
            byte[] whole = Files.readAllBytes(dir.resolve(name));
            Files.write(dir.resolve("damaged-" + name), Arrays.copyOf(whole, whole.length / 2));
        }

        Map<String, String> expected = new TreeMap<>();
        for (String ext : List.of("doc", "wps", "xls", "et", "ppt", "dps", "rtf", "odt", "ods", "odp")) {
            expected.put("marked." + ext, MARK);
            expected.put("plain." + ext, "marking.missing");
        }
        expected.put("locked.xls", "file.encrypted");
        List.of("doc", "odt", "ppt", "rtf").forEach(ext -> expected.put("damaged-marked." + ext, "file.unreadable"));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(expected.keySet().stream().toList(), s.map(p -> p.getFileName().toString()).sorted().toList());
        }

        VerifyResult v = Engine.standard("test").verify(VerifyRequest.of(List.of(dir)).withToday(Verify.TODAY)
                .withLang("en"), null);
        assertEquals(expected.size(), v.files());
        assertEquals(expected.size(), v.result().files().size());
        Map<String, String> actual = new TreeMap<>();
        for (FileResult r : v.result().files()) {
            String name = Path.of(r.path()).getFileName().toString();
            String outcome = r.marking().map(m -> m.mark()).orElseGet(() -> r.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR).map(f -> f.rule()).findFirst().orElse("nothing"));
            actual.put(name, outcome);
            if (r.marking().isPresent()) {
                assertTrue(r.findings().stream().noneMatch(f -> f.severity() == Severity.ERROR), name + ": "
                        + Verify.rules(r));
            }
        }
        assertEquals(expected, actual);
        long unmarked = expected.values().stream().filter(o -> !o.equals(MARK)).count();
        assertTrue(v.hasErrors());
        assertEquals(unmarked, v.result().files().stream().filter(r -> r.count(Severity.ERROR) > 0).count());
    }
}
