package dev.marking.core.bench;

import dev.marking.core.format.ReadModel;
import dev.marking.core.format.TextBlock;
import dev.marking.core.format.Unit;
import dev.marking.core.model.Finding;
import dev.marking.core.model.Location;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.rules.MarkingEvidence;
import dev.marking.core.rules.RuleContext;
import dev.marking.core.rules.declass.FakeDeclassificationRule;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Throughput of {@code declass.fake}: generates a few MB of mixed prose (ordinary sentences, established
 * terms, English, numbers, now and then a placeholder), or reads a file or folder of real text, and prints
 * MB/s of UTF-8 text. Not a test; run with {@code java -cp marking-core/target/classes:marking-core/target/test-classes
 * dev.marking.core.bench.DeclassBench [MB | PATH]}.
 */
public final class DeclassBench {

    private static final String[] PROSE = {
        "本制度由院办公室负责解释,自印发之日起施行。", "请使用A4纸打印,并在B超检查后到门诊复诊。",
        "患者需进行CT和MRI检查,检查前禁食四小时。", "按照GB/T 9704-2012的要求标注份号和密级。",
        "甲方应于合同签订后十五日内向乙方支付首付款。", "某些情况下,借阅人需经分管领导批准方可借阅。",
        "The quarterly report was uploaded to the OA system by the IT department.", "第一季度门诊量同比增长12%。",
        "会议将在行政楼A座三楼第二会议室召开。", "他用iPhone X拍下了这张照片,电脑装的是Windows XP。",
        "保密期限届满后,由保密工作领导小组组织解密审核。", "2023年第三季度GDP同比增长4.9%,CPI上涨0.2%。",
    };
    private static final String[] FAKE = {
        "XX部队于X月X日在A基地完成了某型导弹的第三次试射。", "参加会议的有A部长、B局长和C处长。",
        "△△型雷达的探测距离为XXX公里,部署于Q阵地。", "请××同志于本周内将图纸送至〇〇处。",
    };

    private DeclassBench() {
    }

    public static void main(String[] args) throws IOException {
        String arg = args.length > 0 ? args[0] : "4";
        List<TextBlock> body = arg.matches("\\d+") ? generate(Long.parseLong(arg) * 1024 * 1024) : read(Path.of(arg));
        long bytes = body.stream().mapToLong(b -> b.text().getBytes(StandardCharsets.UTF_8).length + 1L).sum();
        ReadModel model = new ReadModel(Path.of("bench.txt"), "text", Unit.FILE, List.of(), body, List.of(), Map.of(),
                List.of());
        RuleContext context = new RuleContext(model, MarkingEvidence.of(model, MarkingParser.standard()),
                LocalDate.now(), Messages.forLang("en"));
        FakeDeclassificationRule rule = new FakeDeclassificationRule();
        int findings = 0;
        for (int warm = 0; warm < 3; warm++) {
            findings = rule.check(context).size();
        }
        int runs = 10;
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<Finding> f = rule.check(context);
            nanos[r] = System.nanoTime() - t0;
            cpu[r] = threads.getCurrentThreadCpuTime() - c0;
            findings = f.size();
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        double size = bytes / 1048576.0;
        System.out.printf("declass.fake: %.1f MB in %d paragraphs, %d findings; best %.1f MB/s, median %.1f MB/s;"
                + " per CPU second (this thread's CPU time, steady on a loaded machine): median %.1f MB/s"
                + " (%d passes; the best pass is the least disturbed by other processes)%n",
                size, body.size(), findings, size / (nanos[0] / 1e9), size / (nanos[runs / 2] / 1e9),
                size / (cpu[runs / 2] / 1e9), runs);
    }

    /** The lines of a UTF-8 text file, or of every file in a folder: real prose instead of generated. */
    private static List<TextBlock> read(Path path) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(path)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        List<TextBlock> body = new ArrayList<>();
        for (Path f : files) {
            for (String line : new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\n")) {
                body.add(new TextBlock(line, Location.line(body.size() + 1, 0)));
            }
        }
        return body;
    }

    /** Paragraphs of about ten sentences; one sentence in twenty is a fake de-classification. */
    private static List<TextBlock> generate(long targetBytes) {
        Random random = new Random(42);
        List<TextBlock> body = new ArrayList<>();
        long bytes = 0;
        while (bytes < targetBytes) {
            StringBuilder p = new StringBuilder();
            for (int s = 0; s < 10; s++) {
                p.append(random.nextInt(20) == 0 ? FAKE[random.nextInt(FAKE.length)] : PROSE[random.nextInt(PROSE.length)]);
            }
            body.add(new TextBlock(p.toString(), Location.body(body.size() + 1)));
            bytes += p.toString().getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return body;
    }
}
