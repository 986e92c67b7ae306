package dev.marking.core.presend;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.MetadataKeys;
import dev.marking.core.ledger.Ledger;
import dev.marking.core.ledger.LedgerEntry;
import dev.marking.core.ledger.LedgerEntry.State;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Severity;
import dev.marking.core.policy.ChannelRule;
import dev.marking.core.policy.Policy;
import dev.marking.core.scan.FileResult;
import dev.marking.core.scan.ScanTarget;
import dev.marking.core.scan.Scanner;
import dev.marking.core.text.Digests;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pre-send check (DESIGN §1.7): a file may go through a channel only when it passes verification
 * (no finding at error level: unmarked, fake de-classification, personal information in an unmarked
 * file, …) and the channel accepts its level; a channel that needs a ledger entry gets one.
 */
public final class PresendCheck {

    private final Policy policy;
    private final Scanner scanner;
    private final FormatRegistry formats;
    private final Optional<Ledger> ledger;
    private final Messages messages;

    public PresendCheck(Policy policy, Scanner scanner, FormatRegistry formats, Optional<Ledger> ledger,
            Messages messages) {
        this.policy = policy;
        this.scanner = scanner;
        this.formats = formats;
        this.ledger = ledger;
        this.messages = messages;
    }

    /** The decision for {@code file} on {@code channel} (a name from {@link ChannelRule#NAMES}). */
    public Decision decide(Path file, String channel) throws IOException {
        return decide(file, null, channel);
    }

    /**
     * The decision for {@code file}, shown as {@code name} (null: as given; policy globs match it too), on
     * {@code channel}.
     */
    public Decision decide(Path file, String name, String channel) throws IOException {
        ChannelRule rule = policy.channels().get(channel);
        if (rule == null) {
            throw new IllegalArgumentException("unknown channel " + channel + " (known: " + ChannelRule.NAMES + ")");
        }
        FileResult result = name == null ? scanner.check(file) : scanner.check(new ScanTarget(file, name));
        List<Decision.Reason> reasons = new ArrayList<>();
        Optional<Marking> marking = result.marking();
        for (Finding f : result.findings()) {
            // Personal information in a properly marked file travels under that file's own controls.
            boolean markedPii = marking.isPresent() && f.rule().startsWith("pii.");
            if (f.severity() == Severity.ERROR && !markedPii) {
                reasons.add(new Decision.Reason(f.rule(), f.message()));
            }
        }
        Optional<LedgerEntry> copy = located(file);
        copy.filter(c -> c.state() == State.RETURNED || c.state() == State.DESTROYED).ifPresent(c -> reasons.add(
                new Decision.Reason("copy." + c.state().id(), messages.format("presend." + c.state().id(), c.copy(),
                        c.document(), c.time(), c.by() == null ? "?" : c.by()))));
        boolean refusedLevel = marking.isPresent() && rule.blockedLevels().contains(marking.get().level().name());
        if (marking.isPresent() && marking.get().level().classified()
                && (refusedLevel || rule.blockedSchemes().contains(marking.get().level().scheme()))) {
            String mark = marking.get().mark();
            if (rule.blockedLevels().contains(marking.get().level().name())) {
                reasons.add(new Decision.Reason("channel.level", messages.format("presend.level", mark, channel,
                        policy.source())));
            } else if (!rule.classified()) {
                reasons.add(new Decision.Reason("channel.classified",
                        messages.format("presend.classified", mark, channel, policy.source())));
            } else if (rule.ledger() && copy.isEmpty()) {
                reasons.add(new Decision.Reason("channel.ledger", messages.format("presend.ledger", mark, channel)));
            }
        }
        return new Decision(name == null ? result.path() : name, channel, marking, reasons);
    }

    /** The registered copy {@code file} is, where it stands now; empty without a ledger or when none matches. */
    private Optional<LedgerEntry> located(Path file) throws IOException {
        if (ledger.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> id = Optional.empty();
        Optional<String> copy = Optional.empty();
        try {
            var format = formats.forFile(file);
            if (format.isPresent()) {
                var props = format.get().metadata(file);
                id = Optional.ofNullable(props.get(MetadataKeys.ID));
                copy = Optional.ofNullable(props.get(MetadataKeys.COPY));
            }
        } catch (DocumentException e) {
            return Optional.empty();
        }
        return ledger.get().find(Digests.sha256(file), id.orElse(null), copy.orElse(null));
    }
}
