package dev.marking.core.format.legacy;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.model.Location;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.OldFileFormatException;
import org.apache.poi.POIDocument;
import org.apache.poi.hpsf.CustomProperties;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opening an OLE2 compound file for one of the legacy readers and turning what POI throws into a reason
 * a user understands: a password is {@code ENCRYPTED}, a Word 6/95-era file {@code UNSUPPORTED}, anything
 * else damaged {@code UNREADABLE}. Also the parts every legacy format shares: summary information and
 * embedded objects.
 */
final class OleFiles {

    /** Streams of a Microsoft Works word-processor file: Works 3/4 ({@code MatOST}) and Works 7+ (Quill96). */
    private static final Set<String> WORKS = Set.of("MatOST", "CONTENTS");
    /** Storages holding embedded OLE objects: Word's object pool, Excel's {@code MBD…} storages. */
    private static final String OBJECT_POOL = "ObjectPool";
    private static final String EXCEL_OBJECT = "MBD";

    /** Reads one opened compound file. */
    @FunctionalInterface
    interface Reader {
        ReadModel read(Path file, POIFSFileSystem fs) throws IOException, DocumentException;
    }

    private OleFiles() {
    }

    static ReadModel read(Path file, Reader reader) throws DocumentException {
        POIFSFileSystem fs;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(file, Kind.UNREADABLE, "not a readable Office 97-2003 (OLE2) file: "
                    + reason(e), e);
        }
        try (fs) {
            return reader.read(file, fs);
        } catch (EncryptedDocumentException e) {
            throw new DocumentException(file, Kind.ENCRYPTED, "the document is protected with a password", e);
        } catch (OldFileFormatException e) {
            throw new DocumentException(file, Kind.UNSUPPORTED, "written by an Office version older than 97, which"
                    + " marking cannot read; open it and save it as a current document", e);
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(file, Kind.UNREADABLE, "damaged or not what its name says: " + reason(e), e);
        }
    }

    /** A Microsoft Works file (the other {@code .wps}) is refused by name, not misread as damaged Word. */
    static void refuseWorks(Path file, POIFSFileSystem fs) throws DocumentException {
        Set<String> names = fs.getRoot().getEntryNames();
        if (!names.contains("WordDocument") && names.stream().anyMatch(WORKS::contains)) {
            throw new DocumentException(file, Kind.UNSUPPORTED, "a Microsoft Works document (not Kingsoft WPS Writer);"
                    + " marking cannot read Works files: open it in LibreOffice or Works and save it as .docx");
        }
    }

    /**
     * Summary information into {@code properties} (custom properties by name, {@code marking.*} included;
     * author, last author and company as {@code core.*}) and the people it names into {@code hidden}, as the
     * DOCX reader does. A damaged property stream is skipped: it holds metadata, not the document's text.
     */
    static void summary(POIDocument doc, Map<String, String> properties, List<HiddenItem> hidden) {
        try {
            DocumentSummaryInformation dsi = doc.getDocumentSummaryInformation();
            SummaryInformation si = doc.getSummaryInformation();
            CustomProperties custom = dsi == null ? null : dsi.getCustomProperties();
            if (custom != null) {
                for (String name : custom.nameSet()) {
                    Object value = custom.get(name);
                    if (name != null && value != null) {
                        properties.put(name, String.valueOf(value).strip());
                    }
                }
            }
            String author = si == null ? null : si.getAuthor();
            String last = si == null ? null : si.getLastAuthor();
            String company = dsi == null ? null : dsi.getCompany();
            put(properties, "core.creator", author);
            put(properties, "core.lastModifiedBy", last);
            put(properties, "core.company", company);
            property(hidden, "core.creator", author);
            property(hidden, "core.lastModifiedBy", last);
            property(hidden, "app.company", company);
        } catch (RuntimeException e) {
            // unreadable summary information: nothing to add
        }
    }

    /** One item per embedded object storage (Word's {@code ObjectPool}, Excel's {@code MBD…}). */
    static void embedded(POIFSFileSystem fs, List<HiddenItem> hidden) {
        DirectoryEntry root = fs.getRoot();
        for (Entry e : root) {
            if (e instanceof DirectoryEntry d && OBJECT_POOL.equals(d.getName())) {
                for (Entry object : d) {
                    hidden.add(new HiddenItem(HiddenKind.EMBEDDED_OBJECT, object.getName(), Location.part("embedded-object")));
                }
            } else if (e instanceof DirectoryEntry d && d.getName().startsWith(EXCEL_OBJECT)) {
                hidden.add(new HiddenItem(HiddenKind.EMBEDDED_OBJECT, d.getName(), Location.part("embedded-object")));
            }
        }
    }

    private static void put(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value.strip());
        }
    }

    private static void property(List<HiddenItem> hidden, String key, String value) {
        if (value != null && !value.isBlank()) {
            hidden.add(new HiddenItem(HiddenKind.PROPERTY, value.strip(), Location.part("property:" + key)));
        }
    }

    /** The exception's message without a stack trace, or its type when it has none. */
    static String reason(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m).strip();
    }
}
