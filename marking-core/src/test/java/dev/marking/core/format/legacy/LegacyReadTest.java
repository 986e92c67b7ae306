package dev.marking.core.format.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.SlotType;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.scan.FileResult;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.Interrupted;
import dev.marking.core.testing.Verify;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Office 97–2003 and Kingsoft WPS files through verify: marks, fake de-classification with locations, hidden content. */
class LegacyReadTest {

    private static final String FAKE = "XX部队于X月X日在A基地完成了试射。";

    @TempDir
    Path dir;

    @Test
    void workbookPositiveMarkInSheetHeaderAndFindingsAtTheirCell() throws Exception {
        Path xls = LegacyFixtures.xls(dir.resolve("a.xls"), "机密★5年", FAKE, null);
        FileResult r = Verify.check(xls);
        assertEquals("xls", r.format());
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertTrue(Verify.findings(r, "marking.missing").isEmpty(), Verify.rules(r).toString());
        Finding first = Verify.findings(r, "declass.fake").get(0);
        assertEquals("XX部队", first.evidence());
        assertEquals("表一", first.location().sheet());
        assertEquals("C7", first.location().cell());
        assertEquals("表一!C7, column 1", first.location().describe());
        List<String> hidden = Verify.findings(r, "hidden.content").stream().map(f -> f.location().describe()).toList();
        assertTrue(hidden.contains("表一!A1, comment"), hidden.toString());
        assertTrue(hidden.contains("sheet 底稿, hidden-sheet"), hidden.toString());
    }

    @Test
    void workbookNegativeUnmarkedIsMissing() throws Exception {
        FileResult r = Verify.check(LegacyFixtures.xls(dir.resolve("b.xls"), null, "会议纪要", null));
        assertEquals(1, Verify.findings(r, "marking.missing").size(), Verify.rules(r).toString());
        assertTrue(Verify.findings(r, "declass.fake").isEmpty());
    }

    @Test
    void workbookReadModel() throws Exception {
        ReadModel m = new XlsFormat().read(LegacyFixtures.xls(dir.resolve("c.xls"), "机密★5年", FAKE, null));
        assertEquals(1, m.slots().size(), "the hidden sheet prints nothing");
        assertEquals(Location.sheet("表一"), m.slots().get(0).where());
        assertEquals(List.of("机密★5年"), m.slots().get(0).header().stream().map(b -> b.text()).toList());
        assertEquals(List.of("第页"), m.slots().get(0).footer().stream().map(b -> b.text()).toList(), "fields removed");
        assertEquals(Location.cell("底稿", "B2"), m.body().get(2).location(), "content rules see hidden sheets");
    }

    @Test
    void encryptedWorkbookIsEncryptedDamagedIsUnreadable() throws Exception {
        Path locked = LegacyFixtures.xls(dir.resolve("locked.xls"), "机密★5年", FAKE, "secret");
        assertEquals(Kind.ENCRYPTED, assertThrows(DocumentException.class, () -> new XlsFormat().read(locked)).kind());
        assertEquals(1, Verify.findings(Verify.check(locked), "file.encrypted").size());
        byte[] whole = Files.readAllBytes(LegacyFixtures.xls(dir.resolve("whole.xls"), null, "x", null));
        Path cut = Files.write(dir.resolve("cut.xls"), Arrays.copyOf(whole, whole.length / 3));
        DocumentException e = assertThrows(DocumentException.class, () -> new XlsFormat().read(cut));
        assertEquals(Kind.UNREADABLE, e.kind());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertEquals(1, Verify.findings(Verify.check(cut), "file.unreadable").size());
    }

    @Test
    void presentationMarkOnTheMasterAndFindingsOnTheirSlide() throws Exception {
        FileResult r = Verify.check(LegacyFixtures.ppt(dir.resolve("d.ppt"), "机密★5年", FAKE));
        assertEquals("ppt", r.format());
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertTrue(Verify.findings(r, "marking.missing").isEmpty(), Verify.rules(r).toString());
        assertEquals(2, Verify.findings(r, "declass.fake").get(0).location().slide());
        ReadModel m = new PptFormat().read(dir.resolve("d.ppt"));
        assertEquals(List.of(SlotType.SLIDE, SlotType.SLIDE), m.slots().stream().map(s -> s.type()).toList());
        assertEquals("机密★5年", m.slots().get(1).header().get(0).text());

        FileResult unmarked = Verify.check(LegacyFixtures.ppt(dir.resolve("e.ppt"), null, "会议纪要"));
        assertEquals(1, Verify.findings(unmarked, "marking.missing").size());
    }

    @Test
    void kingsoftFilesAreTheSameBinariesUnderTheirOwnNames() throws Exception {
        Path et = Files.copy(LegacyFixtures.xls(dir.resolve("f.xls"), "机密★5年", FAKE, null), dir.resolve("f.et"));
        Path dps = Files.copy(LegacyFixtures.ppt(dir.resolve("g.ppt"), "机密★5年", FAKE), dir.resolve("g.dps"));
        for (Path p : List.of(et, dps)) {
            FileResult r = Verify.check(p);
            String ext = p.getFileName().toString().substring(2);
            assertEquals(ext, r.format());
            assertEquals("机密★5年", r.marking().orElseThrow().mark());
            assertEquals(3, Verify.findings(r, "declass.fake").size());
            FormatRegistry.Identification id = FormatRegistry.standard().identify(p);
            assertEquals(ext, id.format().orElseThrow().id());
            assertFalse(id.mismatch());
        }
    }

    @Test
    void wordDocumentAndKingsoftWriterFile() throws Exception {
        Path docx = Fixtures.docx().titlePage().firstHeader("机密★5年").header("机密★5年").paragraph("试验简报")
                .paragraph(FAKE).build(dir.resolve("h.docx"));
        Path doc = LegacyFixtures.doc(docx, dir.resolve("doc"));
        Path wps = Files.copy(doc, dir.resolve("h.wps"));
        for (Path p : List.of(doc, wps)) {
            FileResult r = Verify.check(p);
            assertEquals(p.getFileName().toString().substring(2), r.format());
            assertEquals("机密★5年", r.marking().orElseThrow().mark());
            assertTrue(Verify.findings(r, "marking.missing").isEmpty(), Verify.rules(r).toString());
            assertTrue(Verify.findings(r, "marking.incomplete").isEmpty(), Verify.rules(r).toString());
            Finding first = Verify.findings(r, "declass.fake").get(0);
            assertEquals(new Location("body", 1, 0, 2, 0, 1), first.location());
        }
        ReadModel m = new DocFormat().read(doc);
        assertEquals(List.of("1:default", "1:first"), m.slots().stream().map(s -> s.unit() + ":" + s.type()).toList());
        Path plain = LegacyFixtures.doc(Fixtures.docx().paragraph("会议纪要").build(dir.resolve("i.docx")), dir.resolve("doc"));
        assertEquals(1, Verify.findings(Verify.check(plain), "marking.missing").size());
    }

    @Test
    void microsoftWorksIsUnsupportedAndAnEncryptedDocIsEncrypted() {
        FileResult works = Verify.check(Corpus.file("wps/tika_testWORKS.wps"));
        assertEquals("wps", works.format());
        List<Finding> unsupported = Verify.findings(works, "file.unsupported");
        assertEquals(1, unsupported.size(), Verify.rules(works).toString());
        assertTrue(unsupported.get(0).message().contains("Microsoft Works"), unsupported.get(0).message());
        FileResult encrypted = Verify.check(Corpus.file("doc/poi_password_password_cryptoapi.doc"));
        assertEquals(1, Verify.findings(encrypted, "file.encrypted").size(), Verify.rules(encrypted).toString());
    }

    /**
     * Issue 18: the time limit for one file stops the legacy readers inside their own loops (per row, slide or
     * paragraph). The compound file is opened in memory first: POI's file channel would stop at an interrupt by
     * itself, and this is about what follows it.
     */
    @Test
    void legacyReadersStopWhenTheirThreadIsInterrupted() throws Exception {
        Path xls = LegacyFixtures.xls(dir.resolve("t.xls"), "机密★5年", FAKE, null);
        Path ppt = LegacyFixtures.ppt(dir.resolve("t.ppt"), "机密★5年", FAKE);
        assertEquals("机密★5年", new XlsFormat().read(xls, inMemory(xls)).slots().get(0).header().get(0).text(),
                "the same read completes on a thread that is not interrupted");
        POIFSFileSystem workbook = inMemory(xls);
        Interrupted.assertStops(() -> new XlsFormat().read(xls, workbook));
        POIFSFileSystem slides = inMemory(ppt);
        Interrupted.assertStops(() -> new PptFormat().read(ppt, slides));
    }

    /** The compound file read whole into memory (a read closes it). */
    private static POIFSFileSystem inMemory(Path file) throws IOException {
        return new POIFSFileSystem(new ByteArrayInputStream(Files.readAllBytes(file)));
    }
}
