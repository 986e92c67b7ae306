package dev.marking.core.format.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A stamped PDF's pages rendered in two halves, to measure our marks against the page's own ink: the
 * marks alone (our tagged streams only, no annotations), and the content alone as it is laid out in
 * the output (shrunk where it was, annotations included, our marks taken out). Independent of the
 * layout code: it works from the written file and the PDFBox renderer.
 */
final class StampPixels {

    /** The acceptance test's resolution. */
    static final float DPI = 72f;
    /** A mark's pixel darker than this (luma 0..255) is a dark pixel of ours; the translucent watermark is lighter. */
    static final int DARK = 128;
    /** A content pixel darker than this is ink (paper white and near-white backgrounds are not). */
    static final int INK = 235;

    private StampPixels() {
    }

    /** Page {@code index} of {@code pdf} as the reader sees it. */
    static BufferedImage page(Path pdf, int index) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFRenderer(doc).renderImageWithDPI(index, DPI, ImageType.RGB);
        }
    }

    /** Only our marks on page {@code index} of the stamped {@code pdf}. */
    static BufferedImage marks(Path pdf, int index) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDPage page = doc.getPage(index);
            COSArray ours = new COSArray();
            for (COSBase item : contents(page)) {
                if (resolve(item) instanceof COSStream s && s.getBoolean(StampRole.MARKER, false)) {
                    ours.add(item);
                }
            }
            page.getCOSObject().setItem(COSName.CONTENTS, ours);
            PDFRenderer r = new PDFRenderer(doc);
            r.setAnnotationsFilter(a -> false);
            return r.renderImageWithDPI(index, DPI, ImageType.RGB);
        }
    }

    /** The page's own content on page {@code index} of the stamped {@code pdf}, as the output lays it out. */
    static BufferedImage content(Path pdf, int index) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDPage page = doc.getPage(index);
            List<COSBase> items = contents(page);
            COSArray kept = new COSArray();
            for (int i = 0; i < items.size(); i++) {
                COSBase item = items.get(i);
                if (resolve(item) instanceof COSStream s && s.getBoolean(StampRole.MARKER, false)) {
                    boolean leading = i == 0;
                    kept.add(strip(doc, s, leading));
                } else {
                    kept.add(item);
                }
            }
            page.getCOSObject().setItem(COSName.CONTENTS, kept);
            return new PDFRenderer(doc).renderImageWithDPI(index, DPI, ImageType.RGB);
        }
    }

    /** True when page {@code index} of the stamped {@code pdf} draws its content through a {@code cm} of ours. */
    static boolean shrunk(Path pdf, int index) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<COSBase> items = contents(doc.getPage(index));
            if (items.isEmpty() || !(resolve(items.get(0)) instanceof COSStream s) || !s.getBoolean(StampRole.MARKER, false)) {
                return false;
            }
            return tokens(s).stream().anyMatch(t -> t instanceof Operator o && "cm".equals(o.getName()));
        }
    }

    /** Pixels dark in {@code marks} where {@code content} has ink. */
    static int overlap(BufferedImage marks, BufferedImage content) {
        int n = 0;
        for (int y = 0; y < Math.min(marks.getHeight(), content.getHeight()); y++) {
            for (int x = 0; x < Math.min(marks.getWidth(), content.getWidth()); x++) {
                if (luma(marks.getRGB(x, y)) < DARK && luma(content.getRGB(x, y)) < INK) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Pixels dark in {@code image}. */
    static int dark(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += luma(image.getRGB(x, y)) < DARK ? 1 : 0;
            }
        }
        return n;
    }

    /** Pixels that differ noticeably between two renders of the same size. */
    static int differing(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return Integer.MAX_VALUE;
        }
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (Math.abs(luma(a.getRGB(x, y)) - luma(b.getRGB(x, y))) > 16) {
                    n++;
                }
            }
        }
        return n;
    }

    static int luma(int rgb) {
        return (299 * (rgb >> 16 & 0xff) + 587 * (rgb >> 8 & 0xff) + 114 * (rgb & 0xff)) / 1000;
    }

    /** A copy of our stream with only what wraps the content: the leading {@code q … cm}, or the trailing {@code Q}s. */
    private static COSStream strip(PDDocument doc, COSStream s, boolean leading) throws IOException {
        List<Object> tokens = tokens(s);
        List<Object> kept = new ArrayList<>();
        if (leading) {
            int lastQ = -1;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i) instanceof Operator o && "q".equals(o.getName())) {
                    lastQ = i;
                }
            }
            kept.addAll(tokens.subList(Math.max(0, lastQ), tokens.size()));
        } else {
            for (Object t : tokens) {
                if (!(t instanceof Operator o) || !"Q".equals(o.getName())) {
                    break;
                }
                kept.add(t);
            }
        }
        COSStream out = doc.getDocument().createCOSStream();
        try (OutputStream o = out.createOutputStream()) {
            new ContentStreamWriter(o).writeTokens(kept);
        }
        return out;
    }

    private static List<Object> tokens(COSStream s) throws IOException {
        try (InputStream in = s.createInputStream()) {
            return new PDFStreamParser(in.readAllBytes()).parse();
        }
    }

    private static List<COSBase> contents(PDPage page) {
        return PageContents.current(page);
    }

    private static COSBase resolve(COSBase b) {
        return b instanceof COSObject o ? o.getObject() : b;
    }
}
