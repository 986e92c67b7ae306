package dev.marking.core.format;

import dev.marking.core.format.docx.DocxFormat;
import dev.marking.core.format.ofd.OfdFormat;
import dev.marking.core.format.pdf.PdfFormat;
import dev.marking.core.format.text.TextFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The adapters marking knows, chosen by file name. */
public final class FormatRegistry {

    private final List<DocumentFormat> formats;

    public FormatRegistry(List<DocumentFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** Every built-in adapter. */
    public static FormatRegistry standard() {
        List<DocumentFormat> all = new ArrayList<>();
        all.add(new DocxFormat());
        all.add(new PdfFormat());
        all.add(new OfdFormat());
        all.add(new TextFormat());
        return new FormatRegistry(all);
    }

    /** The adapter for {@code file}, if any handles it. */
    public Optional<DocumentFormat> forFile(Path file) {
        return formats.stream().filter(f -> f.supports(file)).findFirst();
    }

    public List<DocumentFormat> formats() {
        return formats;
    }
}
