package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The task pane in headless Chromium, served by a running bridge: in "Word" through an Office.js test
 * double that hands over a real document via getFileAsync, and as a plain browser page with a file input.
 */
class TaskPaneBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private RunningBridge b;
    private WebDriver driver;

    @BeforeAll
    static void needsChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError("CI must have chromium and chromium-driver (.ci/run installs them): " + CHROMIUM
                    + " or " + CHROMEDRIVER + " is missing");
        }
        Assumptions.assumeTrue(present, "skipped: Debian chromium and chromium-driver are not installed "
                + "(apt-get install -y chromium chromium-driver)");
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (b != null) {
            b.close();
        }
    }

    /** A real DOCX of the corpus, as Word would hand it over. */
    record Sample(String name, byte[] bytes) {
        static Sample pick() throws IOException {
            return new Sample("poi_NoHeadFoot.docx", Files.readAllBytes(Corpus.file("docx/poi_NoHeadFoot.docx")));
        }

        String stampedName() {
            int dot = name.lastIndexOf('.');
            return name.substring(0, dot) + ".000003" + name.substring(dot);
        }
    }

    private WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The bridge's self-signed certificate is not in Chromium's store here; the HTTPS case still runs TLS.
        options.setAcceptInsecureCerts(true);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=460,1100", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, options);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return d;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens the pane as Word or a browser would, with nothing in the address, and pairs it with the bridge's code. */
    private void open() {
        driver.get(b.bridge.url().resolve("/addin/taskpane.html").toString());
        waiting().until(d -> "false".equals(js("return document.body.getAttribute('data-paired');")));
        assertNull(driver.findElement(By.id("connect")).getAttribute("hidden"), "the pane asks for the pairing code");
        assertEquals("pair:ok", pair(b.bridge.pairingCode()));
        assertEquals("true", js("return document.body.getAttribute('data-paired');"));
    }

    /** Types {@code code} into the pairing field and presses Pair; returns {@code pair:ok|error}. */
    private String pair(String code) {
        driver.findElement(By.id("pairingCode")).sendKeys(code);
        return act("pair");
    }

    /** Clicks {@code button} and waits until the page says the action finished; returns {@code action:ok|error}. */
    private String act(String button) {
        String before = String.valueOf(js("return document.body.getAttribute('data-done') || '0';"));
        driver.findElement(By.id(button)).click();
        waiting().until(d -> !before.equals(String.valueOf(js("return document.body.getAttribute('data-done') || '0';"))));
        return String.valueOf(js("return document.body.getAttribute('data-last');"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private JsonNode verify(String name, byte[] bytes) throws Exception {
        var r = b.post("/api/v1/verify", name, bytes);
        assertEquals(200, r.statusCode());
        return JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void inWordChecksMarksAndPresendsTheOpenDocument() throws Exception {
        Sample doc = Sample.pick();
        System.out.println("task pane test: the Office.js double hands over " + doc.name() + " (" + doc.bytes().length
                + " bytes)");
        Path officeJs = Files.createDirectories(temp.resolve("office"));
        String double0;
        try (InputStream in = TaskPaneBrowserTest.class.getResourceAsStream("office-double.js")) {
            double0 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String input = JSON.writeValueAsString(Map.of("url", "C:\\Users\\me\\Documents\\" + doc.name(), "base64",
                Base64.getEncoder().encodeToString(doc.bytes()), "language", "zh-CN"));
        Files.writeString(officeJs.resolve("office.js"), "window.__officeDoubleDocument = " + input + ";\n" + double0);
        b = RunningBridge.http(BridgeConfig.defaults(0, temp.resolve("config")).withOfficeJs(officeJs));
        driver = chromium();
        open();
        waiting().until(d -> "office".equals(js("return document.body.getAttribute('data-ready');")));
        assertEquals(doc.name(), driver.findElement(By.id("officeName")).getText());
        assertEquals("检查", driver.findElement(By.id("check")).getText(), "Chinese from Office's display language");

        assertEquals("check:ok", act("check"));
        assertFalse(driver.findElements(By.cssSelector("#results li.error[data-rule='marking.missing']")).isEmpty());
        assertTrue(((Number) js("return window.__officeDouble.slices;")).intValue() > 1, "read slice by slice");
        assertEquals(Boolean.TRUE, js("return window.__officeDouble.closed;"));
        Path shot = Path.of("target", "taskpane-findings.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

        new Select(driver.findElement(By.id("level"))).selectByValue("机密");
        driver.findElement(By.id("term")).clear();
        driver.findElement(By.id("term")).sendKeys("5");
        driver.findElement(By.id("copy")).sendKeys("3");
        assertEquals("mark:ok", act("markButton"));
        String inserted = (String) js("return window.__officeDouble.inserted;");
        assertTrue(String.valueOf(js("return window.__officeDouble.insertedWith;")).endsWith("Replace:options"));
        assertEquals("000003", js("return window.__officeDouble.properties['marking.copy'];"));
        JsonNode again = verify(doc.stampedName(), Base64.getDecoder().decode(inserted));
        assertEquals(0, again.get("summary").get("errors").asInt(), again.toString());
        assertEquals("机密", again.get("files").get(0).get("marking").get("level").asText());

        new Select(driver.findElement(By.id("channel"))).selectByValue("email");
        assertEquals("presend:ok", act("presendButton"));
        assertEquals("false", driver.findElement(By.id("decision")).getAttribute("data-allowed"));
        assertFalse(driver.findElements(By.cssSelector("#decision li[data-rule='marking.missing']")).isEmpty());
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void inAPlainBrowserUsesTheFileInputAndOffersTheDownload(String scheme) throws Exception {
        b = RunningBridge.of(scheme, BridgeConfig.defaults(0, temp.resolve("config")));
        driver = chromium();
        open();
        waiting().until(d -> "browser".equals(js("return document.body.getAttribute('data-ready');")));
        assertNull(driver.findElement(By.id("browserSource")).getAttribute("hidden"), "file picker shown");
        assertEquals(scheme, driver.getCurrentUrl().substring(0, scheme.length()));
        List<String> dotted = FormatRegistry.standard().extensions().stream().map(e -> "." + e).toList();
        waiting().until(d -> String.join(",", dotted).equals(driver.findElement(By.id("file")).getAttribute("accept")));
        assertTrue(driver.findElement(By.id("drop")).getText().contains(String.join(" ", dotted)),
                "the hint names the bridge's extensions: " + driver.findElement(By.id("drop")).getText());

        Path file = temp.resolve("季度报告.md");
        Files.write(file, Documents.unmarked());
        driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        waiting().until(d -> "季度报告.md".equals(js("return document.body.getAttribute('data-file');")));

        assertEquals("check:ok", act("check"));
        assertFalse(driver.findElements(By.cssSelector("#results li.error[data-rule='marking.missing']")).isEmpty());

        new Select(driver.findElement(By.id("level"))).selectByValue("秘密");
        driver.findElement(By.id("copy")).sendKeys("3");
        assertEquals("mark:ok", act("markButton"));
        var link = driver.findElement(By.id("download"));
        assertEquals("季度报告.000003.md", link.getAttribute("download"));
        String stamped = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "fetch(document.getElementById('download').href).then(r => r.text()).then(done, e => done('failed: ' + e));");
        assertTrue(stamped.contains("秘密★5年"), stamped);
        JsonNode again = verify("季度报告.000003.md", stamped.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, again.get("summary").get("errors").asInt(), again.toString());

        new Select(driver.findElement(By.id("channel"))).selectByValue("im");
        assertEquals("presend:ok", act("presendButton"));
        assertEquals("false", driver.findElement(By.id("decision")).getAttribute("data-allowed"));
        assertTrue(b.logText().contains("GET /addin/office/office.js 200"), "office.js came from the bridge");
    }

    @ParameterizedTest(name = "over {0}")
    @ValueSource(strings = {"http", "https"})
    void pairingTakesTheCodeOnceAndLeavesNoSecretInThePage(String scheme) throws Exception {
        b = RunningBridge.of(scheme, BridgeConfig.defaults(0, temp.resolve("config")));
        driver = chromium();
        driver.get(b.bridge.url().resolve("/addin/taskpane.html").toString());
        waiting().until(d -> "false".equals(js("return document.body.getAttribute('data-paired');")));
        String code = b.bridge.pairingCode();
        assertEquals("pair:error", pair(code.equals("0000-0000") ? "1111-1111" : "0000-0000"), "a wrong code is refused");
        Thread.sleep(Pairing.THROTTLE.toMillis() + 100);
        assertEquals("pair:ok", pair(code));
        assertEquals("true", js("return document.body.getAttribute('data-paired');"));
        assertNotNull(driver.findElement(By.id("connect")).getAttribute("hidden"), "the pairing field is gone");

        String url = driver.getCurrentUrl();
        assertFalse(url.contains(b.token) || url.contains(code.replace("-", "")) || url.contains("#"), url);
        assertEquals(0L, js("return localStorage.length + sessionStorage.length;"), "nothing kept in the page's storage");
        assertFalse(String.valueOf(js("return document.cookie;")).contains(Pairing.COOKIE), "scripts cannot read the cookie");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cookies = (List<Map<String, Object>>) ((ChromeDriver) driver)
                .executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        Map<String, Object> session = cookies.stream().filter(c -> Pairing.COOKIE.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + cookies));
        System.out.println(scheme + " session cookie as Chromium keeps it: httpOnly=" + session.get("httpOnly") + " secure="
                + session.get("secure") + " sameSite=" + session.get("sameSite") + " path=" + session.get("path"));
        assertEquals(Boolean.TRUE, session.get("httpOnly"));
        assertEquals("Strict", session.get("sameSite"));
        assertEquals(ApiHandler.PREFIX, session.get("path"));
        assertEquals(scheme.equals("https"), session.get("secure"));

        js("localStorage.setItem('marking.bridge.token', 'left by an older version');");
        driver.navigate().refresh();
        waiting().until(d -> "browser".equals(js("return document.body.getAttribute('data-ready');")));
        waiting().until(d -> "true".equals(js("return document.body.getAttribute('data-paired');")));
        assertNotNull(driver.findElement(By.id("connect")).getAttribute("hidden"), "paired once: no code asked again");
        assertEquals(0L, js("return localStorage.length;"), "an older version's stored token is removed");
        assertEquals(200, b.get("/api/v1/health").statusCode());
    }

    @Test
    void aForeignPageCannotFrameThePaneOrTheApi() throws Exception {
        b = RunningBridge.http(BridgeConfig.defaults(0, temp.resolve("config")));
        String pane = b.bridge.url().resolve("/addin/taskpane.html").toString();
        String api = b.bridge.url().resolve("/api/v1/health").toString();
        // Another program on this machine: same site as the bridge (127.0.0.1), another origin (its own port).
        HttpServer evil = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        evil.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body = (path.equals("/control.html") ? "<p id=control>a frame of this site's own</p>"
                    : "<iframe id=pane src='" + pane + "'></iframe><iframe id=api src='" + api + "'></iframe>"
                    + "<iframe id=control src='/control.html'></iframe>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        evil.start();
        try {
            driver = chromium();
            driver.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
            Map<String, String> framed = new LinkedHashMap<>();
            // Until every frame has left about:blank: loaded, or replaced by the browser's error page.
            for (int i = 0; i < 100
                    && (framed.isEmpty() || framed.values().stream().anyMatch(v -> v.startsWith("about:"))); i++) {
                Thread.sleep(100);
                for (String frame : List.of("pane", "api", "control")) {
                    driver.switchTo().defaultContent();
                    driver.switchTo().frame(frame);
                    framed.put(frame, String.valueOf(js("return location.href + ' ' + document.body.innerText.length;")));
                }
                driver.switchTo().defaultContent();
            }
            System.out.println("frames of a foreign page: " + framed);
            assertTrue(framed.get("control").startsWith("http://127.0.0.1:"), "control: the page's own frame loads");
            assertTrue(framed.get("pane").startsWith("chrome-error://"), "the task pane is refused: " + framed);
            assertTrue(framed.get("api").startsWith("chrome-error://"), "an API answer is refused: " + framed);
        } finally {
            evil.stop(0);
        }
    }
}
