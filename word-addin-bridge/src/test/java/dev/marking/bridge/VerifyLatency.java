package dev.marking.bridge;

import dev.marking.core.format.FormatRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Measures {@code POST /api/v1/verify} latency (p50/p99 over 200 sequential requests) for a ~1 MB
 * document over HTTPS, run by hand:
 * <pre>
 * ./mvnw -q -pl word-addin-bridge -am test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp word-addin-bridge/target/test-classes:word-addin-bridge/target/classes:$(cat word-addin-bridge/cp.txt) \
 *     dev.marking.bridge.VerifyLatency [docx|md] [http]
 * </pre>
 * The document is a DOCX (text plus an incompressible image) when the DOCX adapter is registered, else Markdown.
 */
public final class VerifyLatency {

    private static final int REQUESTS = 200;
    private static final int WARMUP = 20;
    private static final int SIZE = 1024 * 1024;

    private VerifyLatency() {
    }

    public static void main(String[] args) throws Exception {
        boolean docxSupported = FormatRegistry.standard().forFile(Path.of("x.docx")).isPresent();
        boolean docx = args.length > 0 ? args[0].equals("docx") : docxSupported;
        boolean https = !(args.length > 1 && args[1].equals("http"));
        byte[] doc = docx ? docx() : Documents.unmarkedOfSize(SIZE);
        String name = docx ? "latency.docx" : "latency.md";
        Path folder = Files.createTempDirectory("marking-latency-");
        BridgeConfig config = BridgeConfig.defaults(0, folder).withHttps(https)
                .withLog(new PrintStream(PrintStream.nullOutputStream()));
        try (Bridge bridge = Bridge.start(config)) {
            HttpClient client = https ? HttpClient.newBuilder().sslContext(RunningBridge.trust(bridge.certificateFile()
                    .orElseThrow())).build() : HttpClient.newHttpClient();
            String token = Files.readString(bridge.tokenFile()).strip();
            HttpRequest request = HttpRequest.newBuilder(bridge.url().resolve("/api/v1/verify"))
                    .header("X-Marking-Token", token).header(DocumentName.HEADER, name)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(doc)).build();
            HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
            check(first);
            System.out.println("first answer: " + first.body().replaceAll("\\s+", " "));
            for (int i = 1; i < WARMUP; i++) {
                check(client.send(request, HttpResponse.BodyHandlers.ofString()));
            }
            long[] nanos = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long start = System.nanoTime();
                check(client.send(request, HttpResponse.BodyHandlers.ofString()));
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            System.out.printf("verify %s %s, %d bytes, %d sequential requests after %d warm-up, %d cores: "
                    + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", https ? "https" : "http", name, doc.length, REQUESTS, WARMUP,
                    Runtime.getRuntime().availableProcessors(), ms(nanos[REQUESTS / 2 - 1]),
                    ms(nanos[(int) Math.ceil(REQUESTS * 0.99) - 1]), ms(nanos[REQUESTS - 1]));
        } finally {
            PrivateFiles.deleteTree(folder);
        }
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200 || !r.body().contains("\"findings\"")) {
            throw new IllegalStateException("verify failed: " + r.statusCode() + " " + r.body());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** About 1 MB of DOCX: paragraphs of text and a random (incompressible) image. */
    static byte[] docx() throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 1; i <= 2000; i++) {
                d.createParagraph().createRun().setText("第" + i + "段。本段落用于测量检查的耗时，内容没有密级标志。");
            }
            byte[] noise = new byte[SIZE - 40 * 1024];
            new Random(1).nextBytes(noise);
            XWPFRun run = d.createParagraph().createRun();
            run.addPicture(new java.io.ByteArrayInputStream(noise), Document.PICTURE_TYPE_PNG, "noise.png",
                    Units.toEMU(10), Units.toEMU(10));
            d.write(out);
            return out.toByteArray();
        }
    }
}
