package dev.marking.core.rules.scanned;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.ScannedPage;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Ocr;
import dev.marking.core.model.Severity;
import dev.marking.core.rules.MarkingMode;
import dev.marking.core.rules.Rule;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.RuleDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A page without text of its own (a scan, a page image) that OCR did not read is a page nobody checked:
 * its mark and content are unknown, so the file is never "clean". Likewise a scanned document in which
 * OCR found no text at all: blank, or too faint to read, it cannot be told from an unreadable one. A
 * warning, an error under mandatory marking (DESIGN §1.5a), where every document must show its level.
 */
public final class NoTextRule implements Rule {

    public static final RuleDescriptor DESCRIPTOR = new RuleDescriptor("file.no-text", Severity.WARNING,
            "Pages carry no text (scans, page images) and OCR did not read them, or read nothing: not checked.");

    private final MarkingMode mode;

    public NoTextRule(MarkingMode mode) {
        this.mode = mode;
    }

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        ReadModel model = context.model();
        Severity severity = mode == MarkingMode.MANDATORY ? Severity.ERROR : DESCRIPTOR.defaultSeverity();
        Map<String, List<ScannedPage>> unread = new LinkedHashMap<>();
        for (ScannedPage p : model.scanned()) {
            if (p.outcome().unread()) {
                unread.computeIfAbsent(p.outcome() + "\n" + p.detail(), k -> new ArrayList<>()).add(p);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (List<ScannedPage> pages : unread.values()) {
            ScannedPage first = pages.get(0);
            String key = "notext." + first.outcome().name().toLowerCase(Locale.ROOT);
            out.add(context.finding(DESCRIPTOR, severity, Location.page(first.page()), null, key,
                    list(context, pages), first.detail()));
        }
        boolean nothingRead = !model.scanned().isEmpty() && model.body().isEmpty() && model.firstPageTop().isEmpty()
                && model.scanned().stream().allMatch(p -> p.outcome() == ScannedPage.Outcome.BLANK);
        if (nothingRead) {
            out.add(context.finding(DESCRIPTOR, severity, Location.page(model.scanned().get(0).page()).withOcr(Ocr.PAGE),
                    null, "notext.blank", list(context, model.scanned()), ""));
        }
        return out;
    }

    private static String list(RuleContext context, List<ScannedPage> pages) {
        return context.list(pages.stream().map(p -> String.valueOf(p.page())).toList());
    }
}
