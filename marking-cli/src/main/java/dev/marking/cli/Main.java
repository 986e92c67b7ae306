package dev.marking.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** Entry point of the {@code marking} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // A thread that dies of something unforeseen says so in one line, never with a stack trace.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.err.println("marking: " + ErrorHandler.describe(e)));
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 clean/allowed, 1 findings/blocked, 2 usage or I/O). */
    public static int run(String... args) {
        quietLibraries();
        CommandLine cl = commandLine(args);
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return execute(cl, args);
    }

    /**
     * Executes {@code cl}; whatever escapes a command — even a {@link StackOverflowError} or an
     * {@link OutOfMemoryError}, which picocli does not catch — is one line on the error stream and exit code 2.
     */
    static int execute(CommandLine cl, String... args) {
        try {
            return cl.execute(args);
        } catch (RuntimeException | VirtualMachineError | LinkageError e) {
            return ErrorHandler.lastResort(e, cl.getErr());
        }
    }

    /** The configured picocli command line with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The configured picocli command line for {@code args}: when they start with a subcommand's name (other than
     * {@code help}), only that subcommand is built, which spares a one-file check ~0.1 s of building the others'
     * models; anything else (no subcommand, a misspelt one, {@code --help}, {@code help}) gets all of them.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new MarkingCommand());
        String first = args.length > 0 ? args[0] : "";
        boolean one = MarkingCommand.SUBCOMMANDS.containsKey(first) && !"help".equals(first);
        MarkingCommand.SUBCOMMANDS.forEach((name, make) -> {
            if (!one || name.equals(first)) {
                cl.addSubcommand(name, make.get());
            }
        });
        // after the subcommands are added, so that they get these settings too
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Library chatter about damaged files would bury our one-line messages; findings carry the reason. */
    private static void quietLibraries() {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        System.setProperty("log4j2.simplelogLevel", "OFF");
        // The bridge's Jetty logs through SLF4J, with no provider on our class path: no "no providers" notice either.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        Logger.getLogger("").setLevel(Level.OFF);
        Logger.getLogger("org.apache").setLevel(Level.OFF);
    }
}
