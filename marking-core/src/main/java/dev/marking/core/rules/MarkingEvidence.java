package dev.marking.core.rules;

import dev.marking.core.format.MetadataKeys;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Handling;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.LabelledMark;
import dev.marking.core.model.Location;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.ParsedMark;
import dev.marking.core.model.Urgency;
import dev.marking.core.text.Widths;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every marking a file shows, found once per file so rules need not search again: the first-page
 * block, running headers, watermarks and metadata, and the marking they add up to.
 *
 * @param block      marks in the first-page block
 * @param headers    marks in running headers
 * @param watermarks marks in watermark texts
 * @param metadata   the mark recorded in metadata, if any
 * @param copyLines  digit-only lines above the first-page mark (份号 candidates), valid or not
 * @param resolved   the marking the file carries, with copy number and dates, when one was found
 */
public record MarkingEvidence(List<Found> block, List<Found> headers, List<Found> watermarks, Optional<Found> metadata,
        List<TextBlock> copyLines, Optional<Marking> resolved) {

    private static final Pattern COPY_IN_TEXT = Pattern.compile("第\\s*(\\d{1,12})\\s*份");

    /**
     * One mark and where it was seen.
     *
     * @param mark     the parsed mark
     * @param location where
     * @param source   {@code block}, {@code header}, {@code watermark} or {@code metadata}
     * @param context  the whole text it was found in (a header paragraph, a watermark line)
     */
    public record Found(ParsedMark mark, Location location, String source, String context) {

        /** The copy number written next to the mark (watermark {@code 第000123份}), if any. */
        public Optional<String> copyText() {
            Matcher m = COPY_IN_TEXT.matcher(Widths.fold(context));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    public MarkingEvidence {
        block = List.copyOf(block);
        headers = List.copyOf(headers);
        watermarks = List.copyOf(watermarks);
        copyLines = List.copyOf(copyLines);
    }

    /** Finds the marks of {@code model}. */
    public static MarkingEvidence of(ReadModel model, MarkingParser parser) {
        List<Found> block = new ArrayList<>();
        List<TextBlock> copyLines = new ArrayList<>();
        List<TextBlock> digitLines = new ArrayList<>();
        List<TextBlock> top = model.firstPageTop();
        Optional<LabelledMark> form = parser.findLabelled(top.stream().map(TextBlock::text).toList())
                .filter(LabelledMark::hasMoreThanLevel);
        for (int i = 0; i < top.size(); i++) {
            TextBlock b = top.get(i);
            if (!CopyNumber.digitsOfLine(b.text()).isEmpty()) {
                digitLines.add(b);
            }
            List<ParsedMark> marks = marksAt(parser, form, i, b.text());
            if (copyLines.isEmpty() && !marks.isEmpty()) {
                // 份号 is the line above the mark (GB/T 9704 §7.2); digits further down are dates, counts, …
                // A page read as one picture (a scan) may show the running mark first: then the block's
                // mark is a later one, with its 份号 right above it, or one line further up when a title
                // set beside the block starts between the two (a scan's lines are ordered by their top).
                TextBlock digits = digitLines.isEmpty() ? null : digitLines.get(digitLines.size() - 1);
                boolean above = digits != null
                        && (i > 0 && top.get(i - 1) == digits || i > 1 && top.get(i - 2) == digits);
                if (block.isEmpty()) {
                    copyLines.addAll(digitLines);
                } else if (above) {
                    copyLines.add(digits);
                }
            }
            marks.forEach(p -> block.add(new Found(p, b.location(), "block", b.text())));
        }
        List<Found> headers = new ArrayList<>();
        List<Found> watermarks = new ArrayList<>();
        for (RunningSlot slot : model.slots()) {
            for (TextBlock h : slot.header()) {
                Optional<LabelledMark> inHeader = parser.findLabelled(List.of(h.text())).filter(LabelledMark::hasMoreThanLevel);
                marksAt(parser, inHeader, 0, h.text()).forEach(p -> headers.add(new Found(p, h.location(), "header",
                        h.text())));
            }
            for (String w : slot.watermarks()) {
                Location loc = slot.where().withPart("watermark");
                parser.findAll(w).forEach(p -> watermarks.add(new Found(p, loc, "watermark", w)));
            }
        }
        Optional<Found> metadata = metadataMark(model.properties(), parser);
        Optional<Marking> resolved = Stream.of(block.stream(), headers.stream(), watermarks.stream(), metadata.stream())
                .flatMap(s -> s)
                .filter(f -> f.mark().marking().isPresent())
                .findFirst()
                .map(f -> complete(f.mark().marking().get(), copyLines, model.properties()))
                .map(m -> m.withHandling(visibleHandling(model).or(() -> metadataHandling(model.properties()))
                        .orElse(Handling.NONE)));
        return new MarkingEvidence(block, headers, watermarks, metadata, copyLines, resolved);
    }

    /**
     * The marks of line {@code i}: a mark written as form fields ({@code 密级：机密} / {@code 保密期限：5年}) is
     * one mark on the line of its 密级 label, and the lines it spans add no others.
     */
    private static List<ParsedMark> marksAt(MarkingParser parser, Optional<LabelledMark> form, int i, String text) {
        if (form.isPresent() && i >= form.get().firstLine() && i <= form.get().lastLine()) {
            return i == form.get().firstLine() ? List.of(form.get().mark()) : List.of();
        }
        return parser.findAll(text);
    }

    /** All visible marks: block, headers, watermarks. */
    public List<Found> visible() {
        List<Found> all = new ArrayList<>(block);
        all.addAll(headers);
        all.addAll(watermarks);
        return all;
    }

    private static Optional<Found> metadataMark(Map<String, String> props, MarkingParser parser) {
        String level = props.get(MetadataKeys.LEVEL);
        if (level == null || level.isBlank()) {
            return Optional.empty();
        }
        String term = props.getOrDefault(MetadataKeys.TERM, "");
        String text = term.isBlank() ? level : level + Marking.STAR + term;
        return parser.parse(text).map(p -> new Found(p, Location.part("metadata"), "metadata", text));
    }

    private static Marking complete(Marking m, List<TextBlock> copyLines, Map<String, String> props) {
        Marking out = m;
        Optional<String> copy = copyLines.stream().map(b -> CopyNumber.digitsOfLine(b.text())).findFirst()
                .or(() -> Optional.ofNullable(props.get(MetadataKeys.COPY)));
        if (copy.isPresent() && copy.get().length() == 6 && !copy.get().equals("000000")) {
            out = out.withCopy(new CopyNumber(Integer.parseInt(copy.get())));
        }
        out = out.withIssued(date(props.get(MetadataKeys.ISSUED)).or(m::issued).orElse(null));
        String urgency = props.get(MetadataKeys.URGENCY);
        if (urgency != null) {
            out = out.withUrgency(Urgency.parse(urgency).orElse(null));
        }
        return out;
    }

    /** The distribution scope and reproduction note the top of the first page states, if a line there does. */
    public static Optional<Handling> visibleHandling(ReadModel model) {
        Optional<String> scope = Optional.empty();
        boolean noCopy = false;
        boolean found = false;
        for (TextBlock b : model.firstPageTop()) {
            Optional<Handling> h = Handling.ofLine(Widths.fold(b.text()));
            if (h.isPresent()) {
                found = true;
                scope = scope.or(() -> h.get().scope());
                noCopy |= h.get().noReproduction();
            }
        }
        return found ? Optional.of(new Handling(scope, noCopy)) : Optional.empty();
    }

    /** The distribution scope and reproduction note metadata records ({@code marking.scope}, {@code marking.reproduction}). */
    public static Optional<Handling> metadataHandling(Map<String, String> props) {
        Optional<String> scope = Optional.ofNullable(props.get(MetadataKeys.SCOPE)).filter(s -> !s.isBlank());
        boolean noCopy = Optional.ofNullable(props.get(MetadataKeys.REPRODUCTION)).filter(s -> !s.isBlank()).isPresent();
        Handling h = new Handling(scope, noCopy);
        return h.stated() ? Optional.of(h) : Optional.empty();
    }

    /** An ISO date from metadata, if well formed. */
    public static Optional<LocalDate> date(String iso) {
        if (iso == null || iso.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(iso.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
