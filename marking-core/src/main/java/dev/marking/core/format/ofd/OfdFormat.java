package dev.marking.core.format.ofd;

import dev.marking.core.format.CjkFontFiles;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.StampOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * OFD adapter (GB/T 33190-2016, China's fixed-layout format), written with the JDK's DOM and
 * {@code java.util.zip} only: reads page text, annotations, metadata and hidden parts; stamps a layer per
 * page, the first-page block and {@code CustomDatas}; refuses packages whose seal a stamp would break.
 */
public final class OfdFormat implements DocumentFormat {

    private final FontChoice fonts;
    private final OfdXml xml;

    /** Looks for system CJK fonts in the usual places before falling back to the bundled font. */
    public OfdFormat() {
        this(CjkFontFiles.SYSTEM);
    }

    /** Tries {@code systemFonts} in order (an empty list means: always the bundled font unless one is given). */
    public OfdFormat(List<Path> systemFonts) {
        this(systemFonts, OfdLimits.DEFAULT);
    }

    OfdFormat(List<Path> systemFonts, OfdLimits limits) {
        this.fonts = new FontChoice(systemFonts);
        this.xml = new OfdXml(limits);
    }

    @Override
    public String id() {
        return "ofd";
    }

    @Override
    public boolean supports(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".ofd");
    }

    @Override
    public ReadModel read(Path file) throws DocumentException {
        return new OfdModelReader(xml).read(file);
    }

    @Override
    public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        new OfdStamper(fonts, xml).stamp(source, target, options);
    }

    /** Reads and checks the package once; each copy is built from the bytes in memory. */
    @Override
    public PreparedSource prepare(Path source) throws DocumentException {
        return new PreparedOfd(source, new OfdStamper(fonts, xml), xml.limits());
    }
}
