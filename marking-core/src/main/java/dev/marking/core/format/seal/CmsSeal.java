package dev.marking.core.format.seal;

import dev.marking.core.format.SealKey;
import dev.marking.core.format.Seals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableFile;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Detached seals for formats with no signature of their own (text, Markdown): a DER CMS signature beside the file
 * ({@code name.md.p7s}) that {@code openssl cms -verify -binary -inform DER -content name.md} accepts; the
 * marking sealed is in its content-hints attribute.
 */
final class CmsSeal {

    /** The extension of the signature file. */
    static final String EXTENSION = ".p7s";

    private CmsSeal() {
    }

    /** Where the detached signature of {@code file} lives. */
    static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + EXTENSION);
    }

    /** The DER signature of {@code content}'s bytes as they are now. */
    static byte[] sign(Path content, SealKey key, String mark) throws IOException {
        return CmsSignatures.sign(key, new CMSProcessableFile(content.toFile()), false, mark).getEncoded("DER");
    }

    /** Checks {@code signature} (DER) against {@code content}. */
    static Seals.Signature verify(Path content, byte[] signature) {
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableFile(content.toFile()), signature);
            Seals.Signature s = CmsSignatures.verify("cms", cms, true, null);
            return new Seals.Signature("cms", s.intact(), s.problem(), s.intact(), s.chain(), s.signedMark());
        } catch (CMSException | RuntimeException e) {
            return new Seals.Signature("cms", false, "the .p7s file is not a CMS signature: " + e.getMessage(), false,
                    java.util.List.of(), "");
        }
    }

    /** True when {@code file} has a detached signature beside it. */
    static boolean present(Path file) {
        return Files.isRegularFile(sidecar(file));
    }
}
