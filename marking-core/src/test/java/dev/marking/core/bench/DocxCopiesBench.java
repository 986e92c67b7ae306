package dev.marking.core.bench;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.PreparedSource;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import dev.marking.core.format.docx.DocxFormat;
import dev.marking.core.ledger.CopyIssuer;
import dev.marking.core.ledger.CopyRequest;
import dev.marking.core.ledger.Recipient;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Term;
import dev.marking.core.testing.DocxFixture;
import dev.marking.core.testing.Fixtures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Not a test: copies per second for 500 numbered copies of a generated 30-page DOCX through
 * {@link CopyIssuer} with a ledger (one fsync per line), once with the default path (each copy stamped
 * from the source by POI) and once with {@link DocxFormat#prepare}'s template. Pages are counted with
 * LibreOffice when it is installed. A DOCX given as second argument is used instead of the generated one. Run:
 * {@code java -cp <test-classpath> dev.marking.core.bench.DocxCopiesBench [copies [file.docx]]}.
 */
public final class DocxCopiesBench {

    private static final int PAGES = 30;
    private static final int PARAGRAPHS_PER_PAGE = 5;
    private static final int SECTIONS = 3;
    private static final int WARM_UP = 30;
    /** Phrases drawn at random (fixed seed), so the text compresses like prose rather than one repeated line. */
    private static final String[] PHRASES = {"根据上级部署，", "本单位于本季度组织开展了保密检查工作，", "对涉密载体管理、",
        "涉密计算机使用、", "会议保密和宣传报道审查等环节逐项核查，", "发现问题及时整改，", "并建立了长效机制。",
        "各部门负责人签订了保密责任书，", "全年共清查存储介质一千二百余件，", "组织专题培训六期、参训人员四百余人次，",
        "对三个下属单位进行了抽查，", "整改完成率达到百分之九十八。", "下一步将继续完善制度，", "加强日常监督检查，"};
    private static final int PHRASES_PER_PARAGRAPH = 12;

    private final Path work;
    private final StampOptions base;

    private DocxCopiesBench(Path work) {
        this.work = work;
        Marking m = Marking.of(MarkingParser.standard().level("机密").orElseThrow(), new Term.Years(5));
        this.base = StampOptions.all(m, "bench-docx", LocalDate.of(2026, 11, 23));
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path work = Files.createTempDirectory("docxbench");
        DocxCopiesBench bench = new DocxCopiesBench(work);
        int cpus = Runtime.getRuntime().availableProcessors();
        Path source = args.length > 1 ? Path.of(args[1]) : bench.generate();
        System.out.printf(Locale.ROOT, "%d CPUs, max heap %d MB; source %s: %d KB, %s pages%n", cpus,
                Runtime.getRuntime().maxMemory() >> 20, source.getFileName(), Files.size(source) >> 10,
                pages(source).map(String::valueOf).orElse("? (no soffice)"));
        DocxFormat docx = new DocxFormat();
        DocumentFormat plain = new DefaultPath(docx);
        int warmUp = Math.min(WARM_UP, copies);
        bench.issue("warm-up default", plain, source, warmUp, cpus);
        bench.issue("warm-up fast", docx, source, warmUp, cpus);
        bench.issue("default path (POI stamp per copy)", plain, source, copies, cpus);
        bench.issue("fast path (template, per-copy splice)", docx, source, copies, cpus);
        bench.issue("fast path, 1 thread", docx, source, copies, 1);
        bench.withoutLedger(docx, source, copies);
    }

    private void issue(String label, DocumentFormat format, Path source, int copies, int threads) throws Exception {
        Path out = Files.createTempDirectory(work, "out");
        Path ledger = out.resolve("ledger.jsonl");
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 1; i <= copies; i++) {
            recipients.add(new Recipient("收件人" + i, "第" + (i % 9 + 1) + "处"));
        }
        long t0 = System.nanoTime();
        List<CopyIssuer.Issued> issued = new CopyIssuer(new FormatRegistry(List.of(format)), threads).issue(source,
                out.resolve("copies"), base, CopyRequest.parse(String.valueOf(copies)).orElseThrow(), recipients, ledger,
                n -> { });
        double s = (System.nanoTime() - t0) / 1e9;
        long bytes = Files.size(issued.get(0).file());
        System.out.printf(Locale.ROOT, "%-40s %4d copies, %d threads: %6.2f s  %7.1f copies/s  (%d KB per copy)%n",
                label, copies, threads, s, copies / s, bytes >> 10);
    }

    /** The template alone, no ledger, SHA-256 or rename: what the splice itself costs. */
    private void withoutLedger(DocxFormat docx, Path source, int copies) throws Exception {
        PreparedSource prepared = docx.prepare(source);
        Path out = Files.createTempDirectory(work, "raw");
        long t0 = System.nanoTime();
        for (int i = 1; i <= copies; i++) {
            prepared.stamp(out.resolve(i + ".docx"), base.withMarking(base.marking().withCopy(new CopyNumber(i))
                    .withRecipient("收件人" + i)));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        ReadModel check = docx.read(out.resolve(copies + ".docx"));
        System.out.printf(Locale.ROOT, "%-40s %4d copies, 1 thread:  %6.2f s  %7.1f copies/s  (last reads back as %s)%n",
                "fast path stamp only (no ledger)", copies, s, copies / s, check.properties().get("marking.copy"));
    }

    private Path generate() {
        DocxFixture f = Fixtures.docx().property("项目", "基准测试");
        Random random = new Random(2026);
        int page = 0;
        for (int s = 1; s <= SECTIONS; s++) {
            if (s > 1) {
                f.section();
            }
            f.header("第" + s + "章 页眉").footer("第" + s + "章 页脚");
            if (s == 1) {
                f.titlePage().firstHeader("封面页眉");
            }
            if (s == SECTIONS) {
                f.evenHeader("偶数页页眉");
            }
            for (int p = 0; p < PAGES / SECTIONS; p++) {
                page++;
                f.paragraph("第" + page + "页 一、工作情况");
                for (int i = 0; i < PARAGRAPHS_PER_PAGE; i++) {
                    StringBuilder text = new StringBuilder(page + "." + (i + 1) + " ");
                    for (int k = 0; k < PHRASES_PER_PARAGRAPH; k++) {
                        text.append(PHRASES[random.nextInt(PHRASES.length)]);
                    }
                    f.paragraph(text.toString());
                }
                if (page % 4 == 0) {
                    f.table("检查项目", "发现问题", "整改情况", "责任部门");
                }
                if (p < PAGES / SECTIONS - 1) {
                    f.pageBreak();
                }
            }
        }
        return f.build(work.resolve("report-30p.docx"));
    }

    /** Page count as LibreOffice lays the document out, when {@code soffice} is installed. */
    private static Optional<Integer> pages(Path docx) throws Exception {
        Optional<Path> soffice = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .map(dir -> Path.of(dir, "soffice")).filter(Files::isExecutable).findFirst();
        if (soffice.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("docxbench-pdf");
        Process p = new ProcessBuilder(soffice.get().toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(), "--convert-to", "pdf", "--outdir",
                dir.toString(), docx.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("lo.log").toFile())
                .start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return Optional.empty();
        }
        String name = docx.getFileName().toString().replaceFirst("\\.docx$", ".pdf");
        try (PDDocument pdf = Loader.loadPDF(dir.resolve(name).toFile())) {
            return Optional.of(pdf.getNumberOfPages());
        }
    }

    /** DocxFormat without its {@code prepare}: the interface default, which stamps each copy from the source. */
    private record DefaultPath(DocxFormat docx) implements DocumentFormat {

        @Override
        public String id() {
            return docx.id();
        }

        @Override
        public List<String> extensions() {
            return docx.extensions();
        }

        @Override
        public String mediaType() {
            return docx.mediaType();
        }

        @Override
        public Recognition recognise(ContentProbe content) {
            return docx.recognise(content);
        }

        @Override
        public ReadModel read(Path file) throws DocumentException {
            return docx.read(file);
        }

        @Override
        public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
            docx.stamp(source, target, options);
        }
    }
}
