package dev.marking.core.format.ofd;

import dev.marking.core.format.CjkFontFiles;
import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import java.nio.file.Path;
import java.util.List;

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
    public List<String> extensions() {
        return List.of("ofd");
    }

    @Override
    public String mediaType() {
        return "application/ofd";
    }

    /** A ZIP package whose root names {@code OFD.xml}, the entry point GB/T 33190 requires. */
    @Override
    public Recognition recognise(ContentProbe content) {
        return content.zipEntries().contains("OFD.xml") ? Recognition.CERTAIN : Recognition.NONE;
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
