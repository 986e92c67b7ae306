package dev.marking.core.format.odf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.model.Urgency;
import dev.marking.core.scan.FileResult;
import dev.marking.core.testing.OdfXmlView;
import dev.marking.core.testing.Verify;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stamping ODT, checked in the package's XML (not with our reader) and by verify; restamping replaces. */
class OdtStampTest {

    private final OdtFormat format = new OdtFormat();

    @TempDir
    Path dir;

    static StampOptions first() {
        Marking m = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5)).withCopy(new CopyNumber(123))
                .withUrgency(Urgency.URGENT);
        return StampOptions.all(m, "doc-1", Verify.TODAY);
    }

    static StampOptions second() {
        return StampOptions.all(Marking.of(Scheme.STATE.level("秘密").orElseThrow(), new Term.Years(1)), "doc-1",
                Verify.TODAY);
    }

    private Path source() throws Exception {
        return OdfFixture.text().running("header", "默认页眉").running("header-left", "偶数页眉")
                .running("header-first", "首页页眉").running("footer", "页脚").firstPageMaster()
                .paragraph("第一页正文").pageBreak("第二页正文").meta("作者单位", "某部门").build(dir.resolve("in.odt"));
    }

    @Test
    void everyMasterPageHeaderCarriesTheMarkAndTheUserContentStays() throws Exception {
        Path in = source();
        byte[] before = Files.readAllBytes(in);
        Path out = dir.resolve("out.odt");
        format.stamp(in, out, first());
        assertArrayEquals(before, Files.readAllBytes(in), "input unchanged");

        OdfXmlView xml = OdfXmlView.of(out);
        assertEquals(List.of("Standard", "First_20_Page"), xml.masterPages());
        assertEquals(List.of("机密★5年", "默认页眉"), xml.running("Standard", "header"));
        assertEquals(List.of("机密★5年", "偶数页眉"), xml.running("Standard", "header-left"));
        assertEquals(List.of("机密★5年", "首页页眉"), xml.running("Standard", "header-first"));
        assertEquals(List.of("机密★5年", "首页页眉"), xml.running("First_20_Page", "header"));
        assertEquals(List.of("页脚", "第000123份"), xml.running("Standard", "footer"));
        assertEquals(List.of("第000123份"), xml.running("First_20_Page", "footer"), "a footer is added where none was");
        assertEquals(4, xml.shapes("marking-watermark").size(), "one watermark per header shown");
        assertTrue(xml.shapes("marking-watermark").stream().allMatch("机密★5年 第000123份"::equals));
        assertEquals(List.of("000123", "机密★5年", "特急", "第一页正文", "第二页正文"), xml.body());
        assertEquals("机密", xml.userDefined("marking.level"));
        assertEquals("000123", xml.userDefined("marking.copy"));
        assertEquals("某部门", xml.userDefined("作者单位"));

        FileResult r = Verify.check(out);
        assertEquals("机密★5年", r.marking().orElseThrow().mark());
        assertEquals("000123", r.marking().get().copy().orElseThrow().formatted());
        assertTrue(r.findings().stream().noneMatch(f -> f.rule().startsWith("marking.") || f.rule().startsWith("copy.")),
                Verify.rules(r).toString());
    }

    @Test
    void restampReplacesEveryPartOfTheEarlierStamp() throws Exception {
        Path once = dir.resolve("once.odt");
        format.stamp(source(), once, first());
        byte[] stamped = Files.readAllBytes(once);
        Path twice = dir.resolve("twice.odt");
        format.stamp(once, twice, second());
        assertArrayEquals(stamped, Files.readAllBytes(once), "stamped input unchanged by restamp");

        OdfXmlView xml = OdfXmlView.of(twice);
        assertEquals(List.of("秘密★1年", "默认页眉"), xml.running("Standard", "header"));
        assertEquals(List.of("秘密★1年", "首页页眉"), xml.running("First_20_Page", "header"));
        assertEquals(List.of("页脚"), xml.running("Standard", "footer"), "no copy number, no copy footer");
        assertEquals(List.of("秘密★1年", "第一页正文", "第二页正文"), xml.body());
        assertTrue(xml.shapes("marking-watermark").stream().allMatch("秘密★1年"::equals));
        assertEquals(1, xml.userDefinedCount("marking.level"));
        assertEquals(null, xml.userDefined("marking.copy"));

        ReadModel m = format.read(twice);
        assertEquals(List.of("秘密★1年", "第一页正文"), m.firstPageTop().stream().map(TextBlock::text).limit(2).toList());
        assertTrue(Verify.findings(Verify.check(twice), "marking.inconsistent").isEmpty());
    }

    @Test
    void optionsLeaveOutWhatWasSwitchedOff() throws Exception {
        Path out = dir.resolve("plain.odt");
        StampOptions options = new StampOptions(first().marking(), "doc-1", Verify.TODAY, false, false, false,
                Optional.empty());
        format.stamp(source(), out, options);
        OdfXmlView xml = OdfXmlView.of(out);
        assertEquals(List.of("默认页眉"), xml.running("Standard", "header"));
        assertEquals(List.of("页脚"), xml.running("Standard", "footer"));
        assertEquals(List.of(), xml.shapes("marking-watermark"));
        assertEquals(List.of("000123", "机密★5年", "特急", "第一页正文", "第二页正文"), xml.body());
    }
}
