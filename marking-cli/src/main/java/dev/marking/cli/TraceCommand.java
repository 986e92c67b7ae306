package dev.marking.cli;

import dev.marking.core.engine.EngineException;
import dev.marking.core.trace.TraceResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code marking trace}: which numbered copy is this file? */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Says which numbered copy (份号) a file is and who received it, from its metadata, first-page",
            "block, footer and watermark text, and, with --ledger, the distribution ledger entry and the copy's life",
            "in it (issued, returned, destroyed: when and by whom).",
            "", "Exit codes: 0 the copy was identified, 1 it was not, 2 usage or I/O error."})
final class TraceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to trace.")
    private Path file;

    @Mixin
    private LedgerOption ledger;

    @Mixin
    private LangOption lang;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, EngineException {
        TraceResult r = Engines.standard().trace(file, ledger.location(), lang.lang());
        PrintWriter out = spec.commandLine().getOut();
        r.notes().forEach(n -> spec.commandLine().getErr().println("marking: " + n));
        out.println("file: " + file);
        out.println("copy: " + r.copy().orElse("unknown") + (r.conflicting() ? "  (sources disagree: tampered?)" : ""));
        for (Map.Entry<String, String> e : r.copiesBySource().entrySet()) {
            out.println("  " + e.getKey() + ": " + e.getValue());
        }
        r.recipient().ifPresent(p -> out.println("recipient: " + p));
        r.document().ifPresent(d -> out.println("document: " + d));
        if (ledger.location() != null) {
            out.println("ledger: " + r.ledgerEntry().map(e -> "copy " + e.copy() + " of document " + e.document()
                    + " " + e.state().id() + " " + e.time() + (e.recipient() == null ? "" : " (recipient " + e.recipient() + ")")
                    + (r.exactFile() ? " (file unchanged since issue)" : " (file changed since issue)"))
                    .orElse("no matching entry"));
            for (String step : Engines.standard().history(r, lang.lang())) {
                out.println("  " + step);
            }
        }
        out.flush();
        return r.copy().isPresent() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
