package dev.marking.core.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a new JVM that runs a main class on this test JVM's class path, for tests that run the
 * CLI or the bridge as a process of its own (killed, given a full disk, a file-size limit, a time limit).
 * {@link #check} starts it with the options the {@code marking} launcher gives a check, so the process under test
 * runs as a user's does, and its compiler threads do not take the cores of the test JVMs beside it; {@link #java}
 * keeps the JVM's defaults, as the launcher does for the bridge, a server.
 */
public final class ChildJvm {

    /**
     * What the {@code marking} launcher passes for a check (its {@code short} options): the client compiler alone
     * and the serial collector. The launcher's comment says why.
     */
    public static final List<String> CHECK_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ChildJvm() {
    }

    /** {@code java}, the launcher's options, {@code jvmOptions}, this class path, {@code mainClass} and {@code args}. */
    public static List<String> check(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> options = new ArrayList<>(CHECK_OPTIONS);
        options.addAll(jvmOptions);
        return java(options, mainClass, args);
    }

    /** {@code java}, {@code jvmOptions}, this class path, {@code mainClass} and {@code args}. */
    public static List<String> java(List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(args);
        return cmd;
    }
}
