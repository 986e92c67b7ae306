package dev.marking.bridge;

import dev.marking.core.format.ContentProbe;
import dev.marking.core.format.DocumentException;
import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import dev.marking.core.format.Recognition;
import dev.marking.core.format.StampOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
                .withFormats(FormatRegistry.standard().with(new Deaf())).withTimeout(Duration.ofMinutes(5));
        Bridge bridge = Bridge.start(config);
        bridge.closeOnShutdown();
        System.out.println("port=" + bridge.port());
        System.out.println("temp=" + bridge.tempRoot());
        System.out.println("ready");
        System.out.flush();
        bridge.awaitClose();
    }

    /** Reads for a minute and will not be interrupted: only the end of the JVM stops it. */
    private static final class Deaf implements DocumentFormat {
        @Override
        public String id() {
            return "slow";
        }

        @Override
        public List<String> extensions() {
            return List.of("slow");
        }

        @Override
        public String mediaType() {
            return "application/octet-stream";
        }

        @Override
        public Recognition recognise(ContentProbe content) {
            return Recognition.NONE;
        }

        @Override
        public ReadModel read(Path file) throws DocumentException {
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
            throw new DocumentException(file, DocumentException.Kind.UNREADABLE, "slow");
        }

        @Override
        public void stamp(Path source, Path target, StampOptions options) throws DocumentException {
            read(source);
        }
    }
}
