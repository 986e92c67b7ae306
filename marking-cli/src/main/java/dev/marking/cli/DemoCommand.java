package dev.marking.cli;

import dev.marking.core.engine.Engine;
import dev.marking.core.engine.EngineException;
import dev.marking.core.engine.MarkingInput;
import dev.marking.core.engine.ReportTarget;
import dev.marking.core.engine.StampRequest;
import dev.marking.core.engine.StampResult;
import dev.marking.core.engine.VerifyRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
    public Integer call() throws IOException, EngineException {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Home.find();
        Path examples = home.resolve("examples").resolve("documents");
        if (!Files.isDirectory(examples)) {
            throw new UsageException("examples/documents/ not found under " + home + " (set MARKING_HOME to the project folder)");
        }
        Path stamped = home.resolve("target").resolve("demo").resolve("stamped");
        clean(stamped);
        Engine engine = Engines.standard();

        out.println("== 1. verify the originals in " + examples);
        engine.verify(VerifyRequest.of(List.of(examples)).withLang(lang.lang()).withReport(ReportTarget.console("text")),
                out);

        out.println();
        out.println("== 2. stamp them as 机密★5年, copy 000001, into " + stamped);
        MarkingInput marking = MarkingInput.of("机密", "5").withCopy("1").withIssued(LocalDate.now().toString());
        StampResult result = engine.stamp(StampRequest.of(List.of(examples), stamped, marking).withLang(lang.lang()));
        for (StampResult.StampedFile f : result.files()) {
            out.println(f.failure().map(why -> "not stamped " + f.relative() + ": " + why.message())
                    .orElse("stamped " + f.relative() + " -> " + home.relativize(f.written().get(0))));
            f.notes().forEach(n -> out.println("  note: " + n));
        }

        out.println();
        out.println("== 3. verify the stamped copies");
        engine.verify(VerifyRequest.of(List.of(stamped)).withLang(lang.lang()).withReport(ReportTarget.console("text")),
                out);
        out.flush();
        return ExitCodes.OK;
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
