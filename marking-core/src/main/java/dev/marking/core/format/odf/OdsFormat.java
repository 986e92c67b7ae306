package dev.marking.core.format.odf;

import dev.marking.core.format.Conversion;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.StampOptions;
import java.nio.file.Path;
import java.util.Optional;

/** OpenDocument spreadsheets ({@code .ods}): read; stamped by converting to XLSX ({@code --convert}). */
public final class OdsFormat extends OdfFormat {

    private static final Conversion CONVERSION = new Conversion("ods", "xlsx", "an OpenDocument spreadsheet");

    public OdsFormat() {
        super("ods", "application/vnd.oasis.opendocument.spreadsheet");
    }

    @Override
    ReadModel read(OdfPackage pkg) throws DocumentException {
        return OdsReader.read(pkg, id());
    }

    @Override
    public Optional<Conversion> conversion() {
        return Optional.of(CONVERSION);
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        throw CONVERSION.refusal(source);
    }
}
