package dev.marking.core.format.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.MetadataKeys;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.NeedsCorpus;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Numbered copies through {@link PdfFormat#prepare}: the shared base plus a per-copy incremental update. */
class PdfCopiesTest {

    @TempDir
    Path dir;

    private final PdfFormat format = new PdfFormat();

    private static StampOptions copy(int n, String recipient) {
        StampOptions o = PdfTestSupport.options();
        return o.withMarking(o.marking().withCopy(new CopyNumber(n)).withRecipient(recipient));
    }

    private Path source() {
        return Corpus.file("pdf/pdfbox_survey.pdf");
    }

    @Test
    void eachCopyReadsBackLikeAnOrdinaryStamp() throws Exception {
        PreparedSource prepared = format.prepare(source(), List.of("张三（办公室）", "李四"));
        for (int n : new int[] {1, 42, 999_999}) {
            Path out = dir.resolve("c" + n + ".pdf");
            prepared.stamp(out, copy(n, n == 42 ? "李四" : "张三（办公室）"));
            Path ordinary = dir.resolve("o" + n + ".pdf");
            format.stamp(source(), ordinary, copy(n, n == 42 ? "李四" : "张三（办公室）"));
            ReadModel fast = format.read(out);
            ReadModel slow = format.read(ordinary);
            String digits = String.format("%06d", n);
            assertEquals(digits, fast.properties().get(MetadataKeys.COPY));
            assertEquals(digits, fast.properties().get(MetadataKeys.COVERT_COPY));
            assertEquals(digits, slow.properties().get(MetadataKeys.COVERT_COPY));
            assertEquals(slow.firstPageTop().stream().map(b -> b.text()).toList(),
                    fast.firstPageTop().stream().map(b -> b.text()).toList());
            assertEquals(texts(slow.slots()), texts(fast.slots()));
            assertEquals(slow.body(), fast.body());
            assertTrue(Files.size(out) > Files.size(source()) / 2);
        }
    }

    @Test
    void copiesPassQpdfAndShowTheirNumberToPoppler() throws Exception {
        PreparedSource prepared = format.prepare(source(), List.of());
        Path out = dir.resolve("c.pdf");
        prepared.stamp(out, copy(77, null));
        prepared.stamp(dir.resolve("d.pdf"), copy(78, null));
        if (PdfTestSupport.tool("qpdf")) {
            PdfTestSupport.Result r = PdfTestSupport.run(List.of("qpdf", "--check", out.toString()));
            assertEquals(0, r.code(), r.output());
        }
        if (PdfTestSupport.tool("pdftotext")) {
            PdfTestSupport.Result r = PdfTestSupport.run(List.of("pdftotext", "-raw", out.toString(), "-"));
            String text = PdfTestSupport.squash(r.output());
            assertTrue(text.contains("第000077份"), text.substring(0, Math.min(300, text.length())));
            assertTrue(!text.contains("000078"));
        }
    }

    @Test
    void aRecipientNobodyAnnouncedFallsBackToTheOrdinaryStamp() throws Exception {
        PreparedSource prepared = format.prepare(source(), List.of());
        Path a = dir.resolve("a.pdf");
        prepared.stamp(a, copy(5, null));
        Path b = dir.resolve("b.pdf");
        prepared.stamp(b, copy(6, "龘龘"));
        ReadModel m = format.read(b);
        assertEquals("龘龘", m.properties().get(MetadataKeys.RECIPIENT));
        assertTrue(texts(m.slots()).contains("机密★5年第000006份龘龘"), texts(m.slots()));
    }

    @Test
    void restampingACopyReplacesItsStamp() throws Exception {
        Path out = dir.resolve("c.pdf");
        format.prepare(source(), List.of()).stamp(out, copy(9, null));
        Path again = dir.resolve("again.pdf");
        format.stamp(out, again, PdfTestSupport.otherOptions());
        ReadModel m = format.read(again);
        assertEquals("000007", m.properties().get(MetadataKeys.COPY));
        assertEquals("000007", m.properties().get(MetadataKeys.COVERT_COPY));
        assertTrue(!texts(m.slots()).contains("000009"), texts(m.slots()));
    }

    static List<Path> corpus() throws IOException {
        return Corpus.files("pdf", ".pdf");
    }

    /** Every corpus PDF: fast-path copies read back like stamps; sources it cannot serve fail like {@code stamp}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @NeedsCorpus
    void corpusCopies(Path source) throws Exception {
        PreparedSource prepared = format.prepare(source, List.of("张三"));
        Path out = dir.resolve("copy.pdf");
        StampOptions options = copy(7, "张三");
        try {
            format.stamp(source, dir.resolve("ordinary.pdf"), options);
        } catch (DocumentException e) {
            assertEquals(e.kind(), assertThrows(DocumentException.class, () -> prepared.stamp(out, options)).kind());
            assertFalse(Files.exists(out), "nothing at target");
            return;
        }
        int pages = format.read(dir.resolve("ordinary.pdf")).slots().size();
        for (int n : new int[] {7, 8}) {
            StampOptions o = copy(n, "张三");
            prepared.stamp(out, o);
            ReadModel m = format.read(out);
            PdfCorpusTest.assertStamped(m, o, pages);
            assertEquals(o.marking().copy().orElseThrow().formatted(), m.properties().get(MetadataKeys.COVERT_COPY));
            PdfCorpusTest.assertQpdfCheck(out);
        }
        Path restamped = dir.resolve("from-stamped.pdf");
        format.prepare(dir.resolve("ordinary.pdf"), List.of()).stamp(restamped, PdfTestSupport.otherOptions());
        ReadModel re = format.read(restamped);
        PdfCorpusTest.assertStamped(re, PdfTestSupport.otherOptions(), pages);
        assertFalse(texts(re.slots()).contains(options.marking().mark()), "old mark gone");
    }

    @Test
    void covertRowDecodesTurnedAndScaledButNotDamaged() {
        for (int n : new int[] {1, 123, 524_287, 999_999}) {
            boolean[] slots = CovertMark.slots(n);
            List<Point2D> dots = new ArrayList<>();
            for (int i = 0; i < slots.length; i++) {
                if (slots[i]) {
                    double t = i * 3.1;
                    dots.add(new Point2D.Double(100 - t * 0.6, 50 + t * 0.8));
                }
            }
            assertEquals(Optional.of(String.format("%06d", n)), CovertMark.decode(dots));
            dots.remove(dots.size() / 2);
            assertTrue(CovertMark.decode(dots).isEmpty() || !CovertMark.decode(dots).get().equals(String.format("%06d", n))
                    || dots.size() < 3);
        }
    }

    private static String texts(List<RunningSlot> slots) {
        StringBuilder sb = new StringBuilder();
        for (RunningSlot s : slots) {
            s.header().forEach(b -> sb.append(b.text()).append('|'));
            s.footer().forEach(b -> sb.append(b.text()).append('|'));
            s.watermarks().forEach(w -> sb.append(PdfTestSupport.squash(w)).append('|'));
        }
        return sb.toString();
    }
}
