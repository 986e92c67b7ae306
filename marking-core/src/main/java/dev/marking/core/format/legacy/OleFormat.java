package dev.marking.core.format.legacy;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.Conversion;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * A format stored in an OLE2 compound file and recognised by its streams ({@code WordDocument},
 * {@code Workbook}, {@code PowerPoint Document}); read by POI, stamped only through conversion.
 */
abstract class OleFormat implements DocumentFormat {

    private final String id;
    private final String mediaType;
    private final Conversion conversion;
    private final Set<String> streams;

    OleFormat(String id, String mediaType, Conversion conversion, Set<String> streams) {
        this.id = id;
        this.mediaType = mediaType;
        this.conversion = conversion;
        this.streams = Set.copyOf(streams);
    }

    @Override
    public final String id() {
        return id;
    }

    /** The id is the extension: one format per extension, so reports say {@code wps} for a Kingsoft file. */
    @Override
    public final List<String> extensions() {
        return List.of(id);
    }

    @Override
    public final String mediaType() {
        return mediaType;
    }

    @Override
    public Recognition recognise(ContentProbe content) {
        return content.oleStreams().stream().anyMatch(streams::contains) ? Recognition.CERTAIN : Recognition.NONE;
    }

    @Override
    public final Optional<Conversion> conversion() {
        return Optional.of(conversion);
    }

    @Override
    public final ReadModel read(Path file) throws DocumentException {
        return OleFiles.read(file, this::read);
    }

    /** Reads an opened compound file; {@link OleFiles} turns POI's exceptions into reasons. */
    abstract ReadModel read(Path file, POIFSFileSystem fs) throws IOException, DocumentException;

    /** Never written: stamping goes through {@link Conversion} ({@code --convert}), else it is refused. */
    @Override
    public final void stamp(Path source, Path target, StampOptions options) throws DocumentException {
        throw conversion.refusal(source);
    }
}
