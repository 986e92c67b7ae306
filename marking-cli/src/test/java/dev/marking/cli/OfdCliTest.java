package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI takes OFD files: stamp and verify a real one; a sealed one is refused in one line. */
class OfdCliTest {

    @TempDir
    Path dir;

    @Test
    void stampThenVerifyAnOfd() {
        Path in = Corpus.file("ofd/easyofdrs_gen_02_multi_page.ofd");
        assertTrue(Files.isRegularFile(in), "corpus file not found: " + in.toAbsolutePath());
        Path out = dir.resolve("out");
        CliRun stamp = CliRun.of("stamp", "--level", "机密", "--term", "5", "--copy", "3", "-o", out.toString(),
                in.toString(), "--lang", "en");
        assertEquals(0, stamp.exit(), stamp.err());
        assertTrue(Files.exists(out.resolve("easyofdrs_gen_02_multi_page.000003.ofd")));
        CliRun verify = CliRun.of("verify", "--lang", "en", out.toString());
        assertEquals(0, verify.exit(), verify.out());
        assertTrue(verify.out().contains("[机密★5年 第000003份]"), verify.out());
        CliRun original = CliRun.of("verify", "--lang", "en", in.toString());
        assertEquals(1, original.exit());
        assertTrue(original.out().contains("marking.missing"), original.out());
    }

    @Test
    void aSealedOfdIsRefusedInOneLine() throws Exception {
        Path in = Corpus.file("ofd/ofdrw_allprotected.ofd");
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("stamp", "--level", "秘密", "-o", out.toString(), in.toString(), "--lang", "en");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("electronic seal"), r.err());
        try (var s = Files.list(out)) {
            assertEquals(List.of(), s.toList(), "nothing written");
        }
    }
}
