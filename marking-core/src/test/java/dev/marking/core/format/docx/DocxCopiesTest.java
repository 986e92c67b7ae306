package dev.marking.core.format.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentException.Kind;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.RunningSlot;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.TextBlock;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.testing.Corpus;
import dev.marking.core.testing.Fixtures;
import dev.marking.core.testing.NeedsCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast path ({@link DocxFormat#prepare}): every copy reads back exactly like a normal stamp of it. */
class DocxCopiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final DocxFormat format = new DocxFormat();

    @TempDir
    Path tmp;

    static Stream<Path> corpus() {
        return Corpus.files("docx", ".docx").stream()
                .filter(f -> !ole2(f) && !f.getFileName().toString().contains("signed"));
    }

    static StampOptions numbered(int copy, String recipient) {
        Marking m = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(copy)).withRecipient(recipient);
        return StampOptions.all(m, "doc-7", TODAY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @NeedsCorpus
    void copyReadsBackLikeANormalStamp(Path file) throws Exception {
        PreparedSource prepared = format.prepare(file);
        for (StampOptions o : List.of(numbered(1, "张三（办公室）"), numbered(999_999, "李四 & <王五> \"赵\""))) {
            assertSameAsNormalStamp(file, prepared, o);
        }
    }

    @Test
    void multiSectionFixtureWithoutRecipientsAndWithSwitchesOff() throws Exception {
        Path file = Fixtures.docx().titlePage().header("甲节页眉").firstHeader("甲节首页").footer("甲节页脚")
                .paragraph("第一页").pageBreak().paragraph("第二页").section().evenHeader("偶数页页眉")
                .paragraph("乙节").build(tmp.resolve("sections.docx"));
        PreparedSource prepared = format.prepare(file);
        assertSameAsNormalStamp(file, prepared, numbered(7, null));
        StampOptions noHeader = numbered(8, "孙");
        noHeader = new StampOptions(noHeader.marking(), "doc-7", TODAY, false, true, true, noHeader.font());
        assertSameAsNormalStamp(file, prepared, noHeader);
        StampOptions unnumbered = StampOptions.all(Marking.of(Scheme.STATE.level("秘密").orElseThrow(),
                new Term.Years(1)), "doc-7", TODAY);
        assertSameAsNormalStamp(file, prepared, unnumbered);
    }

    @Test
    void copiesFromManyThreadsAreEachTheirOwn() throws Exception {
        Path file = Corpus.file("docx/poi_headerFooter.docx");
        PreparedSource prepared = format.prepare(file);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (int i = 1; i <= 24; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    Path out = tmp.resolve("c" + n + ".docx");
                    prepared.stamp(out, numbered(n, "收件人" + n));
                    return out;
                }));
            }
            for (int i = 1; i <= 24; i++) {
                ReadModel m = format.read(futures.get(i - 1).get());
                String digits = new CopyNumber(i).formatted();
                assertEquals(digits, m.properties().get("marking.copy"));
                assertEquals(digits, m.properties().get(CovertMark.PROPERTY));
                assertEquals("收件人" + i, m.properties().get("marking.recipient"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signedIsRefusedLikeANormalStamp() throws Exception {
        Path signed = Corpus.file("docx/poi_signed.docx");
        DocumentException e = assertThrows(DocumentException.class,
                () -> format.prepare(signed).stamp(tmp.resolve("x.docx"), numbered(1, null)));
        assertEquals(Kind.REFUSED, e.kind());
    }

    private void assertSameAsNormalStamp(Path file, PreparedSource prepared, StampOptions options) throws Exception {
        Path fast = tmp.resolve("fast.docx");
        Path normal = tmp.resolve("normal.docx");
        prepared.stamp(fast, options);
        format.stamp(file, normal, options);
        assertZipIntact(fast);
        ReadModel a = format.read(fast);
        ReadModel b = format.read(normal);
        String name = file.getFileName() + " copy " + options.marking().copy();
        assertEquals(texts(b.body()), texts(a.body()), name + ": body");
        assertEquals(b.firstPageTop(), a.firstPageTop(), name + ": first page");
        assertEquals(slots(b), slots(a), name + ": headers, footers, watermarks");
        assertEquals(b.properties(), a.properties(), name + ": properties");
        assertEquals(b.hidden(), a.hidden(), name + ": hidden");
        assertEquals(b.body(), a.body(), name + ": body locations");
        options.marking().copy().ifPresent(c ->
                assertEquals(c.formatted(), a.properties().get(CovertMark.PROPERTY), name + ": covert mark"));
    }

    /** Every entry inflates and its CRC matches (ZipInputStream checks both). */
    private static void assertZipIntact(Path zip) throws IOException {
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                in.readAllBytes();
                entries++;
            }
        }
        assertTrue(entries > 3, zip + ": " + entries + " entries");
    }

    private static List<String> texts(List<TextBlock> blocks) {
        return blocks.stream().map(TextBlock::text).toList();
    }

    private static List<RunningSlot> slots(ReadModel m) {
        return m.slots();
    }

    private static boolean ole2(Path file) {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            return FileMagic.valueOf(in) == FileMagic.OLE2;
        } catch (IOException e) {
            return false;
        }
    }
}
