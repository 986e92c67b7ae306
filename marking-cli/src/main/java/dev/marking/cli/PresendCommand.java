package dev.marking.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.marking.core.ledger.Ledger;
import dev.marking.core.policy.ChannelRule;
import dev.marking.core.policy.Policy;
import dev.marking.core.presend.Decision;
import dev.marking.core.presend.PresendCheck;
import dev.marking.core.report.JsonReportWriter;
import dev.marking.core.scan.ScanOptions;
import dev.marking.core.scan.Scanner;
import dev.marking.core.text.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            "and classified files on channels the policy refuses them (default: email, im, netdisk, post, usb);",
            "courier needs the copy registered in the distribution ledger (--ledger).",
            "", "Exit codes: 0 every file allowed, 1 a file is blocked, 2 usage or I/O error."})
final class PresendCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--channel", required = true, paramLabel = "C",
            description = "Channel: email, im, netdisk, post, usb, courier or print.")
    private String channel;

    @Option(names = "--ledger", paramLabel = "FILE", description = "Distribution ledger (JSON lines) for channels that need one.")
    private Path ledger;

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
    public Integer call() throws IOException {
        Messages messages = lang.messages();
        if (!ChannelRule.NAMES.contains(channel)) {
            throw new UsageException("--channel must be one of email, im, netdisk, post, usb, courier, print, not " + channel);
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not " + format);
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UsageException(f + ": no such file");
            }
        }
        Policy policy = policyOption.load(files);
        Optional<Ledger> registered = ledger == null ? Optional.empty() : Optional.of(Ledger.read(ledger));
        ScanOptions options = ScanOptions.of(policy, LocalDate.now(), messages);
        PresendCheck check = new PresendCheck(policy, Scanner.forPolicy(Formats.registry(), options), Formats.registry(),
                registered, messages);
        List<Decision> decisions = new ArrayList<>();
        for (Path f : files) {
            decisions.add(check.decide(f, channel));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(JSON.writeValueAsString(json(decisions)));
        } else {
            text(decisions, out);
        }
        out.flush();
        return decisions.stream().allMatch(Decision::allowed) ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private void text(List<Decision> decisions, PrintWriter out) {
        for (Decision d : decisions) {
            out.println((d.allowed() ? "ALLOWED " : "BLOCKED ") + d.path() + "  (" + channel + ")");
            for (Decision.Reason r : d.reasons()) {
                out.println("  - " + r.rule() + ": " + r.message());
            }
        }
    }

    private Map<String, Object> json(List<Decision> decisions) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Decision d : decisions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", d.path());
            m.put("allowed", d.allowed());
            m.put("marking", d.marking().map(JsonReportWriter::marking).orElse(null));
            m.put("reasons", d.reasons().stream().map(r -> Map.of("rule", r.rule(), "message", r.message())).toList());
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "marking");
        root.put("channel", channel);
        root.put("allowed", decisions.stream().allMatch(Decision::allowed));
        root.put("files", list);
        return root;
    }
}
