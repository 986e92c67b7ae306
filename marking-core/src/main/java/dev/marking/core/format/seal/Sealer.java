package dev.marking.core.format.seal;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.SealKey;
import dev.marking.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Seals a stamped file with the format's own signature (DESIGN §1.10): PDF a PAdES signature in the file, OOXML
 * the package signature, everything else a detached CMS signature beside the file. Stamping calls it on the
 * staged file before the file is moved into place.
 */
public final class Sealer {

    private Sealer() {
    }

    /**
     * Signs {@code staged} (a stamped file of format {@code formatId}, about to become {@code target}) with
     * {@code key}; the signature names {@code reason} (the marking). A detached signature is written beside
     * {@code target} as {@code target.p7s}. Returns the signature file written beside it, or {@code target}'s own
     * path when the signature is inside the file.
     */
    public static Path seal(String formatId, Path staged, Path target, SealKey key, String reason)
            throws DocumentException {
        try {
            switch (formatId) {
                case "pdf" -> {
                    PdfSeal.sign(staged, key, reason);
                    return target;
                }
                case "docx", "xlsx", "pptx" -> {
                    OoxmlSeal.sign(staged, key, reason);
                    return target;
                }
                default -> {
                    Path sidecar = CmsSeal.sidecar(target);
                    byte[] der = CmsSeal.sign(staged, key, reason);
                    Path temp = AtomicFiles.newTemp(target.toAbsolutePath().getParent());
                    try {
                        Files.write(temp, der);
                        AtomicFiles.moveIntoPlace(temp, sidecar, true);
                    } finally {
                        Files.deleteIfExists(temp);
                    }
                    return sidecar;
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(target, DocumentException.Kind.REFUSED, "cannot sign the stamped file: "
                    + e.getMessage(), e);
        }
    }
}
