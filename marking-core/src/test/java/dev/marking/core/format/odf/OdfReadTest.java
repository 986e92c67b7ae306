package dev.marking.core.format.odf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.SlotType;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.scan.FileResult;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.Interrupted;
import dev.marking.core.testing.Verify;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the ODF readers see, and what verify then says, on ODT/ODS/ODP files written as XML here. */
class OdfReadTest {

    private static final String FAKE = "XX部队于X月X日在A基地完成了试射。";

    @TempDir
    Path dir;

    @Test
    void textPositiveMarkInHeaderAndFakeDeclassificationAtItsParagraph() throws Exception {
        Path odt = OdfFixture.text().running("header", "机密★5年").paragraph("试验简报").paragraph(FAKE)
                .build(dir.resolve("a.odt"));
        FileResult r = Verify.check(odt);
        assertEquals("odt", r.format());
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertTrue(Verify.findings(r, "marking.missing").isEmpty(), Verify.rules(r).toString());
        List<Finding> fake = Verify.findings(r, "declass.fake");
        assertEquals(List.of("XX部队", "X月X日", "A基地"), fake.stream().map(Finding::evidence).toList());
        assertEquals(Location.body(2).withColumn(1), fake.get(0).location());
    }

    @Test
    void textNegativeUnmarkedIsMissing() throws Exception {
        Path odt = OdfFixture.text().running("header", "项目组").paragraph("会议纪要").build(dir.resolve("b.odt"));
        FileResult r = Verify.check(odt);
        assertEquals(1, Verify.findings(r, "marking.missing").size(), Verify.rules(r).toString());
        assertTrue(Verify.findings(r, "declass.fake").isEmpty());
    }

    @Test
    void headerVariantsCommentsHiddenSectionsAndMetadata() throws Exception {
        Path odt = OdfFixture.text().running("header", "默认页眉").running("header-left", "偶数页眉")
                .running("header-first", "首页页眉").running("footer", "页脚")
                .commented("正文", "批注内容").hiddenSection("隐藏的段落").meta("marking.level", "秘密")
                .build(dir.resolve("c.odt"));
        ReadModel m = new OdtFormat().read(odt);
        assertEquals(List.of(SlotType.DEFAULT, SlotType.FIRST, SlotType.EVEN), m.slots().stream().map(s -> s.type()).toList());
        assertEquals(List.of("默认页眉", "首页页眉", "偶数页眉"), m.slots().stream().map(s -> s.header().get(0).text()).toList());
        assertEquals(List.of("页脚", "页脚", "页脚"), m.slots().stream().map(s -> s.footer().get(0).text()).toList());
        assertEquals(new Location("header:first", 0, 0, 1, 0, 0), m.slots().get(1).header().get(0).location());
        assertEquals("page-style:Standard", m.slots().get(0).where().part());
        assertEquals(List.of("正文"), m.body().stream().map(TextBlock::text).toList());
        assertTrue(m.hidden().contains(new HiddenItem(HiddenKind.COMMENT, "批注内容", Location.body(1).withPart("comment"))));
        assertTrue(m.hidden().contains(new HiddenItem(HiddenKind.HIDDEN_TEXT, "隐藏的段落",
                Location.body(2).withPart("hidden-section"))), m.hidden().toString());
        assertEquals("秘密", m.properties().get("marking.level"));
    }

    @Test
    void spreadsheetCellsByAddressHiddenSheetsAndSheetHeaders() throws Exception {
        Path ods = OdfFixture.spreadsheet().running("header", "机密★5年")
                .sheet("表一", false, new String[][] {{"0", "0", "试验简报"}, {"6", "2", FAKE}})
                .sheet("隐藏", true, new String[][] {{"1", "1", "110105199001011234"}})
                .build(dir.resolve("d.ods"));
        FileResult r = Verify.check(ods);
        assertEquals("ods", r.format());
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        Finding first = Verify.findings(r, "declass.fake").get(0);
        assertEquals("表一", first.location().sheet());
        assertEquals("C7", first.location().cell());
        ReadModel m = OdfFormat.spreadsheet().read(ods);
        assertEquals(1, m.slots().size(), "hidden sheets print nothing");
        assertTrue(m.hidden().stream().anyMatch(h -> h.kind() == HiddenKind.HIDDEN_TEXT
                && h.location().equals(Location.sheet("隐藏").withPart("hidden-sheet"))), m.hidden().toString());
        assertTrue(m.body().stream().anyMatch(b -> b.location().equals(Location.cell("隐藏", "B2"))),
                "content rules see hidden sheets");
    }

    @Test
    void presentationSlidesNotesAndMasterText() throws Exception {
        Path odp = OdfFixture.presentation().masterText("机密★5年").slide(null, "标题页").slide("讲稿：A基地", FAKE)
                .build(dir.resolve("e.odp"));
        FileResult r = Verify.check(odp);
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertTrue(Verify.findings(r, "marking.missing").isEmpty());
        Finding first = Verify.findings(r, "declass.fake").get(0);
        assertEquals(2, first.location().slide());
        ReadModel m = OdfFormat.presentation().read(odp);
        assertEquals(2, m.slots().size());
        assertEquals("机密★5年", m.slots().get(1).header().get(0).text());
        assertTrue(m.hidden().stream().anyMatch(h -> h.kind() == HiddenKind.NOTES && h.text().equals("讲稿：A基地")));
        Path unmarked = OdfFixture.presentation().slide(null, "标题页").build(dir.resolve("f.odp"));
        assertEquals(1, Verify.findings(Verify.check(unmarked), "marking.missing").size());
    }

    @Test
    void recognisedByMimetypeWhateverTheName() throws Exception {
        Path ods = OdfFixture.spreadsheet().sheet("S", false, new String[][] {{"0", "0", "x"}}).build(dir.resolve("g.odt"));
        FormatRegistry.Identification id = FormatRegistry.standard().identify(ods);
        assertEquals("ods", id.format().orElseThrow().id());
        assertTrue(id.mismatch());
        DocumentException e = assertThrows(DocumentException.class, () -> new OdtFormat().read(ods));
        assertEquals(Kind.UNREADABLE, e.kind());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "机密★5年");
        Path odt = dir.resolve("xxe.odt");
        try (OutputStream out = Files.newOutputStream(odt); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>"
                    + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                    + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
                    + "<text:p>&e;</text:p></office:text></office:body></office:document-content>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        DocumentException e = assertThrows(DocumentException.class, () -> new OdtFormat().read(odt));
        assertEquals(Kind.UNREADABLE, e.kind());
        assertFalse(e.getMessage().contains("机密"), e.getMessage());
        FileResult r = Verify.check(odt);
        assertTrue(r.marking().isEmpty(), "the entity must not be read: " + r);
        assertEquals(1, Verify.findings(r, "file.unreadable").size());
    }

    @Test
    void encryptedPackageIsEncrypted() {
        Path encrypted = Corpus.file("odt/tika_testODTEncrypted.odt");
        assertEquals(Kind.ENCRYPTED, assertThrows(DocumentException.class, () -> new OdtFormat().read(encrypted)).kind());
        assertEquals(1, Verify.findings(Verify.check(encrypted), "file.encrypted").size());
    }

    @Test
    void damagedPackageIsUnreadable() throws Exception {
        Path whole = OdfFixture.text().paragraph("正文").build(dir.resolve("h.odt"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.odt"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(Kind.UNREADABLE, assertThrows(DocumentException.class, () -> new OdtFormat().read(cut)).kind());
        assertEquals(1, Verify.findings(Verify.check(cut), "file.unreadable").size());
    }

    /** Issue 18: the time limit for one file stops the OpenDocument readers as they read a part or a paragraph. */
    @Test
    void readersStopWhenTheirThreadIsInterrupted() throws Exception {
        Path odt = OdfFixture.text().running("header", "机密★5年").paragraph("试验简报").paragraph(FAKE)
                .build(dir.resolve("t.odt"));
        assertEquals(2, new OdtFormat().read(odt).body().size(), "the same read completes on a thread not interrupted");
        Interrupted.assertStops(() -> new OdtFormat().read(odt));
    }
}
