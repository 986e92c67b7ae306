package dev.marking.core.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.io.AtomicFiles;
import dev.marking.core.ledger.LedgerEntry.State;
import dev.marking.core.text.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 18, acceptance 3, in-process: a ledger whose disk fills up mid-line is never torn (a channel
 * that fails after N bytes), a torn end left by an older version is reported, backed up and repaired,
 * and recovery settles every copy a stopped run left reserved or staged (in every store).
 */
class LedgerStoreTest {

    @TempDir
    Path dir;

    private static LedgerEntry reserved(String copy, Path folder) {
        return new LedgerEntry(State.RESERVED, "doc1", copy, "张三", "a." + copy + ".md",
                folder == null ? null : folder.toString(), null, "2026-12-01T00:00:00Z", null, null, null, null);
    }

    private static List<LedgerEntry> batch(int from, int count) {
        List<LedgerEntry> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(reserved(String.format("%06d", i), null));
        }
        return out;
    }

    @Test
    void anAppendCutShortByAFullDiskIsTakenBackWhole() throws Exception {
        Path file = dir.resolve("L.jsonl");
        try (LedgerSession s = LedgerStore.file(file).lock()) {
            s.append(batch(1, 3));
        }
        byte[] before = Files.readAllBytes(file);
        int lineLength = LedgerLines.encode(batch(4, 1)).length;
        for (long budget : new long[] {0, 1, 17, lineLength - 1, lineLength, lineLength + 5, 3L * lineLength - 1}) {
            FailingChannel[] ch = new FailingChannel[1];
            JsonlLedgerStore store = new JsonlLedgerStore(file, f -> ch[0] = FailingChannel.open(f, budget));
            try (LedgerSession s = store.lock()) {
                IOException e = assertThrows(IOException.class, () -> s.append(batch(4, 3)), "budget " + budget);
                assertTrue(e.getMessage().contains("No space left"), e.getMessage());
                assertArrayEquals(before, Files.readAllBytes(file), "budget " + budget + ": nothing of the failed append stays");
                assertEquals(3, s.ledger().lines().size());
                ch[0].free(1 << 20);
                s.append(batch(4, 1));
            }
            Ledger after = Ledger.read(file);
            assertTrue(after.problems().isEmpty(), after.problems().toString());
            assertEquals(4, after.lines().size(), "budget " + budget);
            Files.write(file, before);
        }
    }

    @Test
    void whenEvenTheTakeBackFailsTheNextSessionRepairsTheTornEnd() throws Exception {
        Path file = dir.resolve("L.jsonl");
        try (LedgerSession s = LedgerStore.file(file).lock()) {
            s.append(batch(1, 2));
        }
        long good = Files.size(file);
        JsonlLedgerStore failing = new JsonlLedgerStore(file, f -> FailingChannel.open(f, 40).failTruncation());
        try (LedgerSession s = failing.lock()) {
            IOException e = assertThrows(IOException.class, () -> s.append(batch(3, 1)));
            assertEquals(1, e.getCause().getSuppressed().length, "the failed take-back is kept with the failure");
        } catch (IOException closing) {
            // closing forces the channel; a failing disk may refuse that too
            assertTrue(closing.getMessage() != null);
        }
        assertEquals(good + 40, Files.size(file), "40 bytes of a line are stuck at the end");
        Ledger read = Ledger.read(file);
        assertEquals(2, read.lines().size(), "a reader leaves the torn line out");
        assertEquals(1, read.problems().size());
        assertTrue(read.problems().get(0).contains(":3: the last line is incomplete"), read.problems().get(0));

        try (LedgerSession s = LedgerStore.file(file).lock()) {
            assertEquals(1, s.repairs().size(), s.repairs().toString());
            assertEquals(2, s.ledger().lines().size());
            s.append(batch(3, 1));
        }
        assertEquals(3, Ledger.read(file).lines().size());
        assertTrue(Ledger.read(file).problems().isEmpty());
    }

    /** The issue's case: {@code L.jsonl:51: not a ledger line} blocked stamp, trace and presend for good. */
    @Test
    void aTornLineFromAnOlderVersionIsReportedBackedUpAndRepaired() throws Exception {
        Path file = dir.resolve("L.jsonl");
        StringBuilder old = new StringBuilder();
        for (int i = 1; i <= 50; i++) {
            old.append(String.format("{\"document\":\"doc1\",\"copy\":\"%06d\",\"recipient\":null,\"file\":\"a.%06d.md\","
                    + "\"sha256\":\"%064d\",\"time\":\"2026-11-01T00:00:00Z\"}%n", i, i, i));
        }
        old.append("{\"document\":\"doc1\",\"copy\":\"000051\",\"recipient\":null,\"file\":\"a.0000");
        byte[] torn = old.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(file, torn);

        Ledger looked = LedgerStore.file(file).lookup();
        assertEquals(50, looked.entries().size());
        assertEquals(1, looked.problems().size());
        String note = looked.problems().get(0);
        assertTrue(note.contains("L.jsonl:51: the last line was cut off"), note);
        assertTrue(note.contains("copy 000051 of document doc1 it named is void"), note);

        Path backup;
        try (Stream<Path> s = Files.list(dir)) {
            backup = s.filter(p -> p.getFileName().toString().matches("L\\.jsonl\\.torn-\\d{8}T\\d{9}Z\\.bak"))
                    .findFirst().orElseThrow();
        }
        assertArrayEquals(torn, Files.readAllBytes(backup), "the backup is the whole file as found");
        Ledger repaired = Ledger.read(file);
        assertTrue(repaired.problems().isEmpty());
        assertEquals(51, repaired.lines().size());
        assertEquals(State.VOID, repaired.state("doc1", "000051").orElseThrow().state());
        assertTrue(repaired.issued("doc1").contains(51), "the torn line's number is never issued again");
    }

    /** On every store: the file, SQLite, PostgreSQL (issue 21). */
    @ParameterizedTest
    @MethodSource("dev.marking.core.ledger.LedgerStoresTest#kinds")
    void recoveryConfirmsWhatIsInPlaceAndVoidsTheRest(String kind) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        LedgerStore store = LedgerStoresTest.store(kind, dir);
        Path inPlace = Files.writeString(out.resolve("a.000002.md"), "copy 2", StandardCharsets.UTF_8);
        Path foreign = Files.writeString(out.resolve("a.000004.md"), "not the staged copy", StandardCharsets.UTF_8);
        Path oldTemp = Files.writeString(out.resolve(".marking-1-1-0a1b.tmp"), "half a copy", StandardCharsets.UTF_8);
        try (LedgerSession s = store.lock()) {
            List<LedgerEntry> taken = List.of(reserved("000001", out), reserved("000002", out), reserved("000003", out),
                    reserved("000004", out));
            s.append(taken);
            s.append(List.of(taken.get(1).advance(State.STAGED, Digests.sha256(inPlace), "t", null),
                    taken.get(2).advance(State.STAGED, "00", "t", null),
                    taken.get(3).advance(State.STAGED, "00", "t", null)));
        }
        List<String> notes;
        try (LedgerSession s = store.lock()) {
            notes = Recovery.settle(s);
        }
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("1 confirmed") && notes.get(0).contains("3 void"), notes.get(0));
        Ledger l = store.read();
        assertEquals(State.VOID, l.state("doc1", "000001").orElseThrow().state());
        assertEquals(State.ISSUED, l.state("doc1", "000002").orElseThrow().state());
        assertEquals(State.VOID, l.state("doc1", "000003").orElseThrow().state());
        LedgerEntry four = l.state("doc1", "000004").orElseThrow();
        assertEquals(State.VOID, four.state());
        assertTrue(four.note().contains("left alone"), four.note());
        assertTrue(Files.exists(foreign), "a file we did not write is never removed");
        assertFalse(Files.exists(oldTemp), "the temporary file of an ended process is removed");
        assertTrue(l.pending().isEmpty());
        assertEquals(List.of("000002"), l.entries().stream().map(LedgerEntry::copy).toList());
        try (LedgerSession s = store.lock()) {
            assertTrue(Recovery.settle(s).isEmpty(), "settling twice changes nothing");
        }
    }

    @Test
    void temporaryFilesArePrivateAndOnlyThoseOfEndedProcessesAreRemoved() throws Exception {
        Path temp = AtomicFiles.newTemp(dir);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(temp)));
        Path dead = Files.writeString(dir.resolve(".marking-999999999-1-00ff.tmp"), "x", StandardCharsets.UTF_8);
        assertEquals(1, AtomicFiles.removeAbandoned(dir));
        assertTrue(Files.exists(temp), "this process's own temporary file stays");
        assertFalse(Files.exists(dead));
        Path target = dir.resolve("done.txt");
        AtomicFiles.moveIntoPlace(temp, target, false);
        assertFalse(Files.getPosixFilePermissions(target).isEmpty());
        assertTrue(Files.getPosixFilePermissions(target).contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ));
        Path again = AtomicFiles.newTemp(dir);
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> AtomicFiles.moveIntoPlace(again, target, false));
    }
}
