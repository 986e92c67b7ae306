package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: the life of a copy through the CLI — the approved number of copies (acceptance 1), then return
 * and destruction as {@code ledger status}, {@code ledger due}, {@code trace} and {@code presend} see them
 * (acceptance 3).
 */
class LedgerLifeCliTest {

    @TempDir
    Path dir;

    private Path source() throws Exception {
        return Files.writeString(dir.resolve("notice.md"), "# 通知\n\n正文。\n", StandardCharsets.UTF_8);
    }

    private CliRun stamp(Path in, Path ledger, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("stamp", "--level", "机密", "--term", "5", "--lang", "en",
                "--ledger", ledger.toString(), "-o", dir.resolve("out").toString()));
        args.addAll(List.of(more));
        args.add(in.toString());
        return CliRun.of(args.toArray(String[]::new));
    }

    private long copiesWritten() throws Exception {
        Path out = dir.resolve("out");
        if (!Files.isDirectory(out)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().matches("notice\\.\\d{6}\\.md")).count();
        }
    }

    @Test
    void copiesBeyondTheApprovalAreRefusedUntilARecordedApprovalRaisesIt() throws Exception {
        Path in = source();
        Path ledger = dir.resolve("ledger.jsonl");

        CliRun tooMany = stamp(in, ledger, "--approved", "3", "--copies", "1-5");
        assertEquals(2, tooMany.exit(), tooMany.out() + tooMany.err());
        assertEquals(1, tooMany.err().lines().count(), tooMany.err());
        assertTrue(tooMany.err().contains("3 copies approved"), tooMany.err());
        assertEquals(0, copiesWritten(), "a refused run writes nothing");

        CliRun three = stamp(in, ledger, "--approved", "3", "--copies", "1-3", "--approved-by", "李四");
        assertEquals(0, three.exit(), three.err());
        assertEquals(3, copiesWritten());
        String lines = Files.readString(ledger, StandardCharsets.UTF_8);
        assertTrue(lines.contains("\"state\":\"approved\"") && lines.contains("\"approved\":3")
                && lines.contains("\"by\":\"李四\""), lines);

        CliRun fourth = stamp(in, ledger, "--copies", "1");
        assertEquals(2, fourth.exit(), fourth.out() + fourth.err());
        assertEquals(1, fourth.err().lines().count(), fourth.err());
        assertTrue(fourth.err().contains("3 copies approved (by 李四"), fourth.err());
        assertTrue(fourth.err().contains("marking ledger approve"), fourth.err());
        assertEquals(3, copiesWritten());

        CliRun restated = stamp(in, ledger, "--approved", "4", "--copies", "1");
        assertEquals(2, restated.exit(), "a stamp run cannot change an approval: " + restated.err());
        assertTrue(restated.err().contains("already has 3 copies approved"), restated.err());

        CliRun approve = CliRun.of("ledger", "approve", in.toString(), "4", "--by", "王五", "--ledger", ledger.toString(),
                "--lang", "en");
        assertEquals(0, approve.exit(), approve.err());
        assertTrue(approve.out().contains("4 copies approved by 王五"), approve.out());

        CliRun now = stamp(in, ledger, "--copies", "1");
        assertEquals(0, now.exit(), now.err());
        assertEquals(4, copiesWritten());
        assertTrue(Files.exists(dir.resolve("out/notice.000004.md")));
        CliRun fifth = stamp(in, ledger, "--copies", "1");
        assertEquals(2, fifth.exit(), "the fifth copy passes the new approval of four: " + fifth.err());
    }

    @Test
    void anApprovalCannotFallBelowTheCopiesMadeAndNeedsAName() throws Exception {
        Path in = source();
        Path ledger = dir.resolve("ledger.jsonl");
        assertEquals(0, stamp(in, ledger, "--copies", "1-3").exit());
        CliRun low = CliRun.of("ledger", "approve", in.toString(), "2", "--by", "王五", "--ledger", ledger.toString(),
                "--lang", "en");
        assertEquals(2, low.exit());
        assertTrue(low.err().contains("3 copies are already made"), low.err());
        CliRun nobody = CliRun.of("ledger", "approve", in.toString(), "5", "--ledger", ledger.toString());
        assertEquals(2, nobody.exit());
        assertTrue(nobody.err().contains("--by"), nobody.err());
        CliRun alone = CliRun.of("stamp", "--level", "机密", "--approved", "3", "--lang", "en", "-o",
                dir.resolve("single").toString(), in.toString());
        assertEquals(2, alone.exit());
        assertTrue(alone.err().contains("--approved applies to numbered copies"), alone.err());
        assertFalse(Files.exists(dir.resolve("single")), alone.err());
    }

    @Test
    void returnedAndDestroyedCopiesShowInStatusTraceAndDueAndGoNowhere() throws Exception {
        Path in = source();
        Path ledger = dir.resolve("ledger.jsonl");
        assertEquals(0, stamp(in, ledger, "--approved", "7", "--copies", "1-7").exit());
        Path fifth = dir.resolve("out/notice.000005.md");
        Path seventh = dir.resolve("out/notice.000007.md");
        String l = ledger.toString();

        CliRun due = CliRun.of("ledger", "due", "--ledger", l, "--lang", "en");
        assertEquals(0, due.exit(), due.err());
        assertEquals(7, due.out().lines().filter(s -> s.contains("issued")).count(), due.out());

        CliRun back = CliRun.of("ledger", "return", fifth.toString(), "--by", "王五", "--ledger", l, "--lang", "en");
        assertEquals(0, back.exit(), back.err());
        assertTrue(back.out().contains("第000005份") && back.out().contains("returned by 王五"), back.out());
        String doc = Files.readString(ledger, StandardCharsets.UTF_8).lines().filter(s -> s.contains("\"approved\""))
                .findFirst().orElseThrow().replaceAll(".*\"document\":\"([^\"]+)\".*", "$1");
        CliRun gone = CliRun.of("ledger", "destroy", "--doc", doc, "--copy", "7", "--by", "王五", "--witness", "赵六",
                "--ledger", l, "--lang", "en");
        assertEquals(0, gone.exit(), gone.err());
        CliRun twice = CliRun.of("ledger", "return", seventh.toString(), "--by", "王五", "--ledger", l, "--lang", "en");
        assertEquals(2, twice.exit());
        assertTrue(twice.err().contains("第000007份 of document " + doc + " is destroyed"), twice.err());
        CliRun unknown = CliRun.of("ledger", "destroy", "--doc", doc, "--copy", "8", "--by", "王五", "--ledger", l);
        assertEquals(2, unknown.exit(), unknown.err());

        CliRun status = CliRun.of("ledger", "status", in.toString(), "--ledger", l, "--lang", "en");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("7 approved by"), status.out());
        assertTrue(status.out().lines().anyMatch(s -> s.contains("第000005份  returned") && s.contains("by 王五")), status.out());
        assertTrue(status.out().lines().anyMatch(s -> s.contains("第000007份  destroyed") && s.contains("witness 赵六")),
                status.out());
        CliRun zh = CliRun.of("ledger", "status", "--ledger", l, "--lang", "zh");
        assertTrue(zh.out().contains("第000007份  已销毁") && zh.out().contains("监销人 赵六"), zh.out());
        CliRun json = CliRun.of("ledger", "status", "--ledger", l, "--format", "json");
        assertTrue(json.out().contains("\"state\" : \"destroyed\"") && json.out().contains("\"witness\" : \"赵六\""),
                json.out());

        CliRun stillOut = CliRun.of("ledger", "due", "--ledger", l, "--lang", "en");
        assertEquals(5, stillOut.out().lines().filter(s -> s.contains("issued")).count(), stillOut.out());
        assertFalse(stillOut.out().contains("第000005份") || stillOut.out().contains("第000007份"), stillOut.out());
        CliRun before = CliRun.of("ledger", "due", "--before", "2000-01-01", "--ledger", l, "--lang", "en");
        assertFalse(before.out().contains("第0000"), "nothing was issued before 2000: " + before.out());

        CliRun trace = CliRun.of("trace", seventh.toString(), "--ledger", l, "--lang", "en");
        assertEquals(0, trace.exit(), trace.err());
        List<String> steps = trace.out().lines().filter(s -> s.startsWith("  20")).toList();
        assertEquals(4, steps.size(), "reserved, staged, issued, destroyed: " + trace.out());
        assertTrue(steps.get(2).endsWith(" issued"), trace.out());
        assertTrue(steps.get(3).contains(" destroyed ") && steps.get(3).contains("by 王五"), trace.out());
        assertTrue(trace.out().contains("witness 赵六"), trace.out());

        for (String channel : List.of("email", "im", "netdisk", "post", "usb", "fax", "crypto-fax", "courier", "print")) {
            CliRun p = CliRun.of("presend", "--channel", channel, "--ledger", l, "--lang", "en", seventh.toString());
            assertEquals(1, p.exit(), channel + ": " + p.out());
            assertTrue(p.out().contains("copy.destroyed: 第000007份 of document " + doc + " was destroyed on"), p.out());
        }
        CliRun returned = CliRun.of("presend", "--channel", "courier", "--ledger", l, "--lang", "en", fifth.toString());
        assertEquals(1, returned.exit(), returned.out());
        assertTrue(returned.out().contains("copy.returned"), returned.out());
        CliRun issued = CliRun.of("presend", "--channel", "courier", "--ledger", l, "--lang", "en",
                dir.resolve("out/notice.000001.md").toString());
        assertEquals(0, issued.exit(), "an issued copy still goes by courier: " + issued.out());
    }

    @Test
    void faxRefusesSecretCopiesCryptoFaxTakesRegisteredOnesAndTopSecretGoesByCourierOnly() throws Exception {
        Path in = source();
        Path ledger = dir.resolve("ledger.jsonl");
        assertEquals(0, stamp(in, ledger, "--copies", "1").exit());
        String copy = dir.resolve("out/notice.000001.md").toString();
        String l = ledger.toString();
        CliRun fax = CliRun.of("presend", "--channel", "fax", "--ledger", l, "--lang", "en", copy);
        assertEquals(1, fax.exit(), fax.out());
        assertTrue(fax.out().contains("channel.classified: 机密★5年 documents may not go by fax"), fax.out());
        CliRun crypto = CliRun.of("presend", "--channel", "crypto-fax", "--ledger", l, "--lang", "en", copy);
        assertEquals(0, crypto.exit(), crypto.out());
        CliRun unregistered = CliRun.of("presend", "--channel", "crypto-fax", "--lang", "en", copy);
        assertEquals(1, unregistered.exit(), unregistered.out());

        Path top = dir.resolve("top");
        CliRun stamped = CliRun.of("stamp", "--level", "绝密", "--term", "长期", "--copies", "1", "--ledger", l,
                "-o", top.toString(), Files.writeString(dir.resolve("plan.md"), "# 计划\n\n正文。\n").toString());
        assertEquals(0, stamped.exit(), stamped.err());
        String topCopy = top.resolve("plan.000001.md").toString();
        for (String channel : List.of("email", "im", "netdisk", "usb", "fax", "crypto-fax")) {
            CliRun p = CliRun.of("presend", "--channel", channel, "--ledger", l, "--lang", "en", topCopy);
            assertEquals(1, p.exit(), channel + ": " + p.out() + p.err());
            assertTrue(p.out().contains("channel.level: 绝密★长期 documents may not go by " + channel), p.out());
        }
        CliRun courier = CliRun.of("presend", "--channel", "courier", "--ledger", l, "--lang", "en", topCopy);
        assertEquals(0, courier.exit(), courier.out());
        CliRun zh = CliRun.of("presend", "--channel", "crypto-fax", "--ledger", l, "--lang", "zh", topCopy);
        assertTrue(zh.out().contains("只能机要递送"), zh.out());
    }
}
