package dev.marking.core.rules.pii;

import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * E-mail addresses: a dot-atom local part, {@code @}, and a domain of at least two labels whose last
 * label (the TLD) is letters only. Image names such as {@code logo@2x.png} are not addresses.
 */
public final class EmailRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("pii.email", Severity.WARNING,
            "An e-mail address in the text (default: warning); shown masked.");

    /** Possessive throughout so a long run without {@code @} costs linear time; the parts are checked after. */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]++)@([A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)++)");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[A-Za-z]{2,63}");
    private static final Set<String> FILE_TYPES = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif",
            "tiff", "pdf", "docx", "doc", "txt");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (PiiText.Hit h : PiiText.matches(context.model(), CANDIDATE, '@')) {
            MatchResult m = h.match();
            if (isAddress(m.group(1), m.group(2))) {
                String masked = Masks.email(m.group());
                out.add(context.finding(DESCRIPTOR, h.location(), masked, "pii.email", masked));
            }
        }
        return out;
    }

    /** A sane address: local part 1–64 without leading, trailing or double dots; a valid host name. */
    static boolean isAddress(String local, String domain) {
        if (local.length() > 64 || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        if (domain.length() > 253) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        return TLD.matcher(tld).matches() && !FILE_TYPES.contains(tld.toLowerCase(Locale.ROOT));
    }
}
