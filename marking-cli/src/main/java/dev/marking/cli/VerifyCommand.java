package dev.marking.cli;

import dev.marking.core.engine.EngineException;
import dev.marking.core.engine.ReportTarget;
import dev.marking.core.engine.VerifyRequest;
import dev.marking.core.engine.VerifyResult;
import java.io.IOException;
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
        description = {"Checks the markings of files; folders are walked recursively (${bundle:extensions}).",
            "Every file is recognised by its content first, then its name: a renamed document is read as what it is",
            "(file.mismatch); a document no format reads, an unreadable, encrypted or special file fails closed.",
            "What is not a document (programs, other images, source code, data) is skipped and counted (--list-skipped).",
            "Finds missing, invalid, non-canonical, inconsistent and incomplete markings, expired terms,",
            "bad copy numbers, fake de-classification, fake redaction, hidden content and personal information.",
            "A policy (marking.yml) sets severities, path rules, sensitive words, suppressions and include/exclude;",
            "one found in the scanned folder may only tighten --policy/$MARKING_POLICY (or the built-in one).",
            "Scanned pages and page images (.tif, .jpg, .png) are read by OCR with Tesseract (chi_sim+chi_tra):",
            "MARKING_TESSERACT=PATH names the program, MARKING_OCR=off (or ocr: off in the policy) switches it off.",
            "One file may take 300 s to be read and checked (file-time-limit: SECONDS in the policy, or",
            "MARKING_FILE_TIME_LIMIT=SECONDS for one run); past it the file is file.unreadable and the scan goes on.",
            "", "Exit codes: 0 no finding at error level, 1 findings at error level, 2 usage or I/O error."})
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", completionCandidates = Engines.ReportFormats.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: text).")
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
    private int threads;

    @Option(names = "--list-skipped", negatable = false,
            description = "List what was not checked and why (not documents, excluded, folders not walked), not just the count.")
    private boolean listSkipped;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to check.")
    private List<Path> paths;

    @Mixin
    private PolicyOption policyOption;

    @Mixin
    private LangOption lang;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, EngineException {
        VerifyRequest request = VerifyRequest.of(paths).withPolicy(policyOption.load(paths)).withToday(today)
                .withLang(lang.lang()).withThreads(threads).withBaseline(baseline).withWriteBaseline(writeBaseline)
                .withListSkipped(listSkipped)
                .withReport(output == null ? ReportTarget.console(format) : ReportTarget.file(format, output));
        VerifyResult result = Engines.standard().verify(request, spec.commandLine().getOut());
        result.baselineSize().ifPresent(n -> spec.commandLine().getErr().println("marking: wrote baseline "
                + writeBaseline + " (" + n + " findings)"));
        return result.hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
