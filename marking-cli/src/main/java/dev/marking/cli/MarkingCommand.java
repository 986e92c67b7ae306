package dev.marking.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/**
 * The top-level command; the work is done by its subcommands ({@link #SUBCOMMANDS}), which {@link Main} adds: only
 * the one a command line names, since building picocli's model of all of them takes a tenth of a one-file check.
 */
@Command(name = "marking", mixinStandardHelpOptions = true, versionProvider = Version.class,
        resourceBundle = "dev.marking.cli.HelpTexts",
        description = {"Stamps, verifies and polices classification markings (密级标志) on documents (${bundle:extensions}).",
            "", "Exit codes: 0 clean/allowed, 1 findings at error level/blocked, 2 usage or I/O error."})
final class MarkingCommand implements Runnable {

    /** The subcommands by name, in the order the usage lists them. */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        String commands = String.join(", ", SUBCOMMANDS.keySet().stream().filter(name -> !"help".equals(name)).toList());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required (" + commands + ")");
    }

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("stamp", StampCommand::new);
        m.put("verify", VerifyCommand::new);
        m.put("presend", PresendCommand::new);
        m.put("trace", TraceCommand::new);
        m.put("ledger", LedgerCommand::new);
        m.put("demo", DemoCommand::new);
        m.put("bridge", BridgeCommand::new);
        m.put("help", picocli.CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }
}
