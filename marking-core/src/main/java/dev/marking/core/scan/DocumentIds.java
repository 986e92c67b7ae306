package dev.marking.core.scan;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.MetadataKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code marking.id} to stamp: the one a stamped document already carries in its metadata, so its copies
 * share it, else one made from a hash of the bytes. Only the metadata is read, never the content.
 */
public final class DocumentIds {

    private DocumentIds() {
    }

    public static String of(FormatRegistry formats, Path file) throws IOException {
        Optional<DocumentFormat> format = formats.forFile(file);
        if (format.isPresent()) {
            try {
                String id = format.get().metadata(file).get(MetadataKeys.ID);
                if (id != null && !id.isBlank()) {
                    return id;
                }
            } catch (DocumentException e) {
                // Stamping will fail with the reason; any id will do until then.
                return Stamper.documentId(file);
            }
        }
        return Stamper.documentId(file);
    }
}
