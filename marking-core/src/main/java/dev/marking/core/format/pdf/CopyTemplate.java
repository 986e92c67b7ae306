package dev.marking.core.format.pdf;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * A PDF stamped once with everything but the copy: each page's stamp stream only paints a shared Form
 * XObject ({@code /MarkingStampCopy<i>}, one per distinct page frame), left empty, and the fonts already
 * hold every glyph a copy will need. A copy is these bytes plus an incremental update that replaces
 * the forms, the Info dictionary and the XMP packet ({@link CopyUpdate}). Immutable once built.
 */
final class CopyTemplate {

    /** Resource-name prefix of the per-copy forms; the reader looks inside them for the pieces' roles. */
    static final String FORM = StampRole.KEY + "Copy";
    private static final String DIGITS = "第份 0123456789";

    /** One per-copy form: where it is drawn, the layout of its pages, and its object in the base. */
    record Form(PageFrame frame, PagePlan plan, COSObjectKey key, byte[] dictionary) {
    }

    final byte[] base;
    final StampOptions key;
    final FrozenGlyphs glyphs;
    final List<Form> forms;
    final CopyUpdate.Trailer trailer;
    /** What stamping the base told the user (pages shrunk, an earlier marking removed): the same for every copy. */
    final List<Message> notes;

    private CopyTemplate(byte[] base, StampOptions key, FrozenGlyphs glyphs, List<Form> forms,
            CopyUpdate.Trailer trailer, List<Message> notes) {
        this.base = base;
        this.key = key;
        this.glyphs = glyphs;
        this.forms = List.copyOf(forms);
        this.trailer = trailer;
        this.notes = List.copyOf(notes);
    }

    /** {@code options} without the copy number and recipient: what every copy of one batch shares. */
    static StampOptions keyOf(StampOptions options) {
        Marking m = options.marking();
        return options.withMarking(new Marking(m.level(), m.term(), Optional.empty(), m.issued(), m.urgency(),
                Optional.empty(), m.script()));
    }

    /** True when {@code options} differ from the template's only in copy number and recipient. */
    boolean accepts(StampOptions options) {
        return key.equals(keyOf(options));
    }

    /**
     * The template for copies like {@code options}, whose recipients are among {@code recipients}; empty
     * when the source must be stamped the ordinary way (encrypted, certified against changes, carrying a
     * usage-rights signature, PDF/A-1 or page-sized annotations under a watermark, or without a writable Info
     * dictionary). A signed source keeps its signed bytes: the base is the source plus an incremental update
     * with everything but the copy, and each copy adds a second, small one. The pages are laid out for
     * {@code options}' copy: copy numbers all have six digits, and the watermark, which alone shows the
     * recipient, is not laid out around ink.
     */
    static Optional<CopyTemplate> build(Path source, StampOptions options, List<String> recipients,
            List<Path> systemFonts) throws IOException, DocumentException {
        StampOptions key = keyOf(options);
        StringBuilder chars = new StringBuilder(key.marking().mark()).append(DIGITS);
        key.marking().urgency().ifPresent(u -> chars.append(u.label()));
        recipients.forEach(chars::append);
        options.marking().recipient().ifPresent(chars::append);
        PDDocument doc = PdfDocuments.open(source);
        List<PageFrame> frames = new ArrayList<>();
        List<PagePlan> plans = new ArrayList<>();
        List<Message> notes = new ArrayList<>();
        FrozenGlyphs glyphs;
        byte[] base;
        try {
            if (doc.isEncrypted() || PdfSignatures.certifiedNoChanges(doc) || PdfSignatures.usageRights(doc)
                    || key.watermark() && (PdfA.forbidsTransparency(doc) || anyLargeAnnotation(doc))) {
                return Optional.empty();
            }
            boolean signed = PdfSignatures.signed(doc);
            try (StampFonts fonts = StampFonts.open(doc, key.font(), systemFonts)) {
                glyphs = FrozenGlyphs.of(fonts, chars.toString());
                addForms(doc, source, fonts, glyphs, options, frames, plans, notes);
                PdfMetadata.write(doc, key.metadata());
                fonts.embedSubsets();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (signed) {
                    doc.saveIncremental(out); // the signed revision's bytes stay as they are, as PdfStamper keeps them
                } else {
                    doc.save(out, CompressParameters.NO_COMPRESSION);
                }
                base = out.toByteArray();
            }
        } finally {
            PdfDocuments.close(doc);
        }
        if (!endsWithXrefTable(base)) {
            return Optional.empty(); // a cross-reference stream: the copies' classic update could not follow it
        }
        return locate(base, key, glyphs, frames, plans, notes);
    }

    /** True when a page needs its watermark in an annotation ({@link AnnotationWatermark}): copies take the ordinary way. */
    private static boolean anyLargeAnnotation(PDDocument doc) throws IOException {
        for (PDPage page : doc.getPages()) {
            AnnotationWatermark.remove(page);
            if (AnnotationWatermark.needed(page)) {
                return true;
            }
        }
        return false;
    }

    private static void addForms(PDDocument doc, Path source, StampFonts fonts, FrozenGlyphs glyphs,
            StampOptions options, List<PageFrame> frames, List<PagePlan> plans, List<Message> notes)
            throws IOException {
        StampOptions key = keyOf(options);
        PDResources resources = new PDResources();
        resources.put(StampPainter.fontName(0), fonts.font(0));
        if (glyphs.usesFallback()) {
            resources.put(StampPainter.fontName(1), fonts.font(1));
        }
        if (key.watermark()) {
            resources.put(StampPainter.GS, StampPainter.translucent());
        }
        PageContents.removeEarlierMarkings(doc).ifPresent(o -> notes.add(Message.of(o.removed() ? "stamp.earlier-removed"
                : "stamp.earlier-kept", o.text())));
        PagePlanner planner = new PagePlanner(options, glyphs);
        LayoutNotes layoutNotes = new LayoutNotes(options.layout());
        try (PageInkSource ink = PageInkSource.of(doc, source, options.layout())) {
            Map<String, Integer> byLayout = new LinkedHashMap<>();
            List<PDFormXObject> forms = new ArrayList<>();
            boolean first = true;
            int pageIndex = 0;
            for (PDPage page : doc.getPages()) {
                PageFrame frame = PageFrame.of(page);
                PagePlan plan = planner.plan(frame, ink.of(pageIndex, frame), first);
                layoutNotes.add(++pageIndex, plan);
                float[] box = bbox(page);
                String layout = layout(frame, box, plan);
                Integer index = byLayout.get(layout);
                if (index == null) {
                    PDFormXObject form = new PDFormXObject(doc);
                    form.setBBox(new PDRectangle(box[0], box[1], box[2] - box[0], box[3] - box[1]));
                    form.setResources(resources);
                    index = forms.size();
                    byLayout.put(layout, index);
                    forms.add(form);
                    frames.add(frame);
                    plans.add(plan);
                }
                PDResources pageResources = page.getResources();
                if (pageResources == null) {
                    pageResources = new PDResources();
                    page.setResources(pageResources);
                }
                pageResources.put(COSName.getPDFName(FORM + index), forms.get(index));
                PageShrink.apply(page, frame, plan.shrink());
                PageContents.append(doc, page, new byte[0], plan.shrink().inUserSpace(frame),
                        ("/" + FORM + index + " Do\n").getBytes(StandardCharsets.US_ASCII));
                first = false;
            }
        }
        layoutNotes.report(notes::add);
    }

    private static float[] bbox(PDPage page) {
        PDRectangle m = page.getMediaBox();
        PDRectangle c = page.getCropBox();
        return new float[] {Math.min(m.getLowerLeftX(), c.getLowerLeftX()), Math.min(m.getLowerLeftY(), c.getLowerLeftY()),
            Math.max(m.getUpperRightX(), c.getUpperRightX()), Math.max(m.getUpperRightY(), c.getUpperRightY())};
    }

    private static String layout(PageFrame f, float[] box, PagePlan plan) {
        return String.format(Locale.ROOT, "%s %s %d %s %s %s %s %s %s", f.width(), f.height(), f.rotation(),
                f.toUser(), box[0], box[1], box[2], box[3], plan);
    }

    /** Reads back the saved base: where the forms, Info and XMP are, and what the update's trailer repeats. */
    private static Optional<CopyTemplate> locate(byte[] base, StampOptions key, FrozenGlyphs glyphs,
            List<PageFrame> frames, List<PagePlan> plans, List<Message> notes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(base)) {
            COSDictionary trailer = doc.getDocument().getTrailer();
            COSObjectKey[] formKeys = new COSObjectKey[frames.size()];
            byte[][] dicts = new byte[frames.size()][];
            for (PDPage page : doc.getPages()) {
                COSDictionary xobjects = page.getResources().getCOSObject().getCOSDictionary(COSName.XOBJECT);
                for (int i = 0; i < frames.size(); i++) {
                    COSBase item = xobjects == null ? null : xobjects.getItem(COSName.getPDFName(FORM + i));
                    if (item instanceof COSObject o && formKeys[i] == null) {
                        formKeys[i] = o.getKey();
                        dicts[i] = formDictionary((COSStream) o.getObject());
                    }
                }
            }
            COSBase info = trailer.getItem(COSName.INFO);
            COSBase xmp = doc.getDocumentCatalog().getCOSObject().getItem(COSName.METADATA);
            if (!(info instanceof COSObject i) || i.getKey() == null || Arrays.asList(formKeys).contains(null)) {
                return Optional.empty();
            }
            Optional<COSObjectKey> xmpKey = xmp instanceof COSObject x && x.getKey() != null
                    ? Optional.of(x.getKey()) : Optional.empty();
            byte[] packet = xmpKey.isPresent() ? packet(doc.getDocumentCatalog().getMetadata()) : null;
            ByteArrayOutputStream ids = new ByteArrayOutputStream();
            if (trailer.getItem(COSName.ID) != null) {
                CosText.write(trailer.getItem(COSName.ID), ids);
            }
            ByteArrayOutputStream root = new ByteArrayOutputStream();
            CosText.write(trailer.getItem(COSName.ROOT), root);
            CopyUpdate.Trailer t = new CopyUpdate.Trailer(trailer.getInt(COSName.SIZE), startXref(base),
                    root.toString(StandardCharsets.US_ASCII), ids.toString(StandardCharsets.US_ASCII), i.getKey(),
                    otherInfo((COSDictionary) i.getObject()), xmpKey, packet);
            List<Form> forms = new ArrayList<>();
            for (int f = 0; f < frames.size(); f++) {
                forms.add(new Form(frames.get(f), plans.get(f), formKeys[f], dicts[f]));
            }
            return Optional.of(new CopyTemplate(base, key, glyphs, forms, t, notes));
        }
    }

    /** The form's dictionary without its length and filter (each copy writes its own). */
    private static byte[] formDictionary(COSStream form) throws IOException {
        COSDictionary d = new COSDictionary();
        for (Map.Entry<COSName, COSBase> e : form.entrySet()) {
            if (!COSName.LENGTH.equals(e.getKey()) && !COSName.FILTER.equals(e.getKey())
                    && !COSName.DECODE_PARMS.equals(e.getKey())) {
                d.setItem(e.getKey(), e.getValue());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CosText.write(d, out);
        return out.toByteArray();
    }

    /** The Info entries that are not ours, as PDF syntax to put between {@code <<} and {@code >>}. */
    private static byte[] otherInfo(COSDictionary info) throws IOException {
        COSDictionary d = new COSDictionary();
        for (Map.Entry<COSName, COSBase> e : info.entrySet()) {
            if (!e.getKey().getName().startsWith("marking.")) {
                d.setItem(e.getKey(), e.getValue());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CosText.write(d, out);
        byte[] all = out.toByteArray();
        return Arrays.copyOfRange(all, 2, all.length - 2);
    }

    private static byte[] packet(PDMetadata m) throws IOException {
        try (InputStream in = m.exportXMPMetadata()) {
            return in.readAllBytes();
        }
    }

    /** True when the last {@code startxref} of {@code pdf} points at a classic {@code xref} table. */
    private static boolean endsWithXrefTable(byte[] pdf) throws IOException {
        long at = startXref(pdf);
        return at >= 0 && at + 4 <= pdf.length
                && new String(pdf, (int) at, 4, StandardCharsets.ISO_8859_1).equals("xref");
    }

    private static long startXref(byte[] pdf) throws IOException {
        String tail = new String(pdf, Math.max(0, pdf.length - 1024), Math.min(1024, pdf.length),
                StandardCharsets.ISO_8859_1);
        int at = tail.lastIndexOf("startxref");
        if (at < 0) {
            throw new IOException("the stamped base has no startxref");
        }
        return Long.parseLong(tail.substring(at + "startxref".length()).strip().split("\\s+")[0]);
    }

    /** Writes the copy for {@code options} (which {@link #accepts}) to {@code target}. */
    void write(Path target, StampOptions options) throws IOException {
        byte[] update = CopyUpdate.of(this, options);
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(base);
            out.write(update);
        }
    }
}
