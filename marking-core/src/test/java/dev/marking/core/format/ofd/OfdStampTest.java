package dev.marking.core.format.ofd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.StampCases;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.MetadataKeys;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.OfdFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stamping built OFD packages: what the copy carries, where, in which font, and what a seal allows. */
class OfdStampTest {

    private final OfdFormat format = new OfdFormat();

    @TempDir
    Path dir;

    @Test
    void stampCarriesBlockRunningMarksWatermarkAndMetadataOnEveryPage() throws Exception {
        Path source = Fixtures.ofd().line("正文第一行").page().line("第二页").page().build(dir.resolve("a.ofd"));
        Path out = dir.resolve("out.ofd");
        StampOptions options = StampCases.first();
        format.stamp(source, out, options);
        ReadModel m = format.read(out);
        assertEquals(List.of("000123", "机密★5年", "特急"), m.firstPageTop().stream().map(TextBlock::text).toList());
        assertEquals(3, m.slots().size());
        for (RunningSlot s : m.slots()) {
            assertEquals(List.of("机密★5年"), s.header().stream().map(TextBlock::text).toList());
            assertEquals(List.of("第000123份"), s.footer().stream().map(TextBlock::text).toList());
            assertEquals(List.of("机密★5年 第000123份"), s.watermarks());
        }
        assertEquals(options.metadata(), Map.copyOf(m.properties().entrySet().stream()
                .filter(e -> e.getKey().startsWith("marking.")).collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue))));
        assertEquals(List.of("正文第一行"), m.body().stream().filter(b -> b.location().page() == 1).map(TextBlock::text)
                .toList(), "our lines are not page text");
    }

    @Test
    void blockSitsAtTheTypeAreaInThreeHaoAboveTheText() throws Exception {
        Path source = Fixtures.ofd().line("正文").build(dir.resolve("a.ofd"));
        Path out = dir.resolve("out.ofd");
        format.stamp(source, out, StampCases.first());
        OfdXPath x = new OfdXPath(out);
        List<OfdXPath.TextObject> block = x.textObjects(x.pages().get(0)).stream()
                .filter(t -> t.name().equals("MarkingStamp.block")).toList();
        assertEquals(3, block.size());
        double textTop = OfdFixture.FIRST_BASELINE - OfdFixture.SIZE;
        for (OfdXPath.TextObject t : block) {
            assertEquals(OfdFixture.LEFT, t.boundary()[0], 1e-6, "left edge of the text");
            assertTrue(t.boundary()[1] + t.boundary()[3] <= textTop, t + " above the text at " + textTop);
        }
        String size = x.string(x.pages().get(0), "//*[@Name='MarkingStamp.block'][2]/@Size");
        assertEquals(16 * 25.4 / 72, Double.parseDouble(size), 1e-3, "3号 on A4");
        assertEquals("700", x.string(x.pages().get(0), "//*[@Name='MarkingStamp.block'][2]/@Weight"), "the mark in bold");
    }

    @Test
    void fontIsATrueTypeSubsetDeclaredAsHeiti() throws Exception {
        Path out = dir.resolve("out.ofd");
        format.stamp(Fixtures.ofd().line("正文").build(dir.resolve("a.ofd")), out, StampCases.first());
        OfdXPath x = new OfdXPath(out);
        assertEquals("SimHei", x.string("Doc_0/MarkingStampRes.xml", "//*[local-name()='Font']/@FontName"));
        assertEquals("黑体", x.string("Doc_0/MarkingStampRes.xml", "//*[local-name()='Font']/@FamilyName"));
        byte[] ttf = x.entries().get("Doc_0/MarkingStampRes/MarkingStamp.ttf");
        assertTrue(ttf.length < 100_000, "a subset, not the whole font: " + ttf.length);
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
        for (int cp : "机密★5年第000123份特急".codePoints().toArray()) {
            assertNotEquals(0, font.getUnicodeCmapLookup().getGlyphId(cp), "glyph for " + Character.toString(cp));
        }
        font.close();
    }

    @Test
    void aFontThatIsNotTrueTypeIsRefused() throws Exception {
        Path notAFont = Files.writeString(dir.resolve("font.ttf"), "not a font");
        StampOptions all = StampCases.first();
        StampOptions withFont = new StampOptions(all.marking(), all.markingId(), all.stampDate(), true, true, true,
                Optional.of(notAFont));
        Path out = dir.resolve("out.ofd");
        DocumentException e = assertThrows(DocumentException.class, () -> format.stamp(
                Fixtures.ofd().line("正文").build(dir.resolve("a.ofd")), out, withFont));
        assertEquals(DocumentException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().startsWith("cannot embed " + notAFont), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void restampReplacesOurStampAndKeepsTheRest() throws Exception {
        Path source = Fixtures.ofd().line("正文").customData("owner", "张三").build(dir.resolve("a.ofd"));
        Path once = dir.resolve("once.ofd");
        Path twice = dir.resolve("twice.ofd");
        format.stamp(source, once, StampCases.first());
        format.stamp(once, twice, StampCases.second());
        ReadModel m = format.read(twice);
        assertEquals(List.of("000007", "秘密★1年"), m.firstPageTop().stream().map(TextBlock::text).toList());
        assertEquals(List.of("秘密★1年 第000007份"), m.slots().get(0).watermarks());
        assertEquals("秘密", m.properties().get(MetadataKeys.LEVEL));
        assertEquals(null, m.properties().get(MetadataKeys.URGENCY), "our old keys are gone");
        assertEquals("张三", m.properties().get("owner"));
        OfdXPath x = new OfdXPath(twice);
        assertEquals(1, x.entries().keySet().stream().filter(n -> n.startsWith("Doc_0/MarkingStampRes")).filter(
                n -> n.endsWith(".ttf")).count());
        assertEquals("1", x.string(x.pages().get(0), "count(//*[local-name()='Layer'][@Type='Foreground'])"));
        assertEquals("1", x.string(OfdXPath.resolve("OFD.xml", "Doc_0/Document.xml"),
                "count(//*[local-name()='PublicRes'][.='MarkingStampRes.xml'])"));
    }

    @Test
    void switchedOffPartsAreLeftOut() throws Exception {
        StampOptions all = StampCases.first();
        StampOptions some = new StampOptions(all.marking(), all.markingId(), all.stampDate(), true, false, false,
                Optional.empty());
        Path out = dir.resolve("out.ofd");
        format.stamp(Fixtures.ofd().line("正文").build(dir.resolve("a.ofd")), out, some);
        RunningSlot slot = format.read(out).slots().get(0);
        assertEquals(1, slot.header().size());
        assertEquals(List.of(), slot.footer());
        assertEquals(List.of(), slot.watermarks());
    }

    @Test
    void aSealOverPartsWeDoNotTouchStaysIntact() throws Exception {
        Path source = Fixtures.ofd().line("正文").attachment("a.txt", new byte[] {1, 2, 3})
                .sealedOver("/Doc_0/Signs/Signatures.xml", "/Doc_0/Signs/Sign_0/Seal.esl", "/Doc_0/Res/attach_0.bin",
                        "/Doc_0/PublicRes.xml")
                .build(dir.resolve("sealed.ofd"));
        Path out = dir.resolve("out.ofd");
        format.stamp(source, out, StampCases.first());
        OfdXPath before = new OfdXPath(source);
        OfdXPath after = new OfdXPath(out);
        String signature = "Doc_0/Signs/Sign_0/Signature.xml";
        assertArrayEquals(before.entries().get(signature), after.entries().get(signature));
        int references = Integer.parseInt(after.string(signature, "count(//*[local-name()='Reference'])"));
        assertEquals(4, references);
        for (int i = 1; i <= references; i++) {
            String ref = after.string(signature, "(//*[local-name()='Reference'])[" + i + "]/@FileRef").substring(1);
            String check = after.string(signature, "(//*[local-name()='Reference'])[" + i + "]/*[local-name()='CheckValue']");
            assertArrayEquals(before.entries().get(ref), after.entries().get(ref), ref + " unchanged");
            assertEquals(check, OfdFixture.sha256(after.entries().get(ref)), "digest of " + ref + " still matches");
        }
        assertEquals("1", format.read(out).properties().get("ofd.signatures"));
        assertEquals("机密", format.read(out).properties().get(MetadataKeys.LEVEL));
    }

    @Test
    void aSealOverAPageIsRefusedAndNothingIsWritten() throws Exception {
        Path source = Fixtures.ofd().line("正文").sealedOver("/Doc_0/Pages/Page_0/Content.xml").build(dir.resolve("a.ofd"));
        byte[] before = Files.readAllBytes(source);
        Path out = Files.createFile(dir.resolve("out.ofd"));
        DocumentException e = assertThrows(DocumentException.class, () -> format.stamp(source, out,
                StampCases.first()));
        assertEquals(DocumentException.Kind.REFUSED, e.kind());
        assertEquals("the OFD is protected by the electronic seal Doc_0/Signs/Sign_0/Signature.xml, which covers "
                + "Doc_0/Pages/Page_0/Content.xml; stamping would break it — stamp before sealing, or remove the seal, "
                + "stamp, then seal again", e.getMessage());
        assertFalse(Files.exists(out), "the caller's temporary file is removed");
        assertArrayEquals(before, Files.readAllBytes(source));
    }

    @Test
    void aSealOverTheRootIsRefusedBeforeAnythingIsBuilt() throws Exception {
        Path source = Fixtures.ofd().line("正文").sealedOver("/OFD.xml").build(dir.resolve("a.ofd"));
        DocumentException e = assertThrows(DocumentException.class, () -> format.stamp(source, dir.resolve("o.ofd"),
                StampCases.first()));
        assertEquals(DocumentException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("covers OFD.xml"), e.getMessage());
    }
}
