package dev.marking.core.format.odf;

import dev.marking.core.format.Conversion;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.StampOptions;
import java.nio.file.Path;
import java.util.Optional;

/** OpenDocument presentations ({@code .odp}): read; stamped by converting to PPTX ({@code --convert}). */
public final class OdpFormat extends OdfFormat {

    private static final Conversion CONVERSION = new Conversion("odp", "pptx", "an OpenDocument presentation");

    public OdpFormat() {
        super("odp", "application/vnd.oasis.opendocument.presentation");
    }

    @Override
    ReadModel read(OdfPackage pkg) throws DocumentException {
        return OdpReader.read(pkg, id());
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
