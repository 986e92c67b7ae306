package dev.marking.core.format.legacy;

import dev.marking.core.format.Conversion;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.ReadModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Word 97–2003 documents ({@code .doc}, HWPF) and Kingsoft WPS Writer files ({@code .wps}), which are the
 * same Word binary. A Microsoft Works file, the other {@code .wps}, is recognised by its streams and
 * refused as unsupported.
 */
public final class DocFormat extends OleFormat {

    private static final Set<String> WORD = Set.of("WordDocument");
    /** Word, plus the streams of Microsoft Works files: a {@code .wps} that is one is still ours to refuse. */
    private static final Set<String> WPS = Set.of("WordDocument", "MatOST", "CONTENTS");

    /** Word 97–2003, {@code .doc}. */
    public DocFormat() {
        super("doc", "application/msword", new Conversion("doc", "docx", "a legacy Word file"), WORD);
    }

    private DocFormat(String id, String mediaType, Conversion conversion, Set<String> streams) {
        super(id, mediaType, conversion, streams);
    }

    /** Kingsoft WPS Writer, {@code .wps} (Kingsoft's media type; Microsoft Works files share the extension). */
    public static DocFormat kingsoft() {
        return new DocFormat("wps", "application/wps-office.wps", new Conversion("doc", "docx", "a WPS Writer file"),
                WPS);
    }

    @Override
    ReadModel read(Path file, POIFSFileSystem fs) throws DocumentException, IOException {
        OleFiles.refuseWorks(file, fs);
        HWPFDocument doc = new HWPFDocument(fs.getRoot());
        List<HiddenItem> objects = new ArrayList<>();
        OleFiles.embedded(fs, objects);
        return DocReader.read(file, id(), doc, objects);
    }
}
