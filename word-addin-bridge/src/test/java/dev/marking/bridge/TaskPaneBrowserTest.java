package dev.marking.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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

    /** A client trusting the certificate the bridge will create in {@code folder} (created here first). */
    private static HttpClient trusting(Path folder) throws Exception {
        Path pem = LocalCertificate.loadOrCreate(PrivateFiles.folder(folder)).pem();
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(LocalCertificate.trustStore(pem));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).build();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    private void open() {
        driver.get(b.bridge.url().resolve("/addin/taskpane.html") + "#token=" + b.token);
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
        BridgeConfig config = BridgeConfig.defaults(0, temp.resolve("config"));
        b = scheme.equals("https") ? new RunningBridge(config, trusting(temp.resolve("config"))) : RunningBridge.http(config);
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
}
