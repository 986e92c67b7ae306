package dev.marking.core.format.odf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.StampOptions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * OpenDocument text ({@code .odt}), as LibreOffice and WPS write it. Reads body, master-page headers and
 * footers, notes, comments, hidden text and metadata; stamps the running mark and footer into every master
 * page, the GB/T 9704 block at the top of the body, a diagonal watermark and {@code meta:user-defined} fields.
 */
public final class OdtFormat extends OdfFormat {

    public OdtFormat() {
        super("odt", "application/vnd.oasis.opendocument.text", OdtReader::read, Optional.empty());
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        try (OdfPackage pkg = OdfPackage.open(source)) {
            check(pkg);
            OdtStamper.stamp(pkg, target, options);
        }
    }
}
