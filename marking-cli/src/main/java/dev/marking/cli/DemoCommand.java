package dev.marking.cli;

import dev.marking.core.format.DocumentException;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.StampOptions;
import dev.marking.core.model.CopyNumber;
import dev.marking.core.model.Marking;
import dev.marking.core.model.MarkingParser;
import dev.marking.core.model.Message;
import dev.marking.core.model.Scheme;
import dev.marking.core.model.Term;
import dev.marking.core.report.TextReportWriter;
import dev.marking.core.rules.Rules;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.scan.Stamper;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code marking demo}: verifies the bundled examples, stamps them, and verifies the stamped copies. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the main job on the bundled examples/documents/ folder: verifies the originals, stamps each",
            "as 机密★5年 copy 000001 into target/demo/stamped/, then verifies the stamped copies.",
            "Marking findings go away after stamping; content findings (e.g. fake de-classification) stay."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    private LangOption lang;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Messages messages = lang.messages();
        PrintWriter out = spec.commandLine().getOut();
        Path home = Home.find();
        Path examples = home.resolve("examples").resolve("documents");
        if (!Files.isDirectory(examples)) {
            throw new UsageException("examples/documents/ not found under " + home + " (set MARKING_HOME to the project folder)");
        }
        Path stamped = home.resolve("target").resolve("demo").resolve("stamped");
        clean(stamped);
        MarkingParser parser = MarkingParser.standard();
        Scanner scanner = new Scanner(Formats.registry(), Rules.standard(parser),
                new ScanOptions(LocalDate.now(), messages, parser, Runtime.getRuntime().availableProcessors()));
        TextReportWriter report = new TextReportWriter(messages);

        out.println("== 1. verify the originals in " + examples);
        List<Path> originals = topLevelFiles(examples, Formats.registry());
        report.write(scanner.scan(originals), out);

        out.println();
        out.println("== 2. stamp them as 机密★5年, copy 000001, into " + stamped);
        Marking marking = Marking.of(Scheme.STATE.level("机密").orElseThrow(), new Term.Years(5))
                .withCopy(new CopyNumber(1)).withIssued(LocalDate.now());
        Stamper stamper = new Stamper(Formats.registry());
        for (Path file : originals) {
            try {
                List<Message> notes = new ArrayList<>();
                Path written = stamper.stamp(file, stamped,
                        StampOptions.all(marking, Stamper.documentId(file), LocalDate.now()), notes::add);
                out.println("stamped " + examples.relativize(file) + " -> " + home.relativize(written));
                notes.forEach(n -> out.println("  note: " + messages.format(n.key(), n.args().toArray())));
            } catch (DocumentException e) {
                out.println("not stamped " + examples.relativize(file) + ": " + e.getMessage());
            }
        }

        out.println();
        out.println("== 3. verify the stamped copies");
        ScanResult after = scanner.scan(List.of(stamped));
        report.write(after, out);
        out.flush();
        return ExitCodes.OK;
    }

    private static List<Path> topLevelFiles(Path dir, FormatRegistry formats) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> formats.forFile(p).isPresent()).sorted().toList();
        }
    }

    private static void clean(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        }
    }
}
