package dev.marking.core.format.pdf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.StampOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import dev.marking.core.model.Message;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Stamps a copy of a PDF. Our previous stamp (content, shrink and metadata) is removed first, and an
 * earlier marking typed at the top of page 1 is cut out of the page ({@link EarlierPdfBlock}), so the
 * pages carry one level. Each page is laid out from where its ink is ({@link PagePlanner}). A signed PDF
 * is saved as an incremental update, which leaves the signed revision's bytes, and so its signatures,
 * intact; an Adobe usage-rights signature, which any change breaks, is removed. A PDF/A-1 file gets its
 * watermark without transparency. An owner-password-only PDF keeps its permissions
 * ({@link PdfProtection}). A PDF certified with "no changes allowed" is refused. The notes say what the
 * user should know. On any failure nothing is left at the target.
 */
final class PdfStamper {

    private final List<Path> systemFonts;

    PdfStamper(List<Path> systemFonts) {
        this.systemFonts = List.copyOf(systemFonts);
    }

    void stamp(Path source, Path target, StampOptions options, Consumer<Message> notes) throws DocumentException {
        PDDocument doc = null;
        boolean done = false;
        try {
            doc = PdfDocuments.open(source);
            if (PdfSignatures.certifiedNoChanges(doc)) {
                throw new DocumentException(source, Kind.REFUSED, "the PDF is certified with \"no changes allowed\"; "
                        + "stamping it would break the certification");
            }
            StampFonts fonts = fonts(source, doc, options);
            try (fonts) {
                apply(doc, source, fonts, options, notes);
                fonts.embedSubsets();
                save(doc, target, notes);
            }
            done = true;
        } catch (ContentLimits.LimitException e) {
            throw new DocumentException(source, Kind.UNREADABLE, "the PDF breaks a limit: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new DocumentException(source, Kind.UNREADABLE, "cannot stamp the PDF: " + PdfDocuments.reason(e), e);
        } finally {
            if (doc != null) {
                PdfDocuments.close(doc);
            }
            if (!done) {
                deleteQuietly(target);
            }
        }
    }

    private static void apply(PDDocument doc, Path source, StampFonts fonts, StampOptions options,
            Consumer<Message> notes) throws IOException {
        PageContents.removeEarlierMarkings(doc).ifPresent(o -> notes.accept(Message.of(o.removed() ? "stamp.earlier-removed"
                : "stamp.earlier-kept", o.text())));
        boolean solid = options.watermark() && PdfA.forbidsTransparency(doc);
        if (solid) {
            notes.accept(Message.of("stamp.pdfa-solid", PdfA.part(doc).getAsInt()));
        }
        PagePlanner planner = new PagePlanner(options, fonts);
        LayoutNotes layout = new LayoutNotes(options.layout());
        try (PageInkSource ink = PageInkSource.of(doc, source, options.layout())) {
            int index = 0;
            for (PDPage page : doc.getPages()) {
                PageFrame frame = PageFrame.of(page);
                PagePlan plan = planner.plan(frame, ink.of(index, frame), index == 0);
                if (options.watermark() && !solid && AnnotationWatermark.needed(page)) {
                    plan = plan.withWatermarkOnTop();
                }
                layout.add(index + 1, plan);
                StampPainter.paint(doc, page, plan, fonts, options, solid);
                index++;
            }
        }
        layout.report(notes);
        PdfMetadata.write(doc, options.metadata());
    }

    private static void save(PDDocument doc, Path target, Consumer<Message> notes) throws IOException {
        boolean usageRights = PdfSignatures.usageRights(doc);
        if (usageRights) {
            PdfSignatures.removeUsageRights(doc);
            notes.accept(Message.of("stamp.usage-rights-removed"));
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            if (PdfSignatures.signed(doc)) {
                notes.accept(Message.of("stamp.signed-incremental"));
                doc.saveIncremental(out);
            } else if (PdfA.part(doc).orElse(0) == 1) {
                doc.save(out, CompressParameters.NO_COMPRESSION); // PDF/A-1 (PDF 1.4) has no object or xref streams
            } else {
                PdfProtection.keep(doc);
                doc.save(out);
            }
        }
    }

    private StampFonts fonts(Path source, PDDocument doc, StampOptions options) throws DocumentException {
        try {
            return StampFonts.open(doc, options.font(), systemFonts);
        } catch (IOException | RuntimeException e) {
            String which = options.font().map(Path::toString).orElse("the bundled font");
            throw new DocumentException(source, Kind.REFUSED,
                    "cannot embed " + which + " (a TrueType .ttf/.ttc font is needed): " + PdfDocuments.reason(e), e);
        }
    }

    private static void deleteQuietly(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            // the caller's temporary file; it will not be renamed into place
            return;
        }
    }
}
