package dev.marking.core.format.convert;

import dev.marking.core.format.Conversion;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.HiddenKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * What stamping one file works on: the file itself with its own adapter or, for a format that is never
 * written ({@link DocumentFormat#conversion()}), a LibreOffice conversion to its modern counterpart with
 * that format's adapter. Closing it deletes the converted copy.
 */
public final class StampSource implements AutoCloseable {

    private static final Pattern EMBEDDINGS = Pattern.compile("(word|xl|ppt)/embeddings/[^/]+");

    private final DocumentFormat format;
    private final Path file;
    private final OfficeConverter.Converted converted;

    private StampSource(DocumentFormat format, Path file, OfficeConverter.Converted converted) {
        this.format = format;
        this.file = file;
        this.converted = converted;
    }

    /**
     * The source to stamp {@code file} (of {@code format}) from. Conversion happens only when {@code convert}
     * is on; the file is read first, so an encrypted, damaged or unsupported one fails with its own reason
     * (with or without {@code convert}: never "use --convert" for a file that could not be stamped anyway)
     * before LibreOffice sees it, and a conversion that drops embedded objects (LibreOffice cannot write
     * every kind of OLE object into OOXML) is refused rather than stamped.
     *
     * @param converters where LibreOffice is, asked only when a conversion is needed
     */
    public static StampSource open(FormatRegistry formats, DocumentFormat format, Path file, boolean convert,
            Supplier<Optional<OfficeConverter>> converters) throws DocumentException {
        Optional<Conversion> conversion = format.conversion();
        if (conversion.isEmpty()) {
            return new StampSource(format, file, null);
        }
        Conversion c = conversion.get();
        long objects = format.read(file).hidden().stream().filter(h -> h.kind() == HiddenKind.EMBEDDED_OBJECT).count();
        if (!convert) {
            throw c.refusal(file);
        }
        DocumentFormat target = target(formats, c).orElseThrow(() -> c.noTarget(file));
        OfficeConverter converter = converters.get().orElseThrow(() -> c.noConverter(file));
        OfficeConverter.Converted out = converter.convert(file, c.source(), c.target());
        long kept = embeddings(out.file());
        if (kept < objects) {
            out.close();
            throw new DocumentException(file, DocumentException.Kind.REFUSED, name(file) + ": LibreOffice's conversion to ."
                    + c.target() + " keeps " + kept + " of its " + objects + " embedded objects; save it as ."
                    + c.target() + " in an office application and stamp that");
        }
        return new StampSource(target, out.file(), out);
    }

    /** Embedded objects of a converted OOXML package: its {@code word/ xl/ ppt/embeddings/} parts. */
    private static long embeddings(Path ooxml) throws DocumentException {
        try (ZipFile zip = new ZipFile(ooxml.toFile())) {
            return zip.stream().filter(e -> EMBEDDINGS.matcher(e.getName()).matches()).count();
        } catch (IOException e) {
            throw new DocumentException(ooxml, DocumentException.Kind.UNREADABLE, "LibreOffice wrote a damaged file: "
                    + e.getMessage(), e);
        }
    }

    private static String name(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /** The extension a stamped copy of {@code file} gets: the converted format's, else the file's own. */
    public static String extension(DocumentFormat format, Path file) {
        return format.conversion().map(Conversion::target).orElseGet(() -> {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot <= 0 ? "" : name.substring(dot + 1);
        });
    }

    /** The registered format that stamps files with the conversion's target extension. */
    public static Optional<DocumentFormat> target(FormatRegistry formats, Conversion c) {
        return formats.formats().stream().filter(f -> f.extensions().contains(c.target()) && f.conversion().isEmpty())
                .findFirst();
    }

    /** The adapter that stamps {@link #file()}. */
    public DocumentFormat format() {
        return format;
    }

    /** The file to stamp from: the source, or its converted copy. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        if (converted != null) {
            converted.close();
        }
    }
}
