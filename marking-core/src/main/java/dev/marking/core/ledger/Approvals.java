package dev.marking.core.ledger;

import dev.marking.core.model.Message;
import java.util.Optional;

/**
 * The approved number of copies (批准份数, DESIGN §1.4): "严格按照批准的份数，不得擅自多印留存". A document's
 * latest {@link LedgerEntry.State#APPROVED} line is in force; every copy number taken and not void counts
 * against it (a returned or destroyed copy was still made). A document without an approval is not limited.
 */
public final class Approvals {

    private Approvals() {
    }

    /**
     * Why making {@code adding} more copies of {@code document} is refused; empty when allowed.
     *
     * @param asked the approval the stamp run states ({@code --approved N}), or null: it must agree with one
     *              already recorded (changing it is {@code ledger approve}), and applies when none is
     */
    public static Optional<Message> refusal(Ledger ledger, String document, int adding, Integer asked) {
        Optional<LedgerEntry> recorded = ledger.approval(document);
        if (recorded.isPresent() && asked != null && !asked.equals(recorded.get().approved())) {
            LedgerEntry a = recorded.get();
            return Optional.of(Message.of("approval.differs", document, a.approved(), who(a), a.time(), asked));
        }
        Integer limit = recorded.map(LedgerEntry::approved).orElse(asked);
        int made = ledger.made(document);
        if (limit == null || made + adding <= limit) {
            return Optional.empty();
        }
        String by = recorded.map(Approvals::who).orElse("--approved");
        String when = recorded.map(LedgerEntry::time).orElse("-");
        return Optional.of(Message.of("approval.exceeded", document, limit, by, when, made, adding));
    }

    /** The approval line a stamp run records: when it states one ({@code asked}) and the ledger has none. */
    public static Optional<LedgerEntry> toRecord(Ledger ledger, String document, Integer asked, String by, String when) {
        if (asked == null || ledger.approval(document).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(LedgerEntry.approval(document, asked, by, when, "stated with stamp --approved"));
    }

    private static String who(LedgerEntry approval) {
        return approval.by() == null ? "?" : approval.by();
    }
}
