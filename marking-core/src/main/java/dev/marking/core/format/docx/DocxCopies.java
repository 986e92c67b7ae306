package dev.marking.core.format.docx;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Numbered copies of one DOCX (the fast path of {@link DocxFormat#prepare}): the source is stamped
 * once per kind of stamp into a {@link CopyTemplate}, and each copy only fills in its copy number,
 * footer, watermark text, covert mark and recipient. A copy reads back exactly like a normal stamp.
 * Copies without a number, recipients that XML cannot hold and packages too large for the template
 * are stamped the normal way.
 */
final class DocxCopies implements PreparedSource {

    private static final int BUFFER = 64 * 1024;
    private static final CopyNumber ANY = new CopyNumber(1);

    private final Path source;
    private final DocxFormat format;
    private final String nonce;
    /** Templates by the options with copy number and recipient blanked: all copies of a batch share one. */
    private final ConcurrentMap<StampOptions, Optional<CopyTemplate>> templates = new ConcurrentHashMap<>();

    DocxCopies(Path source, DocxFormat format) {
        this.source = source;
        this.format = format;
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.nonce = HexFormat.of().formatHex(random);
    }

    @Override
    public void stamp(Path target, StampOptions options) throws DocumentException {
        Marking m = options.marking();
        if (m.copy().isEmpty() || !m.recipient().map(DocxCopies::xmlSafe).orElse(true)) {
            format.stamp(source, target, options);
            return;
        }
        StampOptions key = options.withMarking(m.withCopy(ANY).withRecipient(m.recipient().isPresent() ? "" : null));
        Optional<CopyTemplate> template = template(key);
        if (template.isEmpty()) {
            format.stamp(source, target, options);
            return;
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), BUFFER)) {
            template.get().write(out, CopyTexts.of(options));
        } catch (IOException e) {
            throw new DocumentException(target, Kind.UNREADABLE, "cannot write the stamped copy: " + e.getMessage(), e);
        }
    }

    private Optional<CopyTemplate> template(StampOptions key) throws DocumentException {
        try {
            return templates.computeIfAbsent(key, k -> {
                try {
                    return build(k);
                } catch (DocumentException e) {
                    throw new UncheckedDocumentException(e);
                }
            });
        } catch (UncheckedDocumentException e) {
            throw e.getCause();
        }
    }

    private Optional<CopyTemplate> build(StampOptions options) throws DocumentException {
        ByteArrayOutputStream stamped = new ByteArrayOutputStream();
        format.stamp(source, stamped, options, CopyTexts.placeholders(nonce), source);
        try {
            return CopyTemplate.of(stamped.toByteArray(), nonce);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when every character may appear in XML 1.0 (the normal stamp fails on the others, as it should). */
    private static boolean xmlSafe(String s) {
        return s.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF);
    }

    /** Carries a checked exception out of {@link ConcurrentMap#computeIfAbsent}. */
    private static final class UncheckedDocumentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedDocumentException(DocumentException cause) {
            super(cause);
        }

        @Override
        public synchronized DocumentException getCause() {
            return (DocumentException) super.getCause();
        }
    }
}
