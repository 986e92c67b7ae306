package dev.marking.core.engine;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.MetadataKeys;
import dev.marking.core.ledger.Ledger;
import dev.marking.core.ledger.LedgerEntry;
import dev.marking.core.ledger.LedgerEntry.State;
import dev.marking.core.ledger.LedgerSession;
import dev.marking.core.ledger.LedgerStore;
import dev.marking.core.ledger.Recovery;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.scan.DocumentIds;
import dev.marking.core.text.Digests;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The distribution ledger as its keeper works it (DESIGN §1.4): the approved number of copies, where each copy
 * stands, copies coming back (清退) and destroyed (销毁), and the copies still out. Every act is a line appended
 * under the ledger's lock, after what a stopped run left is settled; nothing is edited.
 */
public final class Register {

    private final FormatRegistry formats;
    private final LedgerStore store;
    private final Messages messages;

    Register(FormatRegistry formats, LedgerStore store, Messages messages) {
        this.formats = formats;
        this.store = store;
        this.messages = messages;
    }

    /** The ledger's name, for messages. */
    public String name() {
        return store.name();
    }

    /**
     * Records {@code count} as the approved number of copies of {@code documentOrFile} (a document id, or a
     * file: a stamped copy's id, or the id a stamp of the file would give), approved by {@code by}.
     *
     * @return the approval line written
     */
    public CopyRecord approve(String documentOrFile, int count, String by) throws EngineException, IOException {
        requireName(by);
        if (count < 1 || count > CopyNumber.MAX) {
            throw Engine.refused(messages, "approved.invalid", "input.approved", count);
        }
        String document = document(documentOrFile);
        try (LedgerSession s = store.lock()) {
            Recovery.settle(s);
            int made = s.ledger().made(document);
            if (count < made) {
                throw Engine.refused(messages, "approved.below", "ledger.approve-below", document, count, made);
            }
            LedgerEntry line = LedgerEntry.approval(document, count, by.strip(), Instant.now().toString(), null);
            s.append(List.of(line));
            return CopyRecord.of(line);
        }
    }

    /** The ledger's documents (or only {@code documentOrFile}'s when not null) with their approval and copies. */
    public LedgerView status(String documentOrFile) throws EngineException, IOException {
        Ledger ledger = store.lookup();
        List<String> documents = documentOrFile == null ? ledger.documents() : List.of(document(documentOrFile));
        List<LedgerView.DocumentRecord> out = new ArrayList<>();
        for (String d : documents) {
            out.add(new LedgerView.DocumentRecord(d, ledger.approval(d).map(CopyRecord::of), ledger.made(d),
                    ledger.copies(d).stream().map(CopyRecord::of).toList()));
        }
        return new LedgerView(store.name(), out, ledger.problems(), messages);
    }

    /** The copies issued before {@code before} (null: all) that have not come back: the 清退 list. */
    public LedgerView due(LocalDate before) throws IOException {
        Ledger ledger = store.lookup();
        Instant limit = before == null ? null : before.atStartOfDay(ZoneId.systemDefault()).toInstant();
        List<LedgerView.DocumentRecord> out = new ArrayList<>();
        for (String d : ledger.documents()) {
            List<CopyRecord> out0 = ledger.copies(d).stream().filter(e -> e.state() == State.ISSUED)
                    .filter(e -> limit == null || issuedBefore(ledger, e, limit)).map(CopyRecord::of).toList();
            if (!out0.isEmpty()) {
                out.add(new LedgerView.DocumentRecord(d, ledger.approval(d).map(CopyRecord::of), ledger.made(d), out0));
            }
        }
        return new LedgerView(store.name(), out, ledger.problems(), messages);
    }

    private static boolean issuedBefore(Ledger ledger, LedgerEntry latest, Instant limit) {
        String issued = ledger.history(latest.document(), latest.copy()).stream().filter(e -> e.state() == State.ISSUED)
                .map(LedgerEntry::time).findFirst().orElse(latest.time());
        try {
            return Instant.parse(issued).isBefore(limit);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** What a line written by {@link #approve}, {@link #returned} or {@link #destroyed} recorded, in one line. */
    public String describe(CopyRecord line) {
        if (line.approved() != null) {
            return messages.format("ledger.approval-recorded", name(), line.document(), line.approved(), line.by(),
                    line.time());
        }
        String who = line.witness() == null ? line.by() : messages.format("ledger.by-witness", line.by(), line.witness());
        return messages.format("ledger.recorded", name(), line.copy(), line.document(),
                LedgerView.stateWord(messages, line.state()), who, line.time());
    }

    /** Records that the copy came back; only an issued copy can. */
    public CopyRecord returned(CopyAct act) throws EngineException, IOException {
        return act(act, State.RETURNED);
    }

    /** Records that the copy was destroyed; an issued or returned copy can be. */
    public CopyRecord destroyed(CopyAct act) throws EngineException, IOException {
        return act(act, State.DESTROYED);
    }

    private CopyRecord act(CopyAct act, State next) throws EngineException, IOException {
        requireName(act.by());
        Identity id = identity(act);
        try (LedgerSession s = store.lock()) {
            Recovery.settle(s);
            Ledger ledger = s.ledger();
            Optional<LedgerEntry> found = id.sha() == null ? ledger.state(id.document(), id.copy())
                    : ledger.find(id.sha(), id.document(), id.copy());
            if (found.isEmpty()) {
                throw id.sha() == null
                        ? Engine.refused(messages, "copy.unknown", "ledger.copy-unknown", id.copy(), id.document(), name())
                        : Engine.refused(messages, "copy.unknown", "ledger.file-unknown", act.file(), name());
            }
            LedgerEntry now = found.get();
            boolean allowed = now.state() == State.ISSUED || now.state() == State.RETURNED && next == State.DESTROYED;
            if (!allowed) {
                throw Engine.refused(messages, "copy.state", "ledger.cannot", now.copy(), now.document(),
                        LedgerView.stateWord(messages, now.state().id()), now.time(),
                        messages.format("ledger.act." + next.id()));
            }
            String witness = blank(act.witness()) ? null : act.witness().strip();
            LedgerEntry line = now.act(next, Instant.now().toString(), act.by().strip(), witness,
                    blank(act.note()) ? null : act.note().strip());
            s.append(List.of(line));
            return CopyRecord.of(line);
        }
    }

    /** Which copy an act is about: a file's hash and metadata, or a document id and number. */
    private record Identity(String sha, String document, String copy) {
    }

    private Identity identity(CopyAct act) throws EngineException, IOException {
        if (act.file() != null) {
            Engine.requireRegular(messages, act.file(), "file.invalid");
            Map<String, String> props = metadata(act.file());
            return new Identity(Digests.sha256(act.file()), props.get(MetadataKeys.ID), props.get(MetadataKeys.COPY));
        }
        if (blank(act.document()) || blank(act.copy())) {
            throw Engine.refused(messages, "copy.missing", "ledger.which-copy");
        }
        String digits = act.copy().strip();
        if (!digits.matches("\\d{1,6}") || Integer.parseInt(digits) < 1) {
            throw Engine.refused(messages, "copy.invalid", "input.copy", CopyNumber.MAX, act.copy());
        }
        return new Identity(null, act.document().strip(), new CopyNumber(Integer.parseInt(digits)).formatted());
    }

    private Map<String, String> metadata(Path file) {
        Optional<DocumentFormat> format = formats.forFile(file);
        if (format.isEmpty()) {
            return Map.of();
        }
        try {
            return format.get().metadata(file);
        } catch (DocumentException e) {
            return Map.of();
        }
    }

    /** The document an argument names: an existing file's id (as stamped, or as a stamp would give), else the id itself. */
    private String document(String documentOrFile) throws EngineException, IOException {
        if (blank(documentOrFile)) {
            throw Engine.refused(messages, "document.missing", "ledger.which-document");
        }
        String text = documentOrFile.strip();
        Path p;
        try {
            p = Path.of(text);
        } catch (InvalidPathException e) {
            return text;
        }
        return Files.isRegularFile(p) ? DocumentIds.of(formats, p) : text;
    }

    private void requireName(String by) throws EngineException {
        if (blank(by)) {
            throw Engine.refused(messages, "by.missing", "ledger.by-required");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
