package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.format.StampOptions;
import dev.marking.core.ledger.Recipient;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Output names of stamped copies: copy suffixes never pile up, recipient parts carry no odd characters. */
class OutputNameTest {

    private static StampOptions copy(int n) {
        Marking m = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5)).withCopy(new CopyNumber(n));
        return StampOptions.all(m, "id", LocalDate.of(2026, 11, 30));
    }

    @Test
    void anEarlierCopySuffixIsReplaced() {
        assertEquals("report.000007.docx", Stamper.outputName(Path.of("report.000123.docx"), copy(7)));
        assertEquals("report.000007.李四.pdf", Stamper.outputName(Path.of("report.000123.张三.pdf"), copy(7), "李四"));
        StampOptions unnumbered = StampOptions.all(Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5)),
                "id", LocalDate.of(2026, 11, 30));
        assertEquals("report.docx", Stamper.outputName(Path.of("report.000123.docx"), unnumbered));
        assertEquals("v1.2.000003.docx", Stamper.outputName(Path.of("v1.2.docx"), copy(3)), "other dots stay");
        assertEquals("000123.000004.docx", Stamper.outputName(Path.of("000123.docx"), copy(4)), "a name that is only digits");
    }

    @Test
    void recipientFilePartsKeepLettersAndDigitsOnly() {
        assertEquals("李四_Jr", new Recipient("李四, Jr.", "").fileNamePart());
        assertEquals("张三", new Recipient("  张三 ", "").fileNamePart());
        assertEquals("a_b-c", new Recipient("a/b-c?", "").fileNamePart());
        assertEquals("recipient", new Recipient("...", "").fileNamePart());
    }
}
