package dev.marking.bridge;

import dev.marking.core.format.FormatRegistry;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A bridge in a process of its own, for tests that stop it as the system would (SIGTERM, kill -9). It reads
 * {@code .slow} documents for a minute, deaf to interrupts, and says so on stdout; it stops the way
 * {@code marking bridge} does ({@link Bridge#closeOnShutdown()}).
 */
public final class BridgeProcess {

    private BridgeProcess() {
    }

    /** {@code BridgeProcess CONFIG-FOLDER}: prints {@code port=…}, {@code temp=…} and {@code ready}. */
    public static void main(String[] args) throws Exception {
        BridgeConfig config = BridgeConfig.defaults(0, Path.of(args[0])).withHttps(false)
                .withFormats(FormatRegistry.standard().with(new TestFormat("slow", BridgeProcess::deaf)))
                .withTimeout(Duration.ofMinutes(5));
        Bridge bridge = Bridge.start(config);
        bridge.closeOnShutdown();
        System.out.println("port=" + bridge.port());
        System.out.println("temp=" + bridge.tempRoot());
        System.out.println("ready");
        System.out.flush();
        bridge.awaitClose();
    }

    /** Reads for a minute and will not be interrupted: only the end of the JVM stops it. */
    private static void deaf(Path file) {
        System.out.println("reading " + file.getFileName());
        System.out.flush();
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                // deaf on purpose
                continue;
            }
        }
    }
}
