package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --office-js DIR}: regular files inside DIR only, behind the same Host and Origin guard as every path. */
class OfficeJsFolderTest {

    @TempDir
    Path temp;

    private RunningBridge b;

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("office"));
        Path outside = Files.writeString(temp.resolve("secret.txt"), "not for the browser");
        Files.writeString(dir.resolve("office.js"), "/* office */");
        Files.createDirectories(dir.resolve("zh-cn"));
        Files.writeString(dir.resolve("zh-cn/office_strings.js"), "/* strings */");
        Files.writeString(dir.resolve(".env"), "TOKEN=x");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/config"), "[core]");
        Files.createSymbolicLink(dir.resolve("escape.js"), outside);
        Files.createSymbolicLink(dir.resolve("up"), temp);
        Files.createSymbolicLink(dir.resolve("alias.js"), dir.resolve("office.js"));
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.js").toString()).start();
        mkfifo.waitFor(10, TimeUnit.SECONDS);
        b = RunningBridge.http(BridgeConfig.defaults(0, temp.resolve("config")).withOfficeJs(dir));
    }

    @AfterEach
    void stop() {
        b.close();
    }

    private int status(String path, String host) throws Exception {
        return RawHttp.exchange(b.bridge.port(), null, "GET " + path + " HTTP/1.1\nHost: " + host + "\nConnection: close\n\n")
                .status();
    }

    @Test
    void onlyRegularFilesInsideTheFolderAreServed() throws Exception {
        String host = "127.0.0.1:" + b.bridge.port();
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("/addin/office/office.js", 200);
        expected.put("/addin/office/zh-cn/office_strings.js", 200);
        expected.put("/addin/office/alias.js", 200);
        expected.put("/addin/office/escape.js", 404);
        expected.put("/addin/office/up/secret.txt", 404);
        expected.put("/addin/office/.env", 404);
        expected.put("/addin/office/.git/config", 404);
        expected.put("/addin/office/zh-cn", 404);
        expected.put("/addin/office/pipe.js", 404);
        expected.put("/addin/office/missing.js", 404);
        expected.put("/addin/office/%2e%2e/secret.txt", 400);
        expected.put("/addin/office/..%2fsecret.txt", 400);
        Map<String, Integer> got = new LinkedHashMap<>();
        for (String path : expected.keySet()) {
            got.put(path, status(path, host));
        }
        System.out.println("--office-js answers: " + got);
        assertEquals(expected, got);
    }

    @Test
    void theFolderIsGuardedLikeEveryOtherPath() throws Exception {
        assertEquals(421, status("/addin/office/office.js", "evil.example"));
        assertEquals(421, status("/addin/office/office.js", "localhost:1"));
        RawHttp.Answer foreign = RawHttp.exchange(b.bridge.port(), null, "GET /addin/office/office.js HTTP/1.1\nHost: "
                + "127.0.0.1:" + b.bridge.port() + "\nSec-Fetch-Site: cross-site\nConnection: close\n\n");
        assertEquals(403, foreign.status());
    }

    @Test
    void aMissingFolderStopsTheStartInOneLine() {
        Path missing = temp.resolve("no-such-folder");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> Bridge.start(BridgeConfig.defaults(0,
                temp.resolve("config2")).withHttps(false).withOfficeJs(missing).withLog(System.out)));
        assertEquals("--office-js " + missing + ": no such folder", e.getMessage());
    }
}
