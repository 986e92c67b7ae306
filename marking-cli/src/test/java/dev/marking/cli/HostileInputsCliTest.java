package dev.marking.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.ExternalTools;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, acceptance 1 (the cases done so far): a FIFO named on the command line and a DOCX nested
 * 100,000 levels deep are each one {@code file.unreadable} finding naming why, the other files of the same
 * scan are still reported, nothing hangs and no stack trace is printed.
 */
class HostileInputsCliTest {

    private static final Duration BUDGET = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        } catch (IOException e) {
            ExternalTools.unavailable("mkfifo is not available here: " + e.getMessage());
            throw e;
        }
        if (mk.waitFor() != 0) {
            ExternalTools.unavailable("mkfifo failed here");
        }
        return p;
    }

    private Path memo() throws IOException {
        return Files.writeString(dir.resolve("memo.txt"), "机密★5年\n正文\n", StandardCharsets.UTF_8);
    }

    private static void noStackTrace(CliRun r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("\tat ") || all.contains("Exception in thread"), all);
    }

    @Test
    void aFifoIsAFindingAndTheScanGoesOn() throws Exception {
        Path p = fifo("p.txt");
        Path memo = memo();
        CliRun r = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("verify", "--lang", "en", p.toString(),
                memo.toString()));
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("not a regular file"), r.out());
        assertTrue(r.out().contains("memo.txt"), "the other file is still reported: " + r.out());
        noStackTrace(r);
    }

    @Test
    void stampingAFifoOrWithAFifoFontNeverOpensIt() throws Exception {
        Path p = fifo("p.txt");
        Path memo = memo();
        Path out = dir.resolve("out");
        CliRun r = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("stamp", "--level", "机密", "--lang", "en",
                "-o", out.toString(), p.toString(), memo.toString()));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
        assertTrue(Files.isRegularFile(out.resolve("memo.txt")), "the other file is stamped");
        noStackTrace(r);

        Path font = fifo("font.ttf");
        CliRun f = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("stamp", "--level", "机密", "--lang", "en",
                "--font", font.toString(), "-o", dir.resolve("out2").toString(), memo.toString()));
        assertEquals(2, f.exit(), f.out() + f.err());
        assertEquals(1, f.err().lines().count(), f.err());
        assertTrue(f.err().contains("not a regular file"), f.err());
    }

    /** A DOCX whose body nests {@code depth} {@code w:customXml} elements around one paragraph (under 1 MB). */
    private Path deepDocx(String name, int depth) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w="
                    + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            // Random element names keep the part from compressing so well that POI's ratio guard rejects it.
            Random random = new Random(18);
            for (int i = 0; i < depth; i++) {
                body.append("<w:customXml w:element=\"x").append(Integer.toHexString(random.nextInt(1 << 24)))
                        .append("\">");
            }
            body.append("<w:p><w:r><w:t>机密★5年</w:t></w:r></w:p>");
            body.append("</w:customXml>".repeat(depth));
            body.append("</w:body></w:document>");
            put(zip, "word/document.xml", body.toString());
        }
        assertTrue(Files.size(file) < 1_000_000, "small on disk: " + Files.size(file));
        return file;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void aDocxNestedTooDeeplyIsAFindingAndTheScanGoesOn() throws Exception {
        Path deep = deepDocx("deep.docx", 100_000);
        Path memo = memo();
        CliRun r = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("verify", "--lang", "en", deep.toString(),
                memo.toString()));
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("deep.docx"), r.out());
        // the streamed DOCX reader names its depth limit; a reader without one ends in "nested too deeply"
        assertTrue(r.out().contains("file.unreadable") && (r.out().contains("nesting deeper than 1,000")
                || r.out().contains("nested too deeply")), r.out());
        assertTrue(r.out().contains("memo.txt"), "the other file is still reported: " + r.out());
        noStackTrace(r);

        CliRun s = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("stamp", "--level", "机密", "--lang", "en",
                "-o", dir.resolve("out").toString(), deep.toString()));
        assertEquals(2, s.exit(), s.out() + s.err());
        assertEquals(1, s.err().lines().count(), s.err());
        noStackTrace(s);

        CliRun t = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("trace", deep.toString()));
        assertEquals(2, t.exit(), t.out() + t.err());
        assertEquals(1, t.err().lines().count(), t.err());
        noStackTrace(t);
        CliRun p = assertTimeoutPreemptively(BUDGET, () -> CliRun.of("presend", "--channel", "email", "--lang", "en",
                deep.toString()));
        assertTrue(p.exit() == 1 || p.exit() == 2, "blocked or refused, never allowed: " + p.out() + p.err());
        assertTrue(p.err().lines().count() <= 1, p.err());
        noStackTrace(p);
    }

    @Test
    void aControlCharacterInARecipientIsRefusedBeforeAnyCopyIsMade() throws Exception {
        StringBuilder csv = new StringBuilder("name,unit\n");
        for (int i = 1; i <= 18; i++) {
            csv.append(i == 17 ? "王\u0007五" : "张" + i).append(",办公室\n");
        }
        Path people = Files.writeString(dir.resolve("people.csv"), csv, StandardCharsets.UTF_8);
        Path memo = memo();
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("stamp", "--level", "机密", "--term", "5", "--lang", "en", "--recipients",
                people.toString(), "--ledger", dir.resolve("ledger.jsonl").toString(), "-o", out.toString(),
                memo.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("people.csv:18"), r.err());
        if (Files.exists(out)) {
            try (Stream<Path> made = Files.list(out)) {
                assertEquals(List.of(), made.toList(), "no copy was made");
            }
        }
        noStackTrace(r);
    }
}
