package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.ExternalTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stamp --convert}: an RTF is refused in one line without it and becomes a stamped DOCX with it. */
class ConvertCliTest {

    /** {@code 试验简报} in GBK, as Word writes an RTF on Chinese Windows. */
    private static final String RTF = "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}"
            + "\\pard \\'ca\\'d4\\'d1\\'e9\\'bc\\'f2\\'b1\\'a8\\par}";

    @TempDir
    Path dir;

    @Test
    void withoutConvertTheFileIsRefusedInOneLine() throws Exception {
        Path rtf = Files.writeString(dir.resolve("通知.rtf"), RTF, StandardCharsets.US_ASCII);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("stamp", "--level", "机密", "--term", "5", "-o", out.toString(), rtf.toString());
        assertEquals(2, r.exit());
        assertEquals("marking: " + rtf + ": 通知.rtf is an RTF file: stamp it with --convert (needs LibreOffice) or"
                + " save it as .docx", r.err().strip());
        assertTrue(!Files.exists(out) || list(out).isEmpty(), "nothing written");
    }

    @Test
    void withConvertItIsStampedAsDocx() throws Exception {
        ExternalTools.require("soffice", "stamp --convert");
        Path rtf = Files.writeString(dir.resolve("通知.rtf"), RTF, StandardCharsets.US_ASCII);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("stamp", "--level", "机密", "--term", "5", "--copy", "1", "--convert", "-o", out.toString(),
                rtf.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(out.resolve("通知.000001.docx")), list(out));
        CliRun verify = CliRun.of("verify", "--lang", "en", out.toString());
        assertEquals(0, verify.exit(), verify.out());
        assertTrue(verify.out().contains("[机密★5年 第000001份]"), verify.out());
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }
}
