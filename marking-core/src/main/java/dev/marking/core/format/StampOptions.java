package dev.marking.core.format;

import dev.marking.core.model.Marking;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What to stamp and which of our additions (DESIGN §1.3) to include.
 *
 * @param marking   the marking (level, term, copy, issued, urgency, recipient)
 * @param markingId the document id written as {@code marking.id} (stable across copies of one document)
 * @param stampDate the day of stamping, written as {@code marking.stamped}
 * @param header    running header with the mark on every page/section
 * @param footer    footer with the copy number (only when the marking has one)
 * @param watermark diagonal semi-transparent watermark
 * @param font      a TrueType font to embed instead of the default (PDF)
 * @param block     the GB/T 9704 first-page block where a format makes it optional (XLSX: the first sheet's
 *                  first-page header); DOCX, PDF, PPTX and text always carry it
 * @param layout    where the marks may go on a page with its own ink ({@link Layout#KEEP}: never over it)
 * @param convert   stamp formats that are never written (DOC, XLS, PPT, RTF, …) by converting them with
 *                  LibreOffice to their modern counterpart first; off: they are refused
 * @param seal      sign each stamped file with this key (DESIGN §1.10); empty: unsigned
 */
public record StampOptions(Marking marking, String markingId, LocalDate stampDate, boolean header, boolean footer,
        boolean watermark, Optional<Path> font, boolean block, Layout layout, boolean convert, Optional<SealKey> seal) {

    public StampOptions {
        java.util.Objects.requireNonNull(layout, "layout");
        java.util.Objects.requireNonNull(seal, "seal");
    }


    /**
     * The options without the optional block, in the default layout (never over the page's own ink), refusing
     * formats that need conversion.
     */
    public StampOptions(Marking marking, String markingId, LocalDate stampDate, boolean header, boolean footer,
            boolean watermark, Optional<Path> font) {
        this(marking, markingId, stampDate, header, footer, watermark, font, false, Layout.KEEP, false, Optional.empty());
    }

    /** The options with or without the optional block, in the default layout, refusing formats that need conversion. */
    public StampOptions(Marking marking, String markingId, LocalDate stampDate, boolean header, boolean footer,
            boolean watermark, Optional<Path> font, boolean block) {
        this(marking, markingId, stampDate, header, footer, watermark, font, block, Layout.KEEP, false, Optional.empty());
    }

    /** Everything on but the optional block, default font and layout. */
    public static StampOptions all(Marking marking, String markingId, LocalDate stampDate) {
        return new StampOptions(marking, markingId, stampDate, true, true, true, Optional.empty());
    }

    /** The same options for another marking (e.g. one numbered copy). */
    public StampOptions withMarking(Marking m) {
        return new StampOptions(m, markingId, stampDate, header, footer, watermark, font, block, layout, convert, seal);
    }

    /** The same options with another layout. */
    public StampOptions withLayout(Layout l) {
        return new StampOptions(marking, markingId, stampDate, header, footer, watermark, font, block, l, convert, seal);
    }

    /** The same options with the optional first-page block on or off. */
    public StampOptions withBlock(boolean on) {
        return new StampOptions(marking, markingId, stampDate, header, footer, watermark, font, on, layout, convert, seal);
    }

    /** The same options, converting formats that are never written before stamping when {@code on}. */
    public StampOptions withConvert(boolean on) {
        return new StampOptions(marking, markingId, stampDate, header, footer, watermark, font, block, layout, on, seal);
    }

    /** The same options, signing with {@code key} (empty: unsigned). */
    public StampOptions withSeal(Optional<SealKey> key) {
        return new StampOptions(marking, markingId, stampDate, header, footer, watermark, font, block, layout, convert,
                key);
    }

    /** What a seal says it seals: {@code 机密★5年 第000123份}, the mark and the copy number. */
    public String sealReason() {
        return marking.mark() + marking.copy().map(c -> " 第" + c.formatted() + "份").orElse("");
    }

    /** The metadata every adapter writes (DESIGN §3.4), in a stable order; absent values are left out. */
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MetadataKeys.LEVEL, marking.level().name());
        m.put(MetadataKeys.SCHEME, marking.level().scheme());
        m.put(MetadataKeys.TERM, marking.term().canonical());
        marking.copy().ifPresent(c -> m.put(MetadataKeys.COPY, c.formatted()));
        marking.issued().ifPresent(d -> m.put(MetadataKeys.ISSUED, d.toString()));
        m.put(MetadataKeys.ID, markingId);
        m.put(MetadataKeys.STAMPED, stampDate.toString());
        marking.urgency().ifPresent(u -> m.put(MetadataKeys.URGENCY, u.label()));
        marking.recipient().ifPresent(r -> m.put(MetadataKeys.RECIPIENT, r));
        return m;
    }

    /** Lines of the GB/T 9704 first-page block: copy number, mark, urgency (those present). */
    public java.util.List<String> firstPageBlock() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        marking.copy().ifPresent(c -> lines.add(c.formatted()));
        lines.add(marking.mark());
        marking.urgency().ifPresent(u -> lines.add(u.label()));
        return lines;
    }

    /**
     * The watermark's lines ({@link StampStyle#watermarkLines}): {@code 机密★5年 第000123份 张三} on one line,
     * or the recipient on a second line (cut when longer than a line) so the watermark keeps its size.
     */
    public java.util.List<String> watermarkLines() {
        String markAndCopy = marking.mark() + marking.copy().map(c -> " 第" + c.formatted() + "份").orElse("");
        return StampStyle.watermarkLines(markAndCopy, marking.recipient().orElse(null));
    }

    /** The footer line with the copy number, or empty when the marking has none. */
    public Optional<String> footerText() {
        return marking.copy().map(c -> "第" + c.formatted() + "份");
    }
}
