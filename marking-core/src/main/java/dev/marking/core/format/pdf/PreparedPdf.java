package dev.marking.core.format.pdf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.StampOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import dev.marking.core.model.Message;

/**
 * A PDF ready for many numbered copies. The first copy builds a {@link CopyTemplate}; every copy that
 * differs from it only in number and recipient is the template's bytes plus a small update. Copies
 * the template cannot serve (other options, a character whose glyph was not prepared, an encrypted or
 * certified source) are stamped the ordinary way. Safe for concurrent use.
 */
final class PreparedPdf implements PreparedSource {

    private final Path source;
    private final List<Path> systemFonts;
    private final List<String> recipients;
    private final Object lock = new Object();
    private Optional<CopyTemplate> template;

    PreparedPdf(Path source, List<Path> systemFonts, List<String> recipients) {
        this.source = source;
        this.systemFonts = List.copyOf(systemFonts);
        this.recipients = List.copyOf(recipients);
    }

    @Override
    public void stamp(Path target, StampOptions options) throws DocumentException {
        stamp(target, options, note -> { });
    }

    @Override
    public void stamp(Path target, StampOptions options, Consumer<Message> notes) throws DocumentException {
        Optional<CopyTemplate> t = template(options).filter(x -> x.accepts(options));
        if (t.isPresent()) {
            try {
                t.get().write(target, options);
                t.get().notes.forEach(notes);
                return;
            } catch (FrozenGlyphs.MissingGlyphException e) {
                // a recipient we were not told about: this copy is stamped the ordinary way
                deleteQuietly(target);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(target);
                throw new DocumentException(source, Kind.UNREADABLE, "cannot write the copy: " + PdfDocuments.reason(e), e);
            }
        }
        new PdfStamper(systemFonts).stamp(source, target, options, notes);
    }

    private Optional<CopyTemplate> template(StampOptions options) {
        synchronized (lock) {
            if (template == null) {
                try {
                    template = CopyTemplate.build(source, options, recipients, systemFonts);
                } catch (DocumentException | IOException | RuntimeException e) {
                    // the ordinary stamp reports what is wrong with the source, copy by copy
                    template = Optional.empty();
                }
            }
            return template;
        }
    }

    private static void deleteQuietly(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            // the caller's temporary file; the ordinary stamp overwrites it
            return;
        }
    }
}
