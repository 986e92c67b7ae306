package dev.marking.cli;

import dev.marking.core.io.AtomicFiles;
import dev.marking.core.policy.Baseline;
import dev.marking.core.policy.Policy;
import dev.marking.core.report.ReportWriter;
import dev.marking.core.report.ReportWriters;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.ScanResult;
import dev.marking.core.scan.Scanner;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        description = {"Checks the markings of files; folders are walked recursively (.docx, .pdf, .ofd, .txt, .md).",
            "Finds missing, invalid, non-canonical, inconsistent and incomplete markings, expired terms,",
            "bad copy numbers, and unreadable or encrypted files (which fail closed).",
            "A policy (marking.yml) sets severities, path rules, sensitive words, suppressions and include/exclude.",
            "Scanned pages and page images (.tif, .jpg, .png) are read by OCR with Tesseract (chi_sim+chi_tra):",
            "MARKING_TESSERACT=PATH names the program, MARKING_OCR=off (or ocr: off in the policy) switches it off.",
            "", "Exit codes: 0 no finding at error level, 1 findings at error level, 2 usage or I/O error."})
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
            description = "Report format: text|json|sarif|checkstyle (default: text).")
    private String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    private Path output;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "Check terms against this date (default: today).")
    private LocalDate today;

    @Option(names = "--baseline", paramLabel = "FILE", description = "Report only findings not in this baseline.")
    private Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write the current findings as a baseline to FILE (then adopt with --baseline FILE).")
    private Path writeBaseline;

    @Option(names = "--threads", paramLabel = "N", description = "Files checked at once (default: number of cores).")
    private Integer threads;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to check.")
    private List<Path> paths;

    @Mixin
    private PolicyOption policyOption;

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
        Policy policy = policyOption.load(paths);
        ScanOptions options = ScanOptions.of(policy, today == null ? LocalDate.now() : today, messages);
        if (threads != null) {
            if (threads < 1) {
                throw new UsageException("--threads must be at least 1");
            }
            options = options.withThreads(threads);
        }
        ScanResult result = Scanner.forPolicy(Formats.registry(), options).scan(paths);
        if (writeBaseline != null) {
            Baseline.of(result).write(writeBaseline);
            spec.commandLine().getErr().println("marking: wrote baseline " + writeBaseline + " ("
                    + Baseline.of(result).size() + " findings)");
        }
        if (baseline != null) {
            result = Baseline.read(baseline).filter(result);
        }
        if (output == null) {
            writer.write(result, spec.commandLine().getOut());
        } else {
            ScanResult report = result;
            AtomicFiles.write(output, w -> writer.write(report, w));
        }
        return result.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
