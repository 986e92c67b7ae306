package dev.marking.core.scan;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.convert.OfficeConverter;
import dev.marking.core.format.convert.StampSource;
import dev.marking.core.format.seal.Sealer;
import dev.marking.core.io.AtomicFiles;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Message;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Stamps files safely: the input is never modified, the output is written to a temporary file in the
 * output folder and renamed into place, and nothing is left behind when stamping fails.
 */
public final class Stamper {

    private final FormatRegistry formats;
    private final Supplier<Optional<OfficeConverter>> converters;

    /** A stamper that converts legacy formats with LibreOffice from the {@code PATH} when asked to. */
    public Stamper(FormatRegistry formats) {
        this(formats, OfficeConverter::find);
    }

    /** A stamper that finds the converter for legacy formats through {@code converters}. */
    public Stamper(FormatRegistry formats, Supplier<Optional<OfficeConverter>> converters) {
        this.formats = formats;
        this.converters = converters;
    }

    /** The output name: {@code name.000003.docx} for a numbered copy, else the input's own name. */
    public static String outputName(Path source, StampOptions options) {
        return outputName(source, options, null, null);
    }

    /**
     * {@code name.000003.张三.docx}: copy number and (already sanitised) recipient when present. A source
     * that is itself a numbered copy ({@code name.000123.docx}, {@code name.000123.张三.docx}) loses its
     * old suffix first, so suffixes never pile up.
     */
    public static String outputName(Path source, StampOptions options, String recipientPart) {
        return outputName(source, options, recipientPart, null);
    }

    /**
     * {@link #outputName(Path, StampOptions, String)} with the extension of the written format when it differs
     * from the source's ({@code 报告.doc} → {@code 报告.000001.docx}, never {@code 报告.doc.000001.docx});
     * {@code null} keeps the source's.
     */
    public static String outputName(Path source, StampOptions options, String recipientPart, String extension) {
        return outputName(source, options.marking(), recipientPart, extension);
    }

    /** The output name of a copy of {@code source} carrying {@code marking}, written with {@code extension}. */
    public static String outputName(Path source, Marking marking, String recipientPart, String extension) {
        String name = source.getFileName().toString();
        StringBuilder suffix = new StringBuilder();
        marking.copy().ifPresent(c -> suffix.append('.').append(c.formatted()));
        if (recipientPart != null) {
            suffix.append('.').append(recipientPart);
        }
        int dot = name.lastIndexOf('.');
        String stem = dot <= 0 ? name : name.substring(0, dot);
        String own = dot <= 0 ? "" : name.substring(dot + 1);
        String ext = extension == null || extension.equalsIgnoreCase(own) ? own : extension;
        String bare = OLD_SUFFIX.matcher(stem).replaceFirst("");
        return (bare.isEmpty() ? stem : bare) + suffix + (ext.isEmpty() ? "" : "." + ext);
    }

    /** The suffix an earlier numbered copy carries: {@code .000123}, possibly followed by {@code .recipient}. */
    private static final java.util.regex.Pattern OLD_SUFFIX = java.util.regex.Pattern.compile("\\.\\d{6}(\\.[^.]*)?$");

    /** The extension a stamped {@code source} is written with: the converted format's for a legacy one. */
    public static String outputExtension(DocumentFormat format, Path source) {
        return StampSource.extension(format, source);
    }

    /** Stamps {@code source} into {@code outDir}, replacing a file of the output's name; returns the written file. */
    public Path stamp(Path source, Path outDir, StampOptions options) throws DocumentException, IOException {
        return stamp(source, outDir, options, true, note -> { });
    }

    /**
     * Stamps {@code source} into {@code outDir}, replacing a file of the output's name, telling {@code notes}
     * what the user should know about the result (pages shrunk to make room, an earlier marking removed, a
     * signature removed); returns the written file.
     */
    public Path stamp(Path source, Path outDir, StampOptions options, Consumer<Message> notes)
            throws DocumentException, IOException {
        return stamp(source, outDir, options, true, notes);
    }

    /**
     * Stamps {@code source} into {@code outDir}, telling {@code notes} what the user should know about the
     * result; returns the written file. Unless {@code replace}, an existing file of the output's name is never
     * replaced.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the output exists and may not be replaced
     */
    public Path stamp(Path source, Path outDir, StampOptions options, boolean replace, Consumer<Message> notes)
            throws DocumentException, IOException {
        DocumentFormat format = formats.forFile(source).orElseThrow(() -> new DocumentException(source,
                DocumentException.Kind.UNSUPPORTED, "unsupported file type (marking stamps " + formats.extensionList() + ")"));
        if (!Files.isRegularFile(source)) {
            throw new DocumentException(source, DocumentException.Kind.UNREADABLE, "no such file");
        }
        Files.createDirectories(outDir);
        Path target = outDir.resolve(outputName(source, options, null, StampSource.extension(format, source)));
        if (Files.exists(target) && Files.isSameFile(target, source)) {
            throw new DocumentException(source, DocumentException.Kind.REFUSED,
                    "the output would overwrite the input; choose another output folder");
        }
        try (StampSource input = StampSource.open(formats, format, source, options.convert(), converters)) {
            Path temp = AtomicFiles.newTemp(outDir);
            try {
                input.format().stamp(input.file(), temp, options, notes);
                seal(input.format(), temp, target, options);
                AtomicFiles.moveIntoPlace(temp, target, replace);
                return target;
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Signs the stamped file {@code staged}, about to become {@code target}, when {@code options} carry a key
     * (DESIGN §1.10): in the file for PDF and OOXML, beside {@code target} ({@code .p7s}) for the rest.
     */
    public static void seal(DocumentFormat format, Path staged, Path target, StampOptions options)
            throws DocumentException {
        if (options.seal().isPresent()) {
            Sealer.seal(format.id(), staged, target, options.seal().get(), options.sealReason());
        }
    }

    /** A stable document id: the first 16 hex digits of the source's SHA-256. */
    public static String documentId(Path source) throws IOException {
        return Digests.sha256(source).substring(0, 16);
    }
}
