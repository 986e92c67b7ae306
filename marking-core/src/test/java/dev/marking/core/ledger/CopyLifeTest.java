package dev.marking.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.ledger.LedgerEntry.State;
import dev.marking.core.model.Message;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 21: approvals, returns and destructions are ledger lines that read back as written and count as the rules say. */
class CopyLifeTest {

    private static LedgerEntry issued(String copy) {
        return new LedgerEntry(State.ISSUED, "doc1", copy, "张三", "a." + copy + ".md", "/tmp/out", "ab" + copy,
                "2026-12-01T00:00:00Z", null, null, null, null);
    }

    private static Ledger ledger(List<LedgerEntry> lines) throws Exception {
        return Ledger.parse(Path.of("t.jsonl"), LedgerLines.encode(lines));
    }

    @Test
    void newLinesReadBackAsWritten() throws Exception {
        LedgerEntry approval = LedgerEntry.approval("doc1", 3, "李四", "2026-12-01T01:00:00Z", null);
        LedgerEntry destroyed = issued("000002").act(State.DESTROYED, "2026-12-02T00:00:00Z", "王五", "赵六", "碎纸机");
        List<LedgerEntry> lines = List.of(approval, issued("000001"), destroyed);
        assertEquals(lines, ledger(lines).lines());
        String json = new String(LedgerLines.encode(List.of(approval)), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"state\":\"approved\"") && !json.contains("\"copy\""), json);
    }

    @Test
    void anApprovalLineWithoutACountIsNotALedgerLine() {
        assertTrue(LedgerLines.entry("{\"state\":\"approved\",\"document\":\"doc1\"}").isEmpty());
        assertTrue(LedgerLines.entry("{\"state\":\"approved\",\"document\":\"doc1\",\"approved\":0}").isEmpty());
        assertTrue(LedgerLines.entry("{\"state\":\"returned\",\"document\":\"doc1\"}").isEmpty(), "a copy line needs a copy");
    }

    @Test
    void everyCopyButTheVoidOnesCountsAgainstTheApproval() throws Exception {
        Ledger l = ledger(List.of(LedgerEntry.approval("doc1", 3, "李四", "t", null), issued("000001"),
                issued("000002").act(State.DESTROYED, "t2", "王五", null, null),
                issued("000003").advance(State.VOID, null, "t3", "never written")));
        assertEquals(2, l.made("doc1"));
        assertEquals(Optional.empty(), Approvals.refusal(l, "doc1", 1, null));
        Optional<Message> refused = Approvals.refusal(l, "doc1", 2, null);
        assertEquals("approval.exceeded", refused.orElseThrow().key());
        assertEquals(List.of("doc1", 3, "李四", "t", 2, 2), refused.get().args());
        assertEquals("approval.differs", Approvals.refusal(l, "doc1", 1, 5).orElseThrow().key());
        assertEquals(Optional.empty(), Approvals.refusal(l, "other", 100, null), "no approval, no limit");
        assertEquals("approval.exceeded", Approvals.refusal(l, "other", 4, 3).orElseThrow().key());
        assertTrue(Approvals.toRecord(l, "doc1", 3, "x", "t").isEmpty(), "an approval in force is not recorded again");
        assertEquals(5, Approvals.toRecord(l, "other", 5, "x", "t").orElseThrow().approved());
    }

    @Test
    void aDestroyedCopyIsStillFoundByItsHashWithItsHistory() throws Exception {
        Ledger l = ledger(List.of(issued("000001"), issued("000001").act(State.RETURNED, "t1", "王五", null, null),
                issued("000001").act(State.DESTROYED, "t2", "王五", "赵六", null)));
        LedgerEntry now = l.find("AB000001", null, null).orElseThrow();
        assertEquals(State.DESTROYED, now.state());
        assertEquals("赵六", now.witness());
        assertEquals(List.of(State.ISSUED, State.RETURNED, State.DESTROYED),
                l.history("doc1", "000001").stream().map(LedgerEntry::state).toList());
        assertTrue(l.entries().isEmpty(), "a destroyed copy is not an issued one");
        assertEquals(State.DESTROYED, l.find(null, "doc1", "000001").orElseThrow().state());
    }
}
