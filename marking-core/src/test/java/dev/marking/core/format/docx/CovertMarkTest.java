package dev.marking.core.format.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.testing.Fixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CovertMarkTest {

    @TempDir
    Path tmp;

    @Test
    void roundTripsEveryKindOfNumberAndIsInvisible() {
        for (int n : new int[] {1, 2, 123, 65_535, 500_000, 999_999}) {
            String mark = CovertMark.encode(new CopyNumber(n));
            assertEquals(20, mark.length());
            assertEquals("", CovertMark.strip(mark));
            assertEquals(Optional.of(new CopyNumber(n).formatted()), CovertMark.decode(mark));
            // LibreOffice may repeat or cut the text around it: the first whole mark still answers
            String noisy = "\u200B\u200B" + mark.substring(3) + mark + mark.substring(0, 5);
            assertEquals(Optional.of(new CopyNumber(n).formatted()), CovertMark.decode(noisy));
        }
    }

    @Test
    void strayZeroWidthCharactersAreNotACopyNumber() {
        assertEquals(Optional.empty(), CovertMark.decode("\u200B".repeat(40)));
        Random random = new Random(7);
        int falsePositives = 0;
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 20; j++) {
                sb.append("\u200B\u200C\u200D\u2060".charAt(random.nextInt(4)));
            }
            falsePositives += CovertMark.decode(sb.toString()).isPresent() ? 1 : 0;
        }
        assertTrue(falsePositives < 2, falsePositives + " of 2000 random strings decode");
    }

    @Test
    void stampedHeaderAndFooterCarryItAndTheRulesSeeOnlyTheVisibleText() throws Exception {
        Path file = Fixtures.docx().header("页眉").footer("页脚").paragraph("正文").build(tmp.resolve("a.docx"));
        Marking m = Marking.of(Scheme.STATE.level("秘密").orElseThrow(), new Term.Years(1)).withCopy(new CopyNumber(77));
        Path stamped = tmp.resolve("b.docx");
        new DocxFormat().stamp(file, stamped, StampOptions.all(m, "c", LocalDate.of(2026, 11, 23)));
        ReadModel r = new DocxFormat().read(stamped);
        assertEquals("000077", r.properties().get(CovertMark.PROPERTY));
        assertEquals("秘密★1年", r.slots().get(0).header().get(0).text());
        assertEquals("第000077份", r.slots().get(0).footer().get(0).text());
        assertTrue(r.slots().get(0).header().stream().map(TextBlock::text).noneMatch(t -> t.contains("\u200B")));
    }

    @Test
    void unnumberedStampHasNone() throws Exception {
        Path file = Fixtures.docx().paragraph("正文").build(tmp.resolve("a.docx"));
        Marking m = Marking.of(Scheme.STATE.level("秘密").orElseThrow(), new Term.Years(1));
        Path stamped = tmp.resolve("b.docx");
        new DocxFormat().stamp(file, stamped, StampOptions.all(m, "c", LocalDate.of(2026, 11, 23)));
        assertEquals(null, new DocxFormat().read(stamped).properties().get(CovertMark.PROPERTY));
    }
}
