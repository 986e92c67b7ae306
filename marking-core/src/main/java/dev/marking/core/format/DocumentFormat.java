package dev.marking.core.format;

import dev.marking.core.model.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One file format: declares how files of it are named and recognised, reads a file into a
 * {@link ReadModel} and stamps a marking onto a copy. Registered in {@link FormatRegistry#standard()};
 * nothing else lists formats.
 */
public interface DocumentFormat {

    /** {@code docx}, {@code pdf}, {@code text}: names the format in reports. */
    String id();

    /** File name extensions, lower case without the dot ({@code docx}); the first is the usual one. */
    List<String> extensions();

    /** The IANA media type of files of this format. */
    String mediaType();

    /** The media type of {@code file}, for formats whose extensions differ ({@code .md} is {@code text/markdown}). */
    default String mediaType(Path file) {
        return mediaType();
    }

    /**
     * How sure this format is that {@code content} is its own, from bytes alone: magic numbers, the
     * entries of a ZIP package, the streams of an OLE2 file. Never throws; damaged content is {@code NONE}
     * or {@code PLAUSIBLE}, and reading then says what is wrong.
     */
    Recognition recognise(ContentProbe content);

    /** True when the file's name has one of {@link #extensions()}. */
    default boolean supports(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString().toLowerCase(Locale.ROOT);
        return extensions().stream().anyMatch(e -> n.endsWith("." + e));
    }

    /**
     * For formats marking reads but never writes: how a file is converted to a format that stamps
     * ({@code .doc} → {@code .docx}). Their {@link #stamp} refuses with {@link Conversion#refusal}.
     */
    default Optional<Conversion> conversion() {
        return Optional.empty();
    }

    /** Reads the file; never modifies it. Pages without text of their own are not read by OCR. */
    ReadModel read(Path file) throws DocumentException;

    /**
     * Reads the file, running OCR as {@code ocr} says on pages without text of their own (scans, page
     * images). Formats that never hold such pages ignore {@code ocr}.
     */
    default ReadModel read(Path file, OcrSettings ocr) throws DocumentException {
        return read(file);
    }

    /**
     * The file's metadata ({@code marking.id}, {@code marking.copy}, … as {@link ReadModel#properties()} holds
     * them), read without the content: what stamping and pre-send need to know which document and copy a
     * file is. Adapters whose metadata can be read on its own override the default, which reads everything.
     */
    default Map<String, String> metadata(Path file) throws DocumentException {
        return read(file).properties();
    }

    /**
     * Writes a stamped copy of {@code source} to {@code target}. {@code target} is a fresh temporary
     * file chosen by the caller, which renames it into place; the adapter never touches {@code source}.
     * Stamping an already stamped file replaces our previous stamp instead of adding a second one.
     */
    void stamp(Path source, Path target, StampOptions options) throws DocumentException;

    /**
     * {@link #stamp(Path, Path, StampOptions)}, telling {@code notes} what the user should know about the
     * result: pages whose content was shrunk to make room, an earlier marking removed, a signature that
     * had to go. Adapters with something to say override this one; the default says nothing.
     */
    default void stamp(Path source, Path target, StampOptions options, Consumer<Message> notes) throws DocumentException {
        stamp(source, target, options);
    }

    /**
     * Reads {@code source} once for stamping many numbered copies. The result must be safe to call from
     * several threads at once. The default stamps each copy from the source again; adapters override it
     * to parse once and change only what differs per copy.
     */
    default PreparedSource prepare(Path source) throws DocumentException {
        return new PreparedSource() {
            @Override
            public void stamp(Path target, StampOptions options) throws DocumentException {
                DocumentFormat.this.stamp(source, target, options);
            }

            @Override
            public void stamp(Path target, StampOptions options, Consumer<Message> notes) throws DocumentException {
                DocumentFormat.this.stamp(source, target, options, notes);
            }
        };
    }

    /**
     * {@link #prepare(Path)}, told the recipients' labels the copies will carry, so that an adapter can
     * make room for them once (PDF embeds their glyphs in the shared base).
     */
    default PreparedSource prepare(Path source, List<String> recipientLabels) throws DocumentException {
        return prepare(source);
    }
}
