package dev.marking.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.ooxml.OoxmlKind;
import dev.marking.core.format.ooxml.OoxmlPackages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** POI's zip entry limit: ours plus a megabyte once set, below POI's own 100 MB record limit, and set by opening. */
class PoiLimitsTest {

    @Test
    void openingAPackageSetsTheLimit(@TempDir Path dir) throws IOException {
        Path notZip = Files.writeString(dir.resolve("a.docx"), "not a zip");
        try {
            OoxmlPackages.open(notZip, false, new OoxmlKind("DOCX", "Word", "Word 97-2003 .doc", "a Word document part",
                    Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")));
        } catch (DocumentException e) {
            // refused as not a package; the limit is set before anything is read
        }
        assertEquals(PoiLimits.MAX_PART_BYTES + (1 << 20), ZipSecureFile.getMaxEntrySize());
        assertTrue(ZipSecureFile.getMaxEntrySize() < 100_000_000L);
    }
}
