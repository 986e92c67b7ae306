package dev.marking.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.MetadataKeys;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentIdsTest {

    @TempDir
    Path dir;

    @Test
    void aNewDocumentGetsItsHash() throws Exception {
        Path doc = Files.writeString(dir.resolve("a.md"), "正文\n");
        assertEquals(Stamper.documentId(doc), DocumentIds.of(FormatRegistry.standard(), doc));
        Path odd = Files.writeString(dir.resolve("a.xyz"), "x");
        assertEquals(Stamper.documentId(odd), DocumentIds.of(FormatRegistry.standard(), odd));
    }

    @Test
    void aStampedDocumentKeepsItsId() throws Exception {
        Path doc = Files.writeString(dir.resolve("a.fake"), "x");
        assertEquals("id-0001", DocumentIds.of(new FormatRegistry(List.of(new WithId("id-0001"))), doc));
        assertEquals(Stamper.documentId(doc), DocumentIds.of(new FormatRegistry(List.of(new WithId(" "))), doc));
    }

    /** A format whose documents carry {@code marking.id}. */
    private record WithId(String id) implements DocumentFormat {
        @Override
        public String id() {
            return "fake";
        }

        @Override
        public List<String> extensions() {
            return List.of("fake");
        }

        @Override
        public String mediaType() {
            return "application/octet-stream";
        }

        @Override
        public Recognition recognise(ContentProbe content) {
            return Recognition.NONE;
        }

        @Override
        public ReadModel read(Path file) {
            return new ReadModel(file, "fake", Unit.FILE, List.of(), List.of(), List.of(), Map.of(MetadataKeys.ID, id),
                    List.of());
        }

        @Override
        public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
            throw new DocumentException(source, DocumentException.Kind.UNSUPPORTED, "no");
        }
    }
}
