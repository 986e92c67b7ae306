package dev.marking.cli;

import dev.marking.core.model.MarkingParser;
import dev.marking.core.report.ReportWriter;
import dev.marking.core.report.ReportWriters;
import dev.marking.core.rules.Rules;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code marking verify}: checks files and folders and reports findings. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks the markings of files; folders are walked recursively (.docx, .pdf, .txt, .md).",
            "Finds missing, invalid, non-canonical, inconsistent and incomplete markings, expired terms,",
            "bad copy numbers, and unreadable or encrypted files (which fail closed).",
            "", "Exit codes: 0 no finding at error level, 1 findings at error level, 2 usage or I/O error."})
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Report format: text|json|sarif|checkstyle (default: text).")
    private String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    private Path output;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "Check terms against this date (default: today).")
    private LocalDate today;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to check.")
    private List<Path> paths;

    @Mixin
    private LangOption lang;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Messages messages = lang.messages();
        ReportWriter writer = ReportWriters.byId(format, messages, Version.current())
                .orElseThrow(() -> new UsageException("--format must be one of " + ReportWriters.ids() + ", not " + format));
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UsageException(p + ": no such file or folder");
            }
        }
        MarkingParser parser = MarkingParser.standard();
        ScanOptions options = new ScanOptions(today == null ? LocalDate.now() : today, messages, parser,
                Runtime.getRuntime().availableProcessors());
        ScanResult result = new Scanner(Formats.registry(), Rules.standard(parser), options).scan(paths);
        if (output == null) {
            writer.write(result, spec.commandLine().getOut());
        } else {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".marking-report-", ".tmp");
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write(result, w);
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
        }
        return result.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
