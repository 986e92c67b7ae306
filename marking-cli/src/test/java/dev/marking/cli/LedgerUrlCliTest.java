package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.LedgerStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 21: {@code --ledger} takes a file or a URL in stamp, trace and presend; a URL of another kind or
 * one carrying a password is refused in one line (exit 2), without repeating the password.
 */
class LedgerUrlCliTest {

    @TempDir
    Path dir;

    /** Stamp two copies into the ledger, then trace and presend (courier needs the registered copy) against it. */
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void stampTraceAndPresendUseTheLedgerAtTheUrl(String kind) throws Exception {
        String ledger = LedgerStores.location(kind, dir);
        Path doc = Files.writeString(dir.resolve("doc.md"), "# 通知\n\n正文\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliRun stamp = CliRun.of("stamp", "--level", "机密", "--term", "5", "--copies", "2", "--ledger", ledger, "--lang",
                "en", "-o", out.toString(), doc.toString());
        assertEquals(0, stamp.exit(), stamp.out() + stamp.err());
        Path copy = out.resolve("doc.000002.md");
        assertTrue(Files.exists(copy), stamp.out());
        CliRun trace = CliRun.of("trace", "--ledger", ledger, copy.toString());
        assertEquals(0, trace.exit(), trace.out() + trace.err());
        assertTrue(trace.out().contains("ledger: copy 000002 of document") && trace.out().contains("(file unchanged"),
                trace.out());
        CliRun courier = CliRun.of("presend", "--channel", "courier", "--ledger", ledger, "--lang", "en", copy.toString());
        assertEquals(0, courier.exit(), courier.out() + courier.err());
        CliRun unregistered = CliRun.of("presend", "--channel", "courier", "--ledger", ledger, "--lang", "en",
                doc.toString());
        assertEquals(1, unregistered.exit(), unregistered.out() + unregistered.err());
    }

    @Test
    void aLedgerUrlOfAnotherKindOrWithAPasswordIsRefusedInOneLine() {
        Path doc = dir.resolve("doc.md");
        for (String url : new String[] {"mysql://db/register", "postgresql://clerk:s3cret@db/register",
            "postgresql://clerk@db/register?password=s3cret"}) {
            CliRun r = CliRun.of("stamp", "--level", "机密", "--copies", "2", "--ledger", url, "--lang", "en", "-o",
                    dir.resolve("out").toString(), doc.toString());
            assertEquals(2, r.exit(), url + ": " + r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("--ledger"), r.err());
            assertFalse(r.err().contains("s3cret"), "the password is not repeated: " + r.err());
        }
        CliRun help = CliRun.of("stamp", "--help");
        assertTrue(help.out().contains("PGPASSWORD") && help.out().contains("~/.pgpass"), help.out());
    }
}
