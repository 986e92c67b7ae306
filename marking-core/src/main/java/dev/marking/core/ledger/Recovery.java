package dev.marking.core.ledger;

import dev.marking.core.io.AtomicFiles;
import dev.marking.core.ledger.LedgerEntry.State;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settles the copies a stopped run left behind (killed, crashed, out of disk), under the ledger's lock:
 * a staged copy whose file is in place with the staged hash is confirmed; every other reserved or staged
 * copy becomes void — its number is never issued again, and a file at its name that is not the staged
 * copy is left alone (we did not write it). Temporary files of ended runs in the copies' folders are
 * removed. Run at the start of every numbered stamp and after a batch that failed.
 */
public final class Recovery {

    private Recovery() {
    }

    /** Settles {@code session}'s pending copies; returns one line per document for the user (empty when none). */
    public static List<String> settle(LedgerSession session) throws IOException {
        List<LedgerEntry> pending = session.ledger().pending();
        if (pending.isEmpty()) {
            return List.of();
        }
        String now = Instant.now().toString();
        List<LedgerEntry> settled = new ArrayList<>();
        Set<Path> folders = new LinkedHashSet<>();
        Map<String, int[]> counts = new TreeMap<>();
        for (LedgerEntry e : pending) {
            Path target = e.folder() == null || e.file() == null ? null : Path.of(e.folder()).resolve(e.file());
            if (e.folder() != null) {
                folders.add(Path.of(e.folder()));
            }
            int[] c = counts.computeIfAbsent(e.document(), d -> new int[2]);
            if (e.state() == State.STAGED && inPlace(target, e.sha256())) {
                settled.add(e.advance(State.ISSUED, null, now, "confirmed by recovery: the run stopped after the copy"
                        + " was in place"));
                c[0]++;
            } else {
                settled.add(e.advance(State.VOID, null, now, why(e, target)));
                c[1]++;
            }
        }
        for (Path folder : folders) {
            AtomicFiles.removeAbandoned(folder);
        }
        session.append(settled);
        List<String> notes = new ArrayList<>();
        counts.forEach((doc, c) -> notes.add(session.name() + ": a stopped run left copies of document " + doc
                + " unsettled: " + c[0] + " confirmed (in place with the recorded hash), " + c[1]
                + " void (never written; their numbers are not issued again)"));
        return notes;
    }

    private static boolean inPlace(Path target, String sha) throws IOException {
        return target != null && sha != null && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && sha.equalsIgnoreCase(Digests.sha256(target));
    }

    private static String why(LedgerEntry e, Path target) {
        boolean exists = target != null && Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists) {
            return "a stopped run left this copy " + e.state().id() + "; the file at its name is not the staged copy"
                    + " and was left alone";
        }
        return e.state() == State.RESERVED ? "the run stopped before the copy was written"
                : "the run stopped before the staged copy was renamed into place; its temporary file was removed";
    }
}
