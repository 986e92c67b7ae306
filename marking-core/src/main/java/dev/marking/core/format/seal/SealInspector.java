package dev.marking.core.format.seal;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Seals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the signatures a file carries and checks each against what it covers; for a PDF changed after its newest
 * signature, reads that signed revision with the format too, so the seal rule can say what changed. A file whose
 * signatures cannot be read at all is reported as one broken signature, never thrown.
 */
public final class SealInspector {

    private SealInspector() {
    }

    /** The seals of {@code file}, a document of {@code format}. */
    public static Seals seals(DocumentFormat format, Path file) {
        try {
            return switch (format.id()) {
                case "pdf" -> pdf(format, file);
                case "docx", "xlsx", "pptx" -> OoxmlSeal.inspect(file);
                default -> CmsSeal.present(file)
                        ? new Seals(List.of(CmsSeal.verify(file, Files.readAllBytes(CmsSeal.sidecar(file)))),
                                Optional.empty())
                        : Seals.NONE;
            };
        } catch (IOException | RuntimeException e) {
            return new Seals(List.of(new Seals.Signature(format.id(), false, "the signatures cannot be read: "
                    + e.getMessage(), false, List.of(), "")), Optional.empty());
        }
    }

    /** The detached signature beside {@code file} ({@code file.p7s}), when there is one. */
    public static Optional<Path> detached(Path file) {
        return CmsSeal.present(file) ? Optional.of(CmsSeal.sidecar(file)) : Optional.empty();
    }

    private static Seals pdf(DocumentFormat format, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (!contains(bytes, "/ByteRange")) {
            return Seals.NONE;
        }
        PdfSeal.Inspection found = PdfSeal.inspect(bytes);
        Optional<ReadModel> revision = Optional.empty();
        if (found.signedRevision().isPresent()) {
            Path temp = Files.createTempFile("marking-revision-", ".pdf");
            try {
                Files.write(temp, found.signedRevision().get());
                revision = Optional.of(format.read(temp));
            } catch (DocumentException e) {
                revision = Optional.empty();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return new Seals(found.signatures(), revision);
    }

    /** True when {@code bytes} hold {@code ascii} (a cheap test before a PDF is parsed for signatures). */
    private static boolean contains(byte[] bytes, String ascii) {
        byte[] needle = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
