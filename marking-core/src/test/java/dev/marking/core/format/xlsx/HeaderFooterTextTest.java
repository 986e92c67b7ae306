package dev.marking.core.format.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.xlsx.HeaderFooterText.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderFooterTextTest {

    @Test
    void splitsSectionsAndShowsTextWithoutCodes() {
        HeaderFooterText t = HeaderFooterText.parse("&L&\"黑体,加粗\"&14左边\n第二行&C&KFF0000中间&R第&P页 共&N页 &A");
        assertEquals(List.of("左边", "第二行"), t.lines(Section.LEFT, "表一"));
        assertEquals(List.of("中间"), t.lines(Section.CENTER, "表一"));
        assertEquals(List.of("第#页 共#页 表一"), t.lines(Section.RIGHT, "表一"));
        assertEquals("&\"黑体,加粗\"&14左边\n第二行", t.raw(Section.LEFT), "codes stay in the raw section");
    }

    @Test
    void formatWritesBackWhatItRead() {
        String raw = "&L左&C&K01+000中&R&G";
        assertEquals(raw, HeaderFooterText.parse(raw).format());
        assertEquals("", HeaderFooterText.parse(null).format());
    }

    @Test
    void textBeforeAnySectionCodeIsCentred() {
        HeaderFooterText t = HeaderFooterText.parse("机密★5年");
        assertEquals(List.of("机密★5年"), t.lines(Section.CENTER, ""));
        assertEquals("&C机密★5年", t.format());
    }

    @Test
    void doubledAmpersandIsTextNotACode() {
        HeaderFooterText t = HeaderFooterText.parse("&LR&&D&CAT&&T");
        assertEquals(List.of("R&D"), t.lines(Section.LEFT, ""));
        assertEquals(List.of("AT&T"), t.lines(Section.CENTER, ""));
        assertFalse(t.hasPicture(Section.LEFT));
    }

    @Test
    void picturesAreFoundBySection() {
        HeaderFooterText t = HeaderFooterText.parse("&L标志&G&C文字&R");
        assertTrue(t.hasPicture(Section.LEFT));
        assertFalse(t.hasPicture(Section.CENTER));
        assertEquals(List.of(2), HeaderFooterText.pictureCodes("标志&G"));
        assertEquals(List.of(), HeaderFooterText.pictureCodes("&&G"), "&&G is the text &G");
    }
}
