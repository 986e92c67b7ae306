package dev.marking.core.format.ofd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.StampCases;
import dev.marking.core.model.Finding;
import dev.marking.core.scan.FileResult;
import dev.marking.core.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marking rules see an OFD as they see a PDF: a stamped copy edited afterwards (metadata changed, a
 * page's layer dropped, a footer's number altered, a page's mark typed by hand) gives
 * {@code marking.inconsistent}, {@code marking.incomplete}, {@code copy.invalid}; an unstamped page whose
 * top carries the mark counts as marked.
 */
class OfdMarkingRulesTest {

    @TempDir
    Path dir;

    @Test
    void stampedCopyIsClean() throws Exception {
        assertEquals(List.of(), rules(stamped()));
    }

    @Test
    void metadataThatDisagreesWithTheTextIsInconsistent() throws Exception {
        Path edited = edit(stamped(), "OFD.xml", s -> s.replace("Name=\"marking.level\">机密<", "Name=\"marking.level\">秘密<"));
        assertTrue(rules(edited).contains("marking.inconsistent"), rules(edited).toString());
    }

    @Test
    void aPageWithoutOurLayerIsIncomplete() throws Exception {
        Path edited = edit(stamped(), "Doc_0/Pages/Page_1/Content.xml",
                s -> s.replaceAll("<ofd:Layer[^>]*Type=\"Foreground\">.*</ofd:Layer>", ""));
        List<String> rules = rules(edited);
        assertTrue(rules.contains("marking.incomplete"), rules.toString());
        FileResult r = OfdTestSupport.scanner().check(edited);
        Finding f = r.findings().stream().filter(x -> x.rule().equals("marking.incomplete")).findFirst().orElseThrow();
        assertEquals(2, f.location().page());
    }

    @Test
    void aFooterWithAnotherNumberIsAnInvalidCopy() throws Exception {
        Path edited = edit(stamped(), "Doc_0/Pages/Page_1/Content.xml", s -> s.replace("第000123份<", "第000124份<"));
        assertTrue(rules(edited).contains("copy.invalid"), rules(edited).toString());
    }

    @Test
    void aHandTypedMarkAtTheTopOfPageOneCounts() throws Exception {
        Path file = Fixtures.ofd().line("000042").line("秘密★10年").line("关于工作安排的通知").build(dir.resolve("hand.ofd"));
        FileResult r = OfdTestSupport.scanner().check(file);
        assertEquals("秘密★10年", r.marking().orElseThrow().mark());
        assertEquals("000042", r.marking().get().copy().orElseThrow().formatted());
        assertTrue(rules(file).stream().noneMatch(x -> x.startsWith("marking.missing")), rules(file).toString());
    }

    private Path stamped() throws Exception {
        Path source = Fixtures.ofd().line("正文").page().line("第二页").build(dir.resolve("a.ofd"));
        Path out = dir.resolve("stamped.ofd");
        new OfdFormat().stamp(source, out, StampCases.first());
        return out;
    }

    private static List<String> rules(Path file) {
        return OfdTestSupport.scanner().check(file).findings().stream().filter(f -> !f.rule().equals("hidden.content"))
                .map(Finding::rule).toList();
    }

    /** The package with one part's text changed by {@code change} (which must change it). */
    private Path edit(Path file, String part, UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> entries = new OfdXPath(file).entries();
        String before = new String(entries.get(part), StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertTrue(!after.equals(before), "the edit changed " + part);
        entries.put(part, after.getBytes(StandardCharsets.UTF_8));
        return OfdXPath.zip(entries, dir.resolve("edited-" + System.nanoTime() + ".ofd"));
    }
}
