package dev.marking.core.format;

import dev.marking.core.format.docx.DocxFormat;
import dev.marking.core.format.image.ImageFormat;
import dev.marking.core.format.ofd.OfdFormat;
import dev.marking.core.format.pdf.PdfFormat;
import dev.marking.core.format.pptx.PptxFormat;
import dev.marking.core.format.text.TextFormat;
import dev.marking.core.format.xlsx.XlsxFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The formats marking knows: the only list of them. Extensions, media types, the files a folder walk
 * picks up and the names help texts show all come from here.
 */
public final class FormatRegistry {

    private final List<DocumentFormat> formats;

    public FormatRegistry(List<DocumentFormat> formats) {
        Set<String> ids = new HashSet<>();
        Set<String> extensions = new HashSet<>();
        for (DocumentFormat f : formats) {
            if (!ids.add(f.id())) {
                throw new IllegalArgumentException("two formats with id " + f.id());
            }
            for (String e : f.extensions()) {
                if (!extensions.add(e)) {
                    throw new IllegalArgumentException("two formats claim the extension ." + e);
                }
            }
        }
        this.formats = List.copyOf(formats);
    }

    /** Every built-in format: one line each. */
    public static FormatRegistry standard() {
        return new FormatRegistry(List.of(
                new DocxFormat(),
                new PdfFormat(),
                new OfdFormat(),
                new TextFormat(),
                new XlsxFormat(),
                new PptxFormat(),
                new ImageFormat()));
    }

    /** This registry and {@code format} after it (an extension's own format, a test's). */
    public FormatRegistry with(DocumentFormat format) {
        List<DocumentFormat> all = new ArrayList<>(formats);
        all.add(format);
        return new FormatRegistry(all);
    }

    public List<DocumentFormat> formats() {
        return formats;
    }

    /** The format for {@code file} by its name, if any handles it. */
    public Optional<DocumentFormat> forFile(Path file) {
        return formats.stream().filter(f -> f.supports(file)).findFirst();
    }

    public Optional<DocumentFormat> byId(String id) {
        return formats.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * What {@code file} is by its bytes and by its name (DESIGN §1.8). By content, a format that is
     * certain wins over one that finds it plausible; among equals, the one the name points to, else the
     * first registered.
     */
    public Identification identify(Path file) throws IOException {
        Optional<DocumentFormat> byName = forFile(file);
        ContentProbe probe = ContentProbe.of(file);
        DocumentFormat best = null;
        Recognition bestSure = Recognition.NONE;
        for (DocumentFormat f : formats) {
            Recognition r = f.recognise(probe);
            boolean named = byName.isPresent() && byName.get() == f;
            if (r.compareTo(bestSure) > 0 || r != Recognition.NONE && r == bestSure && named) {
                best = f;
                bestSure = r;
            }
        }
        return new Identification(file, byName, Optional.ofNullable(best));
    }

    /** Every extension, in registration order ({@code docx}, {@code pdf}, {@code txt}, …). */
    public List<String> extensions() {
        return formats.stream().flatMap(f -> f.extensions().stream()).toList();
    }

    /** {@code .docx, .pdf, .txt, .md, .markdown} for help texts and messages. */
    public String extensionList() {
        return String.join(", ", extensions().stream().map(e -> "." + e).toList());
    }

    /** Globs selecting every supported file under a folder ({@code **}{@code /*.docx}, …), for build tools. */
    public List<String> includeGlobs() {
        return extensions().stream().map(e -> "**/*." + e).toList();
    }

    /** The media type of {@code file} by its name; {@code application/octet-stream} when no format claims it. */
    public String mediaType(Path file) {
        return forFile(file).map(f -> f.mediaType(file)).orElse("application/octet-stream");
    }

    /**
     * What a file is by name and by content.
     *
     * @param file      the file
     * @param byName    the format its extension names
     * @param byContent the format its bytes show
     */
    public record Identification(Path file, Optional<DocumentFormat> byName, Optional<DocumentFormat> byContent) {

        /** The format to read it with: its content's, else its name's. */
        public Optional<DocumentFormat> format() {
            return byContent.or(() -> byName);
        }

        /** True when name and content point at different formats ({@code file.mismatch}). */
        public boolean mismatch() {
            return byName.isPresent() && byContent.isPresent() && byName.get() != byContent.get();
        }
    }
}
