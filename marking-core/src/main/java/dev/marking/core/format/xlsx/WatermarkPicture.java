package dev.marking.core.format.xlsx;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;

/**
 * The watermark as a spreadsheet prints it: Excel has no text watermark, only a picture in a header
 * section ({@code &G}) that is drawn over the page behind the cells. The picture is drawn here: the
 * watermark line in light grey, rising at 30°, on a transparent ground, in a CJK font of this machine.
 */
final class WatermarkPicture {

    /** Pixels; 4:3 like the printed size below. */
    static final int WIDTH = 1200;
    static final int HEIGHT = 900;
    /** The printed size, about the width of a portrait A4 page inside its margins. */
    static final String SIZE = "width:450pt;height:337.5pt";

    private static final Color INK = new Color(0xBE, 0xBE, 0xBE);
    private static final double ANGLE = Math.toRadians(-30);
    private static final int MAX_FONT = 120;
    private static final int MIN_FONT = 24;
    /** 黑体 first (GB/T 9704's face for marks), then other CJK sans faces found on Windows and Linux. */
    private static final List<String> FACES = List.of("SimHei", "黑体", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC",
            "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN");

    private WatermarkPicture() {
    }

    /** A PNG of {@code text} drawn diagonally, as large as fits. */
    static byte[] png(String text) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(INK);
            g.setFont(fitting(g, text));
            FontMetrics fm = g.getFontMetrics();
            g.rotate(ANGLE, WIDTH / 2.0, HEIGHT / 2.0);
            g.drawString(text, (WIDTH - fm.stringWidth(text)) / 2f, HEIGHT / 2f + (fm.getAscent() - fm.getDescent()) / 2f);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The largest size at which the rotated line stays inside the picture. */
    private static Font fitting(Graphics2D g, String text) {
        Font face = Faces.forText(text);
        double room = Math.min(WIDTH / Math.cos(ANGLE), HEIGHT / Math.abs(Math.sin(ANGLE))) * 0.85;
        for (int size = MAX_FONT; size > MIN_FONT; size -= 4) {
            Font f = face.deriveFont(Font.PLAIN, size);
            if (g.getFontMetrics(f).stringWidth(text) <= room) {
                return f;
            }
        }
        return face.deriveFont(Font.PLAIN, MIN_FONT);
    }

    /** The installed font families, looked up once. */
    private static final class Faces {

        private static final Set<String> INSTALLED = new TreeSet<>(
                Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));

        /** The first preferred face that can show all of {@code text}; else the logical sans font. */
        static Font forText(String text) {
            for (String name : FACES) {
                if (INSTALLED.contains(name)) {
                    Font f = new Font(name, Font.PLAIN, MAX_FONT);
                    if (f.canDisplayUpTo(text) < 0) {
                        return f;
                    }
                }
            }
            return new Font(Font.SANS_SERIF, Font.PLAIN, MAX_FONT);
        }
    }
}
