package dev.marking.core.format;

import dev.marking.core.format.docx.DocxFormat;
import dev.marking.core.format.image.ImageFormat;
import dev.marking.core.format.legacy.DocFormat;
import dev.marking.core.format.legacy.PptFormat;
import dev.marking.core.format.legacy.XlsFormat;
import dev.marking.core.format.odf.OdfFormat;
import dev.marking.core.format.odf.OdtFormat;
import dev.marking.core.format.ofd.OfdFormat;
import dev.marking.core.format.pdf.PdfFormat;
import dev.marking.core.format.pptx.PptxFormat;
import dev.marking.core.format.rtf.RtfFormat;
import dev.marking.core.format.text.TextFormat;
import dev.marking.core.format.xlsx.XlsxFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
                new DocFormat(),
                DocFormat.kingsoft(),
                new XlsFormat(),
                XlsFormat.kingsoft(),
                new PptFormat(),
                PptFormat.kingsoft(),
                new RtfFormat(),
                new OdtFormat(),
                OdfFormat.spreadsheet(),
                OdfFormat.presentation(),
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
        return identify(file, ContentProbe.of(file));
    }

    private Identification identify(Path file, ContentProbe probe) {
        Optional<DocumentFormat> byName = forFile(file);
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
        return new Identification(file, byName, Optional.ofNullable(best), bestSure);
    }

    /**
     * What {@code file} is and how to treat it (DESIGN §1.8): content a format is certain of is read with that
     * format whatever the name (a disagreeing extension is noted); else the format the name names reads it, unless
     * the content is plainly something else (an image named {@code .docx}); else document content or a document
     * extension no format reads is unsupported; everything else is not a document, named by its signature or
     * extension. Reads the first bytes only (and a container's listing); never opens anything but a regular file.
     */
    public FileClass classify(Path file) throws IOException {
        ContentProbe probe = ContentProbe.of(file);
        Identification id = identify(file, probe);
        String ext = extension(file);
        if (id.certainty() == Recognition.CERTAIN) {
            DocumentFormat f = id.byContent().orElseThrow();
            boolean agrees = ext.isEmpty() || f.supports(file);
            return new FileClass.Document(f, agrees ? Optional.empty() : Optional.of(ext));
        }
        String name = String.valueOf(file.getFileName());
        if (name.startsWith("~$")) {
            // An Office lock file ("owner file") beside an open document; a real document would be certain above.
            return new FileClass.NotDocument(new KnownContent.Kind("lock", false, name));
        }
        Optional<KnownContent.Kind> signature = KnownContent.bySignature(probe);
        if (id.byName().isPresent()) {
            DocumentFormat named = id.byName().get();
            boolean ownGuess = id.byContent().isPresent() && id.byContent().get() == named;
            return !ownGuess && signature.isPresent() ? new FileClass.Unsupported(Optional.of(ext), signature.get())
                    : new FileClass.Document(named, Optional.empty());
        }
        if (signature.isPresent()) {
            KnownContent.Kind k = signature.get();
            if (k.document() && id.byContent().isPresent() && (probe.zip() || probe.ole2())) {
                // A container a format finds plausible (a password-protected OOXML file): that format says what it is.
                return new FileClass.Document(id.byContent().get(), Optional.empty());
            }
            if (k.document()) {
                return new FileClass.Unsupported(Optional.empty(), k);
            }
            return KnownContent.documentExtension(ext) ? new FileClass.Unsupported(Optional.of(ext), k)
                    : new FileClass.NotDocument(k);
        }
        KnownContent.Kind byExtension = KnownContent.byExtension(ext, probe);
        return byExtension.document() ? new FileClass.Unsupported(Optional.empty(), byExtension)
                : new FileClass.NotDocument(byExtension);
    }

    /** The extension of {@code file}, lower case without the dot; empty when it has none. */
    public static String extension(Path file) {
        String name = String.valueOf(file.getFileName());
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
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
     * @param byContent the format its bytes show best
     * @param certainty how sure {@code byContent} is ({@code NONE} when there is none)
     */
    public record Identification(Path file, Optional<DocumentFormat> byName, Optional<DocumentFormat> byContent,
            Recognition certainty) {

        /** The format to read it with: its content's when certain, else its name's, else a plausible content's. */
        public Optional<DocumentFormat> format() {
            return certainty == Recognition.CERTAIN ? byContent : byName.or(() -> byContent);
        }

        /** True when name and content point at different formats and the content is certain ({@code file.mismatch}). */
        public boolean mismatch() {
            return certainty == Recognition.CERTAIN && byName.isPresent() && byName.get() != byContent.orElseThrow();
        }
    }
}
