package dev.marking.cli;

import picocli.CommandLine.Command;

/** The top-level command; the work is done by its subcommands. */
@Command(name = "marking", mixinStandardHelpOptions = true, versionProvider = Version.class,
        resourceBundle = "dev.marking.cli.HelpTexts",
        description = {"Stamps, verifies and polices classification markings (密级标志) on documents (${bundle:extensions}).",
            "", "Exit codes: 0 clean/allowed, 1 findings at error level/blocked, 2 usage or I/O error."},
        subcommands = {StampCommand.class, VerifyCommand.class, PresendCommand.class, TraceCommand.class, LedgerCommand.class,
            DemoCommand.class, BridgeCommand.class, picocli.CommandLine.HelpCommand.class})
final class MarkingCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a command is required (stamp, verify, presend, trace, ledger, demo, bridge)");
    }
}
