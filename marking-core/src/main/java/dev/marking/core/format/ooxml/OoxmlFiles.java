package dev.marking.core.format.ooxml;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.ReadModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;

/**
 * Reading and stamping an Office Open XML document the same way for every kind: open the package
 * (see {@link OoxmlPackages}), load POI's document over it, read or change it in memory, write a stamped
 * copy to the target, and close the package without ever writing the source back.
 */
public final class OoxmlFiles {

    /** POI's document over an opened package ({@code XSSFWorkbook::new}, {@code XMLSlideShow::new}). */
    @FunctionalInterface
    public interface Loader<D extends POIXMLDocument> {
        D load(OPCPackage pkg) throws IOException;
    }

    /** Stamps a loaded document in memory. */
    @FunctionalInterface
    public interface Stamping<D extends POIXMLDocument> {
        void stamp(D doc) throws DocumentException, InvalidFormatException;
    }

    private OoxmlFiles() {
    }

    /** Reads {@code file} of {@code kind} into a model. */
    public static <D extends POIXMLDocument> ReadModel read(Path file, OoxmlKind kind, Loader<D> loader,
            Function<D, ReadModel> reader) throws DocumentException {
        D doc = open(file, false, kind, loader);
        try {
            return reader.apply(doc);
        } catch (RuntimeException e) {
            throw OoxmlPackages.unreadable(file, kind, e);
        } finally {
            OoxmlPackages.discard(doc.getPackage());
        }
    }

    /** Writes a stamped copy of {@code source} to {@code target}; a signed package is refused. */
    public static <D extends POIXMLDocument> void stamp(Path source, Path target, OoxmlKind kind, Loader<D> loader,
            Stamping<D> stamping) throws DocumentException {
        D doc = open(source, true, kind, loader);
        try {
            if (OoxmlPackages.signed(doc.getPackage())) {
                throw OoxmlPackages.signedRefusal(source);
            }
            stamping.stamp(doc);
            try (OutputStream out = Files.newOutputStream(target)) {
                doc.write(out);
            } catch (IOException e) {
                throw new DocumentException(target, Kind.UNREADABLE, "cannot write the stamped copy: " + e.getMessage(), e);
            }
        } catch (InvalidFormatException | RuntimeException e) {
            throw OoxmlPackages.unreadable(source, kind, e);
        } finally {
            OoxmlPackages.discard(doc.getPackage());
        }
    }

    private static <D extends POIXMLDocument> D open(Path file, boolean writable, OoxmlKind kind, Loader<D> loader)
            throws DocumentException {
        OPCPackage pkg = OoxmlPackages.open(file, writable, kind);
        try {
            return loader.load(pkg);
        } catch (IOException | RuntimeException e) {
            OoxmlPackages.discard(pkg);
            throw OoxmlPackages.unreadable(file, kind, e);
        }
    }
}
