package dev.marking.core.format.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Grey page images for OCR: conversion, scaling, despeckling, quarter turns, bands, a blank test and PGM files. */
final class Rasters {

    /** Pixels darker than this (0 black, 255 white) are ink. */
    private static final int INK = 128;
    /** An image with fewer ink pixels than this share is blank (a few specks of dust are not text). */
    private static final double BLANK_SHARE = 0.0004;

    private Rasters() {
    }

    /** {@code image} as 8-bit grey on white (transparent areas become paper). */
    static BufferedImage grey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    /** {@code image} scaled by {@code factor} (below 1: smaller), smoothly. */
    static BufferedImage scaled(BufferedImage image, double factor) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * {@code image} (grey) through a 3×3 median: dust, toner specks and scanner grain go, strokes wider
     * than a pixel stay. OCR reads a speck next to a line as punctuation ({@code ，机密★5年}).
     */
    static BufferedImage despeckled(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w < 3 || h < 3) {
            return image;
        }
        Raster in = image.getRaster();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = out.getRaster();
        int[][] rows = {new int[w], new int[w], new int[w]};
        int[] result = new int[w];
        int[] window = new int[9];
        for (int y = 0; y < h; y++) {
            for (int k = 0; k < 3; k++) {
                in.getSamples(0, Math.max(0, Math.min(h - 1, y + k - 1)), w, 1, 0, rows[k]);
            }
            for (int x = 0; x < w; x++) {
                int n = 0;
                for (int[] row : rows) {
                    window[n++] = row[Math.max(0, x - 1)];
                    window[n++] = row[x];
                    window[n++] = row[Math.min(w - 1, x + 1)];
                }
                Arrays.sort(window);
                result[x] = window[4];
            }
            r.setSamples(0, y, w, 1, 0, result);
        }
        return out;
    }

    /** {@code image} turned clockwise by {@code degrees} (0, 90, 180 or 270). */
    static BufferedImage turned(BufferedImage image, int degrees) {
        int quarter = Math.floorMod(degrees, 360) / 90;
        if (quarter == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = quarter % 2 == 1;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
        AffineTransform t = switch (quarter) {
            case 1 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 2 -> new AffineTransform(-1, 0, 0, -1, w, h);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    /** Rows {@code top} (inclusive) to {@code bottom} (exclusive) of {@code image}, sharing its pixels. */
    static BufferedImage rows(BufferedImage image, int top, int bottom) {
        int t = Math.max(0, Math.min(top, image.getHeight() - 1));
        int b = Math.max(t + 1, Math.min(bottom, image.getHeight()));
        return image.getSubimage(0, t, image.getWidth(), b - t);
    }

    /** The first row from {@code row} down to {@code limit} without ink: where a band may end; {@code limit} if none. */
    static int gapBelow(BufferedImage image, int row, int limit) {
        int end = Math.min(limit, image.getHeight());
        for (int y = Math.max(0, row); y < end; y++) {
            if (!inked(image, y)) {
                return y;
            }
        }
        return end;
    }

    /** The first row from {@code row} up to {@code limit} without ink: where a band may start; {@code limit} if none. */
    static int gapAbove(BufferedImage image, int row, int limit) {
        int end = Math.max(0, limit);
        for (int y = Math.min(row, image.getHeight() - 1); y > end; y--) {
            if (!inked(image, y)) {
                return y;
            }
        }
        return end;
    }

    private static boolean inked(BufferedImage image, int y) {
        int w = image.getWidth();
        int[] row = image.getRaster().getSamples(0, y, w, 1, 0, new int[w]);
        int ink = 0;
        for (int v : row) {
            if (v < INK && ++ink > w * BLANK_SHARE * 10) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code image} (grey) carries next to no ink. */
    static boolean blank(BufferedImage image) {
        Raster r = image.getRaster();
        int w = image.getWidth();
        int[] row = new int[w];
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            r.getSamples(0, y, w, 1, 0, row);
            for (int v : row) {
                if (v < INK) {
                    ink++;
                }
            }
        }
        return ink < BLANK_SHARE * w * image.getHeight();
    }

    /** Writes {@code image} (grey) as a binary PGM, which Tesseract reads without decoding cost. */
    static void writePgm(BufferedImage image, Path file) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        Raster r = image.getRaster();
        int[] row = new int[w];
        byte[] bytes = new byte[w];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    bytes[x] = (byte) row[x];
                }
                out.write(bytes);
            }
        }
    }
}
