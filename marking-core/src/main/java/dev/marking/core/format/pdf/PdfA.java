package dev.marking.core.format.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/** The PDF/A part a file claims in its XMP ({@code pdfaid:part}): a promise a stamp must keep true. */
final class PdfA {

    private static final Pattern PART = Pattern.compile("pdfaid:part\\s*(?:=\\s*[\"']|>)\\s*(\\d)");

    private PdfA() {
    }

    /** The claimed part (1, 2, 3, 4), or empty when the file claims none. */
    static OptionalInt part(PDDocument doc) {
        PDMetadata m = doc.getDocumentCatalog().getMetadata();
        if (m == null) {
            return OptionalInt.empty();
        }
        try (InputStream in = m.exportXMPMetadata()) {
            Matcher p = PART.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return p.find() ? OptionalInt.of(Integer.parseInt(p.group(1))) : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** True when the claimed part forbids transparency (PDF/A-1). */
    static boolean forbidsTransparency(PDDocument doc) {
        return part(doc).orElse(0) == 1;
    }
}
