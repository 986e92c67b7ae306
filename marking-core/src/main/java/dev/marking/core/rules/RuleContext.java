package dev.marking.core.rules;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Seals;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.Severity;
import dev.marking.core.text.Messages;
import dev.marking.core.text.ScriptFolding;
import java.time.LocalDate;
import java.util.List;

/**
 * What a rule may look at for one file: the read model, the markings found in it (computed once),
 * today's date, the message bundle and the file's path relative to the scanned root ('/'-separated).
 * Rules match on {@link #fold folded} text and quote evidence from the model as written. The file's signatures,
 * checked when it was read, are its {@link #seals()} ({@link Seals#NONE} when nobody looked).
 */
public record RuleContext(ReadModel model, MarkingEvidence evidence, LocalDate today, Messages messages,
        String relativePath, Seals seals) {

    /** A context of a file whose signatures were not looked at. */
    public RuleContext(ReadModel model, MarkingEvidence evidence, LocalDate today, Messages messages,
            String relativePath) {
        this(model, evidence, today, messages, relativePath, Seals.NONE);
    }

    /** A context whose relative path is the file name. */
    public RuleContext(ReadModel model, MarkingEvidence evidence, LocalDate today, Messages messages) {
        this(model, evidence, today, messages, model.path().getFileName().toString());
    }

    /**
     * The text a rule matches on (DESIGN §1.9): Traditional characters folded to Simplified and
     * full-width forms to half-width, one character for one, so an offset in it quotes {@code asWritten}.
     */
    public String fold(String asWritten) {
        return ScriptFolding.fold(asWritten);
    }

    /** How many items a message lists before it says how many there are in all. */
    public static final int LISTED = 10;

    /** {@code items} for a message, in its language: at most {@value #LISTED}, then {@code … (37)}. */
    public String list(List<String> items) {
        String separator = messages.format("list.separator");
        String shown = String.join(separator, items.stream().limit(LISTED).toList());
        return items.size() > LISTED ? shown + separator + "… (" + items.size() + ")" : shown;
    }

    /** A finding at the rule's default severity with a message from the bundle. */
    public Finding finding(RuleDescriptor rule, Location location, String evidenceText, String key, Object... args) {
        return finding(rule, rule.defaultSeverity(), location, evidenceText, key, args);
    }

    /** A finding at an explicit severity with a message from the bundle. */
    public Finding finding(RuleDescriptor rule, Severity severity, Location location, String evidenceText,
            String key, Object... args) {
        return new Finding(rule.id(), severity, messages.format(key, args), location, evidenceText);
    }
}
