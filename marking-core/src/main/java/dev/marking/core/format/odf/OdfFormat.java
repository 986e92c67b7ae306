package dev.marking.core.format.odf;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import java.nio.file.Path;
import java.util.List;

/**
 * An OpenDocument format, recognised by the package's {@code mimetype} part: text ({@code .odt}),
 * spreadsheet ({@code .ods}) or presentation ({@code .odp}), templates included.
 */
abstract class OdfFormat implements DocumentFormat {

    private static final int MIMETYPE_BYTES = 100;

    private final String id;
    private final String mediaType;

    OdfFormat(String id, String mediaType) {
        this.id = id;
        this.mediaType = mediaType;
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
    public final ReadModel read(Path file) throws DocumentException {
        try (OdfPackage pkg = OdfPackage.open(file)) {
            check(pkg);
            return read(pkg);
        }
    }

    /** Reads an opened package of this format. */
    abstract ReadModel read(OdfPackage pkg) throws DocumentException;

    /** Refuses a package whose {@code mimetype} names another format (a spreadsheet named {@code .odt}). */
    void check(OdfPackage pkg) throws DocumentException {
        String type = pkg.mimetype();
        if (!type.isEmpty() && !type.equals(mediaType) && !type.equals(mediaType + "-template")) {
            throw new DocumentException(pkg.file(), Kind.UNREADABLE, "the package is " + type + ", not " + mediaType);
        }
        if (!pkg.has("content.xml")) {
            throw new DocumentException(pkg.file(), Kind.UNREADABLE, "not an OpenDocument package (no content.xml)");
        }
    }
}
