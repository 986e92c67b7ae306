package dev.marking.core.format.ofd;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.StampOptions;
import java.nio.file.Path;

/**
 * An OFD ready for many numbered copies: the package is read, bounded and checked once; every copy is
 * stamped from those bytes in memory (the XML parts are small; each copy parses its own, so copies can be
 * stamped on several threads at once). A source that cannot be read fails here, before any copy.
 */
final class PreparedOfd implements PreparedSource {

    private final OfdStamper stamper;
    private final OfdPackage pkg;

    PreparedOfd(Path source, OfdStamper stamper, OfdLimits limits) throws DocumentException {
        this.stamper = stamper;
        this.pkg = OfdPackage.read(source, limits);
    }

    @Override
    public void stamp(Path target, StampOptions options) throws DocumentException {
        stamper.stamp(pkg, target, options);
    }
}
