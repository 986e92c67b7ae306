package dev.marking.core.rules.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.HiddenItem;
import dev.marking.core.format.HiddenKind;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.docx.DocxFormat;
import dev.marking.core.format.pdf.PdfFormat;
import dev.marking.core.model.Finding;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4, acceptance 3: no normal document of the real-world corpus gets {@code redaction.fake}. The files
 * that legitimately do are listed in {@link #EXPECTED} with the covered text and why it is right.
 */
class RedactionCorpusTest {

    /** A corpus file that rightly gets {@code redaction.fake}: how many findings, what each starts with, and why. */
    record Expected(int findings, String startsWith, String why) {
    }

    static final Map<String, Expected> EXPECTED = Map.of(
            "plumber_federal-register-2020-17221.pdf", new Expected(15, "VerDate Sep<11>2014",
                    "the GPO typesetting slug (job, frame, file path and the operator's login 'jbellon' on workstation"
                    + " DSKJLSW7X2PROD) is printed in white on white in the margin of each of the 15 pages: invisible"
                    + " to a reader, copied out by anyone - exactly what the rule is for"));

    private final List<DocumentFormat> formats = List.of(new PdfFormat(), new DocxFormat());

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> s = Files.walk(Corpus.root())) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".pdf") || p.toString().endsWith(".docx"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @NeedsCorpus
    void noFakeRedactionOnNormalDocuments(Path file) {
        DocumentFormat format = formats.stream().filter(f -> f.supports(file)).findFirst().orElseThrow();
        ReadModel model;
        try {
            model = format.read(file);
        } catch (DocumentException e) {
            return; // unreadable or encrypted: file.unreadable / file.encrypted, not this rule
        }
        RuleContext context = new RuleContext(model, MarkingEvidence.of(model, MarkingParser.standard()),
                LocalDate.of(2026, 11, 23), Messages.forLang("en"));
        List<Finding> findings = new FakeRedactionRule().check(context);
        Map<HiddenKind, Long> kinds = model.hidden().stream()
                .collect(Collectors.groupingBy(HiddenItem::kind, TreeMap::new, Collectors.counting()));
        System.out.printf("%s: redaction.fake %d %s; hidden %s%n", file.getFileName(), findings.size(),
                findings.stream().map(f -> f.location().describe() + " «" + HiddenItemText.cut(f.evidence()) + "»").toList(),
                kinds);
        Expected expected = EXPECTED.get(file.getFileName().toString());
        if (expected == null) {
            assertEquals(List.of(), findings.stream().map(Finding::evidence).toList(), "a normal document");
            return;
        }
        assertEquals(expected.findings(), findings.size(), expected.why());
        for (Finding f : findings) {
            assertTrue(f.evidence().startsWith(expected.startsWith()), f.evidence());
        }
    }

    /** Evidence shortened for the printed summary. */
    private static final class HiddenItemText {
        static String cut(String s) {
            return s == null || s.length() <= 60 ? s : s.substring(0, 60) + "…";
        }
    }
}
