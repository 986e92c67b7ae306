package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.format.StampOptions;
import dev.marking.core.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, acceptance 6: before and after pictures of hard pages, written to
 * {@code target/layout-pictures/} for a person to look at (the landscape report whose title and last
 * table row the old stamp covered, a form with a usage-rights signature, the example whose first line
 * the old block covered, a table page, a scanned JPEG 2000 page). The test itself checks only that our marks
 * stay off the ink.
 */
class LayoutPicturesTest {

    private static final Path DIR = Path.of("target", "layout-pictures");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} page {1}")
    @CsvSource({"pdf/plumber_WARN-Report-for-7-1-2015-to-03-25-2016.pdf, 1",
        "pdf/plumber_pr-138-example.pdf, 1", "pdf/pypdf_issue-914-xmp-data.pdf, 1",
        "pdf/pdfbox_survey.pdf, 1", "../examples/documents/年度工作总结.pdf, 1",
        "pdf/pypdf_Seige_of_Vicksburg_Sample_OCR-crazyones-merged.pdf, 1"})
    void beforeAndAfter(String file, int page) throws Exception {
        Path source = file.startsWith("../") ? Path.of(file) : Corpus.root().resolve(file);
        Files.createDirectories(DIR);
        Path out = tmp.resolve("stamped.pdf");
        StampOptions options = PdfTestSupport.options();
        List<Object> notes = new ArrayList<>();
        new PdfFormat().stamp(source, out, options, notes::add);
        String name = source.getFileName().toString().replaceFirst("\\.pdf$", "") + "-p" + page;
        ImageIO.write(StampPixels.page(source, page - 1), "png", DIR.resolve(name + "-before.png").toFile());
        ImageIO.write(StampPixels.page(out, page - 1), "png", DIR.resolve(name + "-after.png").toFile());
        assertEquals(0, StampPixels.overlap(StampPixels.marks(out, page - 1), StampPixels.content(out, page - 1)));
    }
}
