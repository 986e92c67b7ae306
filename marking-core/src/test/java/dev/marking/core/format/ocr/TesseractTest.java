package dev.marking.core.format.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.OcrSettings;
import dev.marking.core.testing.ExternalTools;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run of several images split between two processes reads what one process reads, page numbers included. */
class TesseractTest {

    @TempDir
    Path tmp;

    @Test
    void theSecondRunsPagesAreNumberedOnWithoutItsHeading() {
        String tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
                + "1\t1\t0\t0\t0\t0\t0\t0\t100\t50\t-1\t\n"
                + "5\t2\t1\t1\t1\t1\t10\t10\t30\t12\t91.5\t机密★5年\n";
        assertEquals("1\t4\t0\t0\t0\t0\t0\t0\t100\t50\t-1\t\n" + "5\t5\t1\t1\t1\t1\t10\t10\t30\t12\t91.5\t机密★5年\n",
                Tesseract.numberedOn(tsv, 3));
        assertEquals("", Tesseract.numberedOn("", 2));
    }

    @Test
    void twoProcessesReadWhatOneReads() throws Exception {
        ExternalTools.require("tesseract", "reading scanned documents by OCR");
        List<Path> images = new ArrayList<>();
        String[] lines = {"COPY 000123 SECRET", "MARKING 2026 REPORT", "UNIT 31681 BASE NINE"};
        for (int i = 0; i < lines.length; i++) {
            Path f = tmp.resolve("page-" + i + ".pgm");
            Rasters.writePgm(page(lines[i]), f);
            images.add(f);
        }
        Tesseract tesseract = new Tesseract(OcrSettings.fromEnvironment(true), tmp);
        String one = tesseract.recognise(images, 300, Tesseract.Layout.PAGE, List.of("chi_sim"), false);
        String two = tesseract.recognise(images, 300, Tesseract.Layout.PAGE, List.of("chi_sim"), true);
        assertEquals(rows(one), rows(two));
        List<List<TsvLines.RawLine>> read = TsvLines.parse(two, images.size());
        for (int i = 0; i < lines.length; i++) {
            String text = String.join(" ", read.get(i).stream().map(TsvLines.RawLine::text).toList());
            assertTrue(text.contains(lines[i].split(" ")[1]), "image " + (i + 1) + " read as " + text);
        }
    }

    /** The TSV's rows without its heading: what the two ways must agree on. */
    private static List<String> rows(String tsv) {
        return tsv.lines().filter(l -> !l.startsWith("level")).toList();
    }

    private static BufferedImage page(String line) {
        BufferedImage image = new BufferedImage(1200, 400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
        g.drawString(line, 60, 220);
        g.dispose();
        return image;
    }
}
