package dev.marking.core.format.ofd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.StampCases;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Severity;
import dev.marking.core.scan.FileResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import dev.marking.core.testing.NeedsCorpus;

/**
 * Issue 13, acceptance 1, over every OFD of the shared corpus: verify reports the unmarked file with its
 * pages; stamping gives a copy that verifies clean, whose every page an independent XPath reader finds
 * with the running mark and the footer and with its own text objects unchanged and in order, with our
 * lines inside the page and off the page's text where there is room; the input is never changed; a
 * sealed or integrity-protected package is refused with one line and nothing written.
 */
class OfdCorpusTest {

    /** Room a header or footer line needs between the page edge and the text (mm). */
    private static final double LINE_ROOM = 6;
    /** Room the first-page block needs above the first text line (mm), shrunk to its smallest. */
    private static final double BLOCK_ROOM = 25;

    private final OfdFormat format = new OfdFormat();

    @TempDir
    Path tmp;

    static List<Path> corpus() throws Exception {
        return OfdTestSupport.corpus();
    }

    @ParameterizedTest(name = "{0}")
    @NeedsCorpus
    @MethodSource("corpus")
    void verifiesStampsAndRestamps(Path source) throws Exception {
        byte[] before = Files.readAllBytes(source);
        OfdXPath original = new OfdXPath(source);
        List<String> pages = original.pages();
        FileResult unmarked = OfdTestSupport.scanner().check(source);
        assertTrue(unmarked.findings().stream().anyMatch(f -> f.rule().equals("marking.missing")), unmarked.findings()
                .toString());
        ReadModel model = format.read(source);
        assertEquals(pages.size(), model.slots().size(), "one slot per page");
        List<String> ours = bodyTexts(model, pages.size());
        for (int i = 0; i < pages.size(); i++) {
            assertEquals(sortedChars(String.join("", texts(original.textObjects(pages.get(i))))), sortedChars(ours.get(i)),
                    "our reader keeps every character of page " + (i + 1));
        }

        Path out = tmp.resolve("stamped.ofd");
        StampOptions options = StampCases.first();
        if (sealed(original)) {
            DocumentException e = assertThrows(DocumentException.class, () -> format.stamp(source, out, options));
            assertEquals(DocumentException.Kind.REFUSED, e.kind());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            assertTrue(e.getMessage().contains("stamping would break it"), e.getMessage());
            assertFalse(Files.exists(out), "nothing at the target");
            assertArrayEquals(before, Files.readAllBytes(source), "input unchanged");
            return;
        }
        format.stamp(source, out, options);
        assertArrayEquals(before, Files.readAllBytes(source), "input unchanged");
        assertVerifiesClean(out, unmarked, "机密★5年", "000123");
        assertPages(original, new OfdXPath(out), options);
        assertEquals(bodyTexts(model, pages.size()), bodyTexts(format.read(out), pages.size()), "our reader's page texts");

        Path again = tmp.resolve("restamped.ofd");
        StampOptions other = StampCases.second();
        format.stamp(out, again, other);
        assertVerifiesClean(again, unmarked, "秘密★1年", "000007");
        OfdXPath re = new OfdXPath(again);
        assertPages(original, re, other);
        for (String page : re.pages()) {
            assertFalse(re.textObjects(page).stream().anyMatch(t -> t.text().contains("机密")), "old mark gone from " + page);
        }
        assertEquals(1, re.entries().keySet().stream().filter(n -> n.endsWith(".ttf") && n.contains("MarkingStamp")).count(),
                "one stamp font after a restamp");
    }

    /** A seal or integrity list protects the package (read with XPath, not with the adapter). */
    private static boolean sealed(OfdXPath pkg) throws Exception {
        return !pkg.string("OFD.xml", "//*[local-name()='DocBody']/*[local-name()='Signatures']").isEmpty()
                || pkg.entries().containsKey("OFDEntries.xml");
    }

    /** No error but those the content itself already had (the filler text of one file reads as fake de-classification). */
    private static void assertVerifiesClean(Path file, FileResult unmarked, String mark, String copy) {
        FileResult r = OfdTestSupport.scanner().check(file);
        List<String> before = unmarked.findings().stream().map(f -> f.rule() + " " + f.location() + " " + f.evidence())
                .toList();
        List<Finding> errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> !before.contains(f.rule() + " " + f.location() + " " + f.evidence())).toList();
        assertEquals(List.of(), errors, file.toString());
        assertEquals(mark, r.marking().orElseThrow().mark());
        assertEquals(copy, r.marking().get().copy().orElseThrow().formatted());
    }

    /** Every page: the original objects first and unchanged, then ours, placed within the page and off the text. */
    private static void assertPages(OfdXPath original, OfdXPath stamped, StampOptions options) throws Exception {
        double[] box = stamped.physicalBox();
        String mark = options.marking().mark();
        String footer = options.footerText().orElseThrow();
        for (String page : original.pages()) {
            List<OfdXPath.TextObject> was = original.textObjects(page);
            List<OfdXPath.TextObject> now = stamped.textObjects(page);
            assertEquals(texts(was), texts(now.subList(0, was.size())), "original text of " + page);
            List<OfdXPath.TextObject> added = now.subList(was.size(), now.size());
            assertTrue(added.stream().anyMatch(t -> t.text().equals(mark) && t.name().endsWith("header")), "mark on " + page);
            assertTrue(added.stream().anyMatch(t -> t.text().equals(footer)), "footer on " + page);
            assertTrue(added.stream().anyMatch(t -> t.text().equals(options.marking().watermarkText())), "watermark");
            List<double[]> text = was.stream().filter(t -> !t.text().isBlank()).map(OfdXPath.TextObject::boundary)
                    .filter(b -> b[2] * b[3] < box[2] * box[3] / 4).toList();
            double textTop = text.stream().mapToDouble(b -> b[1]).min().orElse(box[3]);
            double textBottom = text.stream().mapToDouble(b -> b[1] + b[3]).max().orElse(0);
            for (OfdXPath.TextObject t : added) {
                double[] b = t.boundary();
                assertTrue(b[0] >= box[0] && b[1] >= box[1] && b[0] + b[2] <= box[0] + box[2] + 1e-6
                        && b[1] + b[3] <= box[1] + box[3] + 1e-6, t + " inside the page");
                boolean room = t.name().endsWith("header") && textTop >= LINE_ROOM
                        || t.name().endsWith("footer") && textBottom <= box[3] - LINE_ROOM
                        || t.name().endsWith("block") && textTop >= BLOCK_ROOM;
                if (room) {
                    assertTrue(text.stream().noneMatch(x -> overlap(x, b)), t.name() + " off the text of " + page);
                }
                if (t.name().endsWith("block") && textTop >= BLOCK_ROOM) {
                    assertTrue(b[1] + b[3] <= textTop + 1e-6, "block above the first text line of " + page);
                }
                if (t.name().endsWith("footer") && textBottom <= box[3] - LINE_ROOM) {
                    assertTrue(b[1] >= textBottom - 1e-6, "footer below the last text line of " + page);
                }
            }
        }
        List<String> block = new ArrayList<>();
        for (OfdXPath.TextObject t : stamped.textObjects(stamped.pages().get(0))) {
            if (t.name().endsWith("block")) {
                block.add(t.text());
            }
        }
        assertEquals(options.firstPageBlock(), block, "the GB/T 9704 block on page 1");
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
    }

    private static List<String> texts(List<OfdXPath.TextObject> objects) {
        return objects.stream().map(OfdXPath.TextObject::text).toList();
    }

    private static String sortedChars(String s) {
        return s.replaceAll("\\s+", "").codePoints().sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Our reader's page text per page (annotations left out), whitespace removed. */
    private static List<String> bodyTexts(ReadModel model, int pages) {
        List<String> out = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
            int page = p;
            out.add(model.body().stream().filter(b -> b.location().page() == page && b.location().part() == null)
                    .map(TextBlock::text)
                    .collect(Collectors.joining()).replaceAll("\\s+", ""));
        }
        return out;
    }
}
