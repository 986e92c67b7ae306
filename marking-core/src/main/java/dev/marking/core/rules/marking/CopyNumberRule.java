package dev.marking.core.rules.marking;

import dev.marking.core.format.MetadataKeys;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.MarkingEvidence.Found;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import dev.marking.core.text.Widths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 份号 must be six Arabic digits and the same wherever it appears: first-page block, footer,
 * watermark and metadata.
 */
public final class CopyNumberRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("copy.invalid", Severity.ERROR,
            "A copy number (份号) that is not six digits, is 000000, or differs between places in the document.");

    private static final Pattern IN_TEXT = Pattern.compile("第\\s*(\\d{1,12})\\s*份");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        MarkingEvidence e = context.evidence();
        List<Seen> seen = new ArrayList<>();
        for (TextBlock b : e.copyLines()) {
            seen.add(new Seen(CopyNumber.digitsOfLine(b.text()), "block", b.location()));
        }
        for (RunningSlot slot : context.model().slots()) {
            for (TextBlock f : slot.footer()) {
                inText(f.text()).ifPresent(d -> seen.add(new Seen(d, "footer", f.location())));
            }
        }
        for (Found w : e.watermarks()) {
            w.copyText().ifPresent(d -> seen.add(new Seen(d, "watermark", w.location())));
        }
        String meta = context.model().properties().get(MetadataKeys.COPY);
        if (meta != null && !meta.isBlank()) {
            seen.add(new Seen(meta.strip(), "metadata", Location.part("metadata")));
        }
        List<String> shapeReported = new ArrayList<>();
        for (Seen s : seen) {
            if (shapeReported.contains(s.digits())) {
                continue;
            }
            if (!s.digits().matches("\\d{6}")) {
                shapeReported.add(s.digits());
                out.add(context.finding(DESCRIPTOR, s.location(), s.digits(), "copy.length", s.digits(),
                        suggestion(s.digits())));
            } else if ("000000".equals(s.digits())) {
                shapeReported.add(s.digits());
                out.add(context.finding(DESCRIPTOR, s.location(), s.digits(), "copy.zero"));
            }
        }
        mismatches(context, seen, out);
        return out;
    }

    private static void mismatches(RuleContext context, List<Seen> seen, List<Finding> out) {
        if (seen.isEmpty()) {
            return;
        }
        Seen ref = seen.get(0);
        List<String> reported = new ArrayList<>();
        for (Seen s : seen) {
            String key = s.source() + ':' + s.digits();
            if (!s.digits().equals(ref.digits()) && !reported.contains(key)) {
                reported.add(key);
                out.add(context.finding(DESCRIPTOR, s.location(), s.digits(), "copy.mismatch", ref.digits(),
                        context.messages().format("source." + ref.source()), s.digits(),
                        context.messages().format("source." + s.source())));
            }
        }
    }

    private static Optional<String> inText(String text) {
        Matcher m = IN_TEXT.matcher(Widths.fold(text));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String suggestion(String digits) {
        String d = digits.replaceFirst("^0+(?=\\d)", "");
        return d.length() <= 6 ? "0".repeat(6 - d.length()) + d : "000001";
    }

    private record Seen(String digits, String source, Location location) {
    }
}
