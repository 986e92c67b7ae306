package dev.marking.core.format;

import dev.marking.core.text.Messages;
import java.util.Optional;

/**
 * What a file is, by its bytes first and then its name (DESIGN §1.8), and so what a scan does with it: read it
 * with a format, report it as a document no format reads, or skip it as not a document.
 */
public sealed interface FileClass {

    /**
     * A document a registered format reads.
     *
     * @param format   the format to read it with (its content's when that is certain, else its name's)
     * @param misnamed the file's extension when it disagrees with the content ({@code file.mismatch}); empty when
     *                 it agrees or there is none
     */
    record Document(DocumentFormat format, Optional<String> misnamed) implements FileClass {
    }

    /**
     * A document no registered format reads ({@code file.unsupported}): document content no format claims, a
     * document extension on content no format reads, or a document extension no format claims.
     *
     * @param misnamed the file's extension when it names a document but the content is something else
     * @param content  what the content is
     */
    record Unsupported(Optional<String> misnamed, KnownContent.Kind content) implements FileClass {

        /** {@code marking cannot read this kind of document: the name says .docx but the content is an image (PNG)}. */
        public String describe(Messages messages) {
            String what = content.describe(messages);
            return messages.format("file.unsupported", misnamed.map(ext -> messages.format("unsupported.misnamed", ext,
                    what)).orElse(what));
        }
    }

    /**
     * Not a document (a program, an image, source code, data…): skipped when found in a folder, and counted.
     *
     * @param kind what it is
     */
    record NotDocument(KnownContent.Kind kind) implements FileClass {

        /** {@code not a document marking reads: source code (.java)}, for a file named on its own. */
        public String describe(Messages messages) {
            return messages.format("file.not-document", kind.describe(messages));
        }
    }
}
