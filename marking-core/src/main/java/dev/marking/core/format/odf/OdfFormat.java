package dev.marking.core.format.odf;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.Conversion;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An OpenDocument format, recognised by the package's {@code mimetype} part: text ({@link OdtFormat}, which
 * stamps), spreadsheet ({@code .ods}) or presentation ({@code .odp}), templates included. Spreadsheets and
 * presentations are read here and stamped by converting them to XLSX/PPTX ({@code --convert}).
 */
public class OdfFormat implements DocumentFormat {

    private static final int MIMETYPE_BYTES = 100;

    /** Reads an opened package into a read model with the format's id. */
    @FunctionalInterface
    interface Reader {
        ReadModel read(OdfPackage pkg, String format) throws DocumentException;
    }

    private final String id;
    private final String mediaType;
    private final Reader reader;
    private final Optional<Conversion> conversion;

    OdfFormat(String id, String mediaType, Reader reader, Optional<Conversion> conversion) {
        this.id = id;
        this.mediaType = mediaType;
        this.reader = reader;
        this.conversion = conversion;
    }

    /** OpenDocument spreadsheets ({@code .ods}): every cell, sheet headers and footers, comments, hidden sheets. */
    public static OdfFormat spreadsheet() {
        return new OdfFormat("ods", "application/vnd.oasis.opendocument.spreadsheet", OdsReader::read,
                Optional.of(new Conversion("ods", "xlsx", "an OpenDocument spreadsheet")));
    }

    /** OpenDocument presentations ({@code .odp}): slide and master text, notes, comments, hidden slides. */
    public static OdfFormat presentation() {
        return new OdfFormat("odp", "application/vnd.oasis.opendocument.presentation", OdpReader::read,
                Optional.of(new Conversion("odp", "pptx", "an OpenDocument presentation")));
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final List<String> extensions() {
        return List.of(id);
    }

    @Override
    public final String mediaType() {
        return mediaType;
    }

    /** The {@code mimetype} part names this format (or its template variant, {@code …-template}). */
    @Override
    public Recognition recognise(ContentProbe content) {
        return content.zipText("mimetype", MIMETYPE_BYTES).map(String::strip)
                .filter(t -> t.equals(mediaType) || t.equals(mediaType + "-template"))
                .map(t -> Recognition.CERTAIN).orElse(Recognition.NONE);
    }

    @Override
    public final Optional<Conversion> conversion() {
        return conversion;
    }

    @Override
    public final ReadModel read(Path file) throws DocumentException {
        try (OdfPackage pkg = OdfPackage.open(file)) {
            check(pkg);
            return reader.read(pkg, id);
        }
    }

    /** Formats that convert refuse here with the conversion's one line ({@link OdtFormat} stamps itself). */
    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        throw conversion.orElseThrow().refusal(source);
    }

    /** Refuses a package whose {@code mimetype} names another format (a spreadsheet named {@code .odt}). */
    final void check(OdfPackage pkg) throws DocumentException {
        String type = pkg.mimetype();
        if (!type.isEmpty() && !type.equals(mediaType) && !type.equals(mediaType + "-template")) {
            throw new DocumentException(pkg.file(), Kind.UNREADABLE, "the package is " + type + ", not " + mediaType);
        }
        if (!pkg.has("content.xml")) {
            throw new DocumentException(pkg.file(), Kind.UNREADABLE, "not an OpenDocument package (no content.xml)");
        }
    }
}
