package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marking.core.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, acceptance 4: a bridge stopped by SIGTERM while it verifies an upload leaves nothing of it on disk;
 * one killed with SIGKILL leaves its folder to the next bridge, which removes it.
 */
class ShutdownTest {

    @TempDir
    Path temp;

    private static final String END = "\u0000end";

    /** A bridge process with its own temp folder. */
    private final class Child implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final int port;
        private final Path uploads;
        private final String token;

        Child() throws IOException {
            Path tmp = Files.createDirectories(temp.resolve("tmp"));
            Path config = temp.resolve("config");
            process = new ProcessBuilder(ChildJvm.java(List.of("-Xmx256m", "-Djava.io.tmpdir=" + tmp,
                    "-Dslf4j.internal.verbosity=ERROR", "-Dsun.stdout.encoding=UTF-8"), BridgeProcess.class.getName(),
                    List.of(config.toString()))).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Thread reader = new Thread(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
                lines.add(END);
            });
            reader.setDaemon(true);
            reader.start();
            port = Integer.parseInt(expect("port=").substring(5));
            uploads = Path.of(expect("temp=").substring(5));
            expect("ready");
            token = Files.readString(config.resolve(AccessToken.FILE_NAME)).strip();
        }

        /** The next line of the child starting with {@code prefix}, within 30 s. */
        String expect(String prefix) throws IOException {
            try {
                for (String line = lines.poll(30, TimeUnit.SECONDS); line != null; line = lines.poll(30, TimeUnit.SECONDS)) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                    if (line.equals(END)) {
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("the bridge process did not print " + prefix);
        }

        /** Sends a document and waits until the engine reads it; the connection stays open. */
        Socket verifying(String name, byte[] body) throws IOException {
            Socket s = RawHttp.connect(port, null);
            s.getOutputStream().write(("POST /api/v1/verify HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Marking-Token: "
                    + token + "\r\n" + DocumentName.HEADER + ": " + PercentCoding.encode(name) + "\r\nContent-Length: "
                    + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            expect("reading " + name);
            return s;
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static List<Path> uploadsIn(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void sigtermDuringAVerifyLeavesNoUpload() throws Exception {
        try (Child bridge = new Child(); Socket client = bridge.verifying("机密名单.slow", new byte[200_000])) {
            List<Path> files = uploadsIn(bridge.uploads);
            assertEquals(1, files.size(), files.toString());
            Path upload = files.get(0);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(upload)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(upload.getParent())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(bridge.uploads)));

            long start = System.nanoTime();
            bridge.process.destroy();
            assertTrue(bridge.process.waitFor(20, TimeUnit.SECONDS), "SIGTERM stops the bridge");
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("SIGTERM during a verify: exit " + bridge.process.exitValue() + " after " + millis
                    + " ms; uploads folder left: " + Files.exists(bridge.uploads));
            assertFalse(Files.exists(bridge.uploads), "the uploads folder is deleted before the JVM exits");
            try (var left = Files.list(temp.resolve("tmp"))) {
                assertEquals(List.of(), left.toList());
            }
        }
    }

    @Test
    void aKilledBridgesUploadsAreRemovedByTheNextBridge() throws Exception {
        Path abandoned;
        try (Child bridge = new Child(); Socket client = bridge.verifying("a.slow", new byte[1000])) {
            abandoned = bridge.uploads;
            bridge.process.destroyForcibly();
            assertTrue(bridge.process.waitFor(20, TimeUnit.SECONDS));
            assertEquals(1, uploadsIn(abandoned).size(), "kill -9 leaves the upload");
        }
        try (Child next = new Child()) {
            assertFalse(Files.exists(abandoned), "the next bridge removes a dead bridge's uploads");
            assertTrue(Files.isDirectory(next.uploads));
            next.process.destroy();
            assertTrue(next.process.waitFor(20, TimeUnit.SECONDS));
            assertFalse(Files.exists(next.uploads));
        }
    }
}
