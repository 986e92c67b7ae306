package dev.marking.core.format.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.OcrSettings;
import dev.marking.core.format.ScannedPage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that go on while the next pages are rendered are still read in order, and a run that fails fails the pages
 * it had pieces of, not the others: a stand-in for Tesseract that fails its second recognition run.
 */
class ScanReaderRunsTest {

    @TempDir
    Path tmp;

    @Test
    void aFailedRunFailsItsPagesAndTheNextRunIsRead() throws Exception {
        Path program = tmp.resolve("tesseract");
        Path count = tmp.resolve("runs");
        // --list-langs: the data; --psm 0: sure the page is upright; a run: TSV for each image of its list, except
        // that the second recognition run fails
        Files.writeString(program, String.join("\n",
                "#!/bin/sh",
                "case \"$1\" in",
                "  --list-langs) printf 'List of available languages in \"/x\" (3):\\nchi_sim\\nchi_tra\\nosd\\n'; exit 0;;",
                "esac",
                "case \"$*\" in",
                "  *'--psm 0'*) printf 'Rotate: 0\\nOrientation confidence: 9.0\\n'; exit 0;;",
                "esac",
                "n=$(cat '" + count + "' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '" + count + "'",
                "if [ $n -eq 2 ]; then echo 'boom' >&2; exit 3; fi",
                "i=0",
                "printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight"
                        + "\\tconf\\ttext\\n'",
                "while read -r f; do i=$((i + 1));"
                        + " printf '5\\t%s\\t1\\t1\\t1\\t1\\t10\\t10\\t200\\t20\\t95\\tSEEN%s\\n' $i $i; done < \"$1\"",
                ""));
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        PageImages pages = (page, dpi) -> new PageImages.PageImage(inked(), 300);
        List<ScannedText> read = new ScanReader(OcrSettings.fromEnvironment(true).withProgram(program.toString()))
                .read(pages, List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        // run 1: page 1 whole (page layout); run 2, the bands, 16 at most: page 1's top band, both bands of pages 2
        // to 8 and page 9's top; run 3: page 9's bottom band and page 10's two. Run 2 fails: so do pages 1 to 9.
        for (ScannedText t : read.subList(0, 9)) {
            assertEquals(ScannedPage.Outcome.FAILED, t.status().outcome(), t.status().toString());
            assertTrue(t.status().detail().contains("boom"), t.status().detail());
        }
        ScannedText last = read.get(9);
        assertEquals(ScannedPage.Outcome.READ, last.status().outcome(), last.status().toString());
        assertEquals(List.of("SEEN2", "SEEN3"), last.lines().stream().map(OcrLine::text).toList());
        assertEquals("3", Files.readString(count).strip(), "three recognition runs");
    }

    /** A page with a few black bars where the text is, top, middle and bottom. */
    private static BufferedImage inked() {
        BufferedImage image = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        for (int y : new int[] {60, 120, 800, 1650}) {
            g.fillRect(100, y, 900, 30);
        }
        g.dispose();
        return image;
    }
}
