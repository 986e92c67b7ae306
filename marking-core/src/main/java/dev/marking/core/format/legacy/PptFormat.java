package dev.marking.core.format.legacy;

import dev.marking.core.format.Conversion;
import dev.marking.core.format.ReadModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** PowerPoint 97–2003 presentations ({@code .ppt}, HSLF) and Kingsoft WPS Presentation files ({@code .dps}). */
public final class PptFormat extends OleFormat {

    private static final Set<String> STREAMS = Set.of("PowerPoint Document");

    /** PowerPoint 97–2003, {@code .ppt}. */
    public PptFormat() {
        super("ppt", "application/vnd.ms-powerpoint", new Conversion("ppt", "pptx", "a legacy PowerPoint file"),
                STREAMS);
    }

    private PptFormat(String id, String mediaType, Conversion conversion) {
        super(id, mediaType, conversion, STREAMS);
    }

    /** Kingsoft WPS Presentation, {@code .dps}. */
    public static PptFormat kingsoft() {
        return new PptFormat("dps", "application/wps-office.dps",
                new Conversion("ppt", "pptx", "a WPS Presentation file"));
    }

    @Override
    ReadModel read(Path file, POIFSFileSystem fs) throws IOException {
        try (HSLFSlideShow show = new HSLFSlideShow(fs.getRoot())) {
            return PptReader.read(file, id(), show);
        }
    }
}
