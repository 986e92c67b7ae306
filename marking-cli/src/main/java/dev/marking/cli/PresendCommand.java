package dev.marking.cli;

import dev.marking.core.engine.EngineException;
import dev.marking.core.engine.PresendRequest;
import dev.marking.core.engine.PresendResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code marking presend}: may these files go through this channel? */
@Command(name = "presend", mixinStandardHelpOptions = true,
        description = {"The pre-send check: says whether each file may go through a channel, and why not.",
            "Blocked: files that fail verification (unmarked, fake de-classification, personal information, …)",
            "and classified files on channels the policy refuses them (default: email, im, netdisk, post, usb, plain",
            "fax); courier and crypto-fax (密码传真) need the copy registered in the distribution ledger (--ledger);",
            "绝密 goes by no electronic channel (email, im, netdisk, usb, fax, crypto-fax): courier only. With --ledger,",
            "a copy recorded as returned or destroyed goes nowhere.",
            "", "Exit codes: 0 every file allowed, 1 a file is blocked, 2 usage or I/O error."})
final class PresendCommand implements Callable<Integer> {

    @Option(names = "--channel", required = true, paramLabel = "C", completionCandidates = Engines.Channels.class,
            description = "Channel: ${COMPLETION-CANDIDATES}.")
    private String channel;

    @Mixin
    private LedgerOption ledger;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "Output: text or json (default: text).")
    private String format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to send.")
    private List<Path> files;

    @Mixin
    private PolicyOption policyOption;

    @Mixin
    private LangOption lang;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, EngineException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not " + format);
        }
        PresendRequest request = PresendRequest.of(files, channel, policyOption.load(files)).withLedger(ledger.location())
                .withLang(lang.lang());
        PresendResult result = Engines.standard().presend(request);
        PrintWriter out = spec.commandLine().getOut();
        result.notes().forEach(n -> spec.commandLine().getErr().println("marking: " + n));
        if (format.equals("json")) {
            out.println(result.json());
        } else {
            result.writeText(out);
        }
        out.flush();
        return result.allowed() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
