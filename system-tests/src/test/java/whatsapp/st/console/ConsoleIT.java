package whatsapp.st.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import whatsapp.simulator.Disconnect;
import whatsapp.simulator.EvolutionSimulator;
import whatsapp.simulator.SeedInstance;
import whatsapp.st.systems.Http;
import whatsapp.st.systems.Integrations;
import whatsapp.st.systems.Poll;
import whatsapp.st.systems.Service;
import whatsapp.st.systems.Stack;

/**
 * The operations console in a real browser (Debian's Chromium, headless, through its ChromeDriver) against the
 * running stack: one browser for the class, a screenshot per test under target/console-screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    static final Path SHOTS = Path.of("target", "console-screenshots");
    static final Duration LIVE = Duration.ofSeconds(5);

    static WebDriver browser;
    static Path profile;
    static String console;
    static EvolutionSimulator evolution;
    /** the clinic the tests disconnect */
    static String clinic;
    static String clinicId;
    /** a second clinic: disconnected after the first, so listed above it; deleted from the console */
    static String second;
    static String secondId;

    /** what the browser showed when a test failed: target/console-screenshots/FAILED-<test>.png */
    @RegisterExtension
    static final TestWatcher FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) screenshot("FAILED-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    static void browser() throws IOException {
        evolution = Stack.get().simulator().orElseThrow();
        console = Stack.get().server().httpUrl() + "/console/";
        var chromium = executable("chromium");
        var driver = executable("chromedriver");
        profile = Files.createTempDirectory("console-chromium");
        var options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
        // every orphan the cleanup test sees is its own: an empty fleet to start with
        evolution.reset();
        for (var integration : Integrations.all()) Integrations.delete(integration.getString("id"));
        Poll.until(() -> Integrations.all().isEmpty(), Duration.ofSeconds(60), "an empty fleet");
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) browser.quit();
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    @Order(1)
    void aBadTokenIsRefusedWithAMessage() {
        browser.get(console);
        signIn("not-a-token");
        assertThat(message()).contains("not a JSON Web Token");

        var admin = Service.admin();
        var forged = admin.substring(0, admin.length() - 4) + (admin.endsWith("AAAA") ? "BBBB" : "AAAA");
        signIn(forged);
        wait(Duration.ofSeconds(5)).until(d -> message().contains("refused"));
        assertThat(browser.findElement(By.id("signin")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        screenshot("01-bad-token");

        signIn(Service.member("org-console-member"));
        wait(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("forbidden")));
        assertThat(browser.findElement(By.id("forbidden-title")).getText()).isEqualTo("This console is for admins");
        screenshot("02-member-token");
        browser.findElement(By.id("forbidden-out")).click();
    }

    @Test
    @Order(2)
    void aClinicDisconnectedByAWebhookAppearsUnderNeedsAttentionWithoutAReload() {
        var integration = Integrations.createFor("org-console-clinic");
        clinicId = integration.getString("id");
        clinic = integration.getString("instance_name");
        evolution.pair(clinic, "5511988880001");
        Poll.until(() -> "connected".equals(Integrations.find(clinicId).json().getString("status")), Duration.ofSeconds(10),
                "the open webhook to connect the clinic");

        browser.get(console);
        signIn(Service.admin());
        wait(Duration.ofSeconds(10)).until(d -> "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state")));
        assertThat(browser.findElements(By.cssSelector("tr[data-instance='" + clinic + "']"))).as("connected: nothing to do").isEmpty();
        var marker = ((JavascriptExecutor) browser).executeScript("return window.performance.timeOrigin;");

        evolution.disconnect(clinic, Disconnect.DEVICE_REMOVED);

        waitListed(clinic);
        var row = "tr[data-instance='" + clinic + "']";
        assertThat(text(row + " .reason"))
                .contains("Removed from the phone: the clinic must scan a new QR code").contains("device_removed (401)");
        assertThat(text(row + " .cannot-send")).as("the server's can_send signal, in its plain words")
                .isEqualTo("Cannot send: removed from the phone: scan a new QR code");
        assertThat(browser.findElements(By.cssSelector(row + " .cannot-send.restricted"))).as("a removal stands out").hasSize(1);
        assertThat(text(row + " .status-cell")).isEqualTo("disconnected");
        assertThat(text(row + " .server")).isEqualTo("default");
        assertThat(text(row)).contains("org-console-clinic");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.performance.timeOrigin;"))
                .as("the same page: no reload").isEqualTo(marker);
        screenshot("03-needs-attention");
    }

    @Test
    @Order(3)
    void theNewestProblemComesFirstAndRestartIsOfferedWhereItCanHelp() {
        var integration = Integrations.createFor("org-console-second");
        secondId = integration.getString("id");
        second = integration.getString("instance_name");
        evolution.pair(second, "5511988880002");
        Poll.until(() -> "connected".equals(Integrations.find(secondId).json().getString("status")), Duration.ofSeconds(10),
                "the open webhook to connect the second clinic");

        evolution.disconnect(second, Disconnect.BANNED_403);

        waitListed(second, clinic);
        var row = "tr[data-instance='" + second + "']";
        assertThat(text(row + " .reason"))
                .contains("Refused by WhatsApp: the clinic must contact WhatsApp and pair again").contains("forbidden (403)");
        assertThat(text(row + " .cannot-send"))
                .isEqualTo("Cannot send: blocked by WhatsApp: contact WhatsApp, then scan a new QR code");
        assertThat(text(row)).contains("org-console-second");
        var sinces = script("return [...document.querySelectorAll('#attention-table tbody td.since time')]"
                + ".map(t => t.getAttribute('datetime'));").stream().map(Instant::parse).toList();
        assertThat(sinces).hasSize(2);
        assertThat(sinces.get(0)).as("newest problem first").isAfterOrEqualTo(sinces.get(1));
        assertThat(text("#attention-count")).isEqualTo("2");
        screenshot("04-newest-first");

        // after a 403 (or a 401) only a new QR scan helps: no restart is offered, and the server refuses one
        assertThat(browser.findElements(By.cssSelector(row + " button.restart"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("tr[data-instance='" + clinic + "'] button.restart"))).isEmpty();
        var refused = Http.post(Service.maintenance("/instances/" + second + "/restart"), Service.admin(), null, "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().getString("detail")).contains("pair again");

        // a transient close (440, the session opened elsewhere) may be restarted; the simulator, like Evolution,
        // refuses to restart an instance that is closed
        var secret = evolution.instance(second).orElseThrow().webhook().headers().get("x-evolution-secret");
        var close = "{\"event\":\"connection.update\",\"instance\":\"" + second + "\",\"data\":{\"instance\":\""
                + second + "\",\"state\":\"close\",\"statusReason\":440},\"date_time\":\"" + Instant.now() + "\"}";
        var delivered = Http.send(java.net.http.HttpRequest.newBuilder(URI.create(Service.integrations("/webhooks/evolution")))
                .header("Content-Type", "application/json").header("x-evolution-secret", secret)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(close)).build());
        assertThat(delivered.status()).as(delivered.body()).isBetween(200, 202);
        Poll.until(() -> "conflict (440)".equals(Integrations.find(secondId).json().getString("disconnect_reason")),
                Duration.ofSeconds(10), "the 440 close to be recorded");
        // the status stays disconnected (only its reason changes), which the live feed does not push: reload
        browser.navigate().refresh();
        wait(LIVE).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector(row + " button.restart")).isEmpty());
        long before = evolution.calls("restart");
        click(By.cssSelector("tr[data-instance='" + second + "'] button.restart"));
        wait(LIVE).until(d -> d.findElement(By.id("toast")).isDisplayed()
                && d.findElement(By.id("toast")).getText().contains("Evolution did not restart " + second));
        assertThat(evolution.calls("restart")).isEqualTo(before + 1);
        assertThat(Integrations.audit("org-console-second")).noneSatisfy(e ->
                assertThat(e.getString("action")).isEqualTo("instance.restarted"));
    }

    @Test
    @Order(4)
    void acknowledgingTheAlertChangesItsState() {
        var cell = By.cssSelector("tr[data-instance='" + clinic + "'] .alert-cell");
        wait(LIVE).withMessage(() -> "an open alert").until(d -> d.findElement(cell).getText().startsWith("open"));
        click(By.cssSelector("tr[data-instance='" + clinic + "'] button.ack"));

        wait(LIVE).withMessage(() -> "the alert acknowledged").until(d -> d.findElement(cell).getText().startsWith("acknowledged"));
        assertThat(browser.findElements(By.cssSelector("tr[data-instance='" + clinic + "'] button.ack"))).isEmpty();
        var alerts = Http.get(Service.maintenance("/alerts?state=acknowledged"), Service.admin()).json().getJsonArray("alerts")
                .getValuesAs(JsonObject.class);
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.getString("instance_name")).isEqualTo(clinic);
            assertThat(a.getString("acknowledged_by")).isEqualTo("alice");
        });
        screenshot("05-acknowledged");
    }

    @Test
    @Order(5)
    void deletingAsksForConfirmationFirst() {
        var row = By.cssSelector("tr[data-instance='" + second + "']");
        click(By.cssSelector("tr[data-instance='" + second + "'] button.delete"));
        wait(LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("confirm-title")).getText()).contains("org-console-second");
        assertThat(browser.findElement(By.id("confirm-body")).getText()).contains(second);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("Cancel has the focus").isEqualTo("confirm-cancel");
        screenshot("06-delete-confirm");

        browser.findElement(By.id("confirm-cancel")).click();
        wait(LIVE).until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElements(row)).as("cancelled: still listed").hasSize(1);
        assertThat(Integrations.find(secondId).status()).as("cancelled: nothing deleted").isEqualTo(200);

        click(By.cssSelector("tr[data-instance='" + second + "'] button.delete"));
        wait(LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        browser.findElement(By.id("confirm-ok")).click();
        waitListed(clinic);
        Poll.until(() -> Integrations.find(secondId).status() == 404, Duration.ofSeconds(10), "the second clinic to be deleted");
        assertThat(evolution.instance(second)).as("its Evolution instance is gone too").isEmpty();
    }

    @Test
    @Order(6)
    void anInstancesTimelineShowsItsChanges() {
        click(By.cssSelector("tr[data-instance='" + clinic + "'] a"));
        wait(LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("instance")));
        wait(LIVE).until(d -> d.findElements(By.cssSelector("#timeline li.change")).size() >= 2);
        var changes = script("return [...document.querySelectorAll('#timeline li.change')].map(li => li.innerText);");
        assertThat(changes.get(0)).contains("connected → disconnected").contains("Removed from the phone");
        assertThat(changes).anySatisfy(c -> assertThat(c).contains("→ connected"));
        assertThat(browser.findElements(By.cssSelector("#uptime-chart svg rect.bar"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#timeline-strip svg rect"))).isNotEmpty();
        wait(LIVE).until(d -> d.findElement(By.id("instance-audit")).getText().contains("instance.created"));
        assertThat(text("#instance-alerts")).contains("acknowledged");
        screenshot("07-instance");

        // it updates live too: the clinic pairs again
        evolution.pair(clinic, "5511988880001");
        wait(LIVE).until(d -> d.findElement(By.cssSelector("#timeline li.change")).getText().contains("disconnected → connected"));
    }

    @Test
    @Order(7)
    void aDryRunListsASeededOrphanAndTheConfirmedCleanupRemovesIt() {
        var old = Instant.now().minus(Duration.ofHours(2));
        var orphan = "clinic-org-console-orphan-" + old.toEpochMilli();
        evolution.seed(SeedInstance.named(orphan).status("close").createdAt(old));

        browser.findElement(By.cssSelector("#nav a[data-view='orphans']")).click();
        browser.findElement(By.id("dry-run")).click();
        var listed = By.cssSelector("#orphan-instances li[data-name='" + orphan + "']");
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(listed));
        assertThat(evolution.instances()).as("a dry run deletes nothing").anySatisfy(i -> assertThat(i.name()).isEqualTo(orphan));
        screenshot("08-dry-run");

        browser.findElement(By.id("cleanup")).click();
        wait(LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("confirm-list")).getText()).contains(orphan);
        screenshot("09-cleanup-confirm");
        browser.findElement(By.id("confirm-ok")).click();

        wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.id("cleanup-result")).getText().startsWith("Deleted 1 Evolution"));
        wait(LIVE).until(ExpectedConditions.invisibilityOfElementLocated(listed));
        assertThat(evolution.instances()).noneSatisfy(i -> assertThat(i.name()).isEqualTo(orphan));
        screenshot("10-cleaned-up");
    }

    @Test
    @Order(8)
    void theFleetShowsCountsTheLastRunsAndTheConnectedShare() {
        assertThat(Http.post(Service.maintenance("/health-check"), Service.admin(), null, "").status()).isEqualTo(200);
        browser.findElement(By.cssSelector("#nav a[data-view='fleet']")).click();
        // the live view re-renders these lists when a change arrives: each is read inside a wait, which reads again
        wait(LIVE).withMessage("both kinds of run listed").until(d -> {
            var runs = d.findElement(By.cssSelector("#runs-table tbody")).getText();
            return runs.contains("Health sweep") && runs.contains("Orphan cleanup");
        });
        wait(LIVE).withMessage("one connected").until(d -> d.findElement(By.cssSelector("#by-status dd[data-key='connected']")).getText().equals("1"));
        wait(LIVE).withMessage("one on the default server")
                .until(d -> d.findElement(By.cssSelector("#by-server dd[data-key='default']")).getText().equals("1"));
        wait(LIVE).until(d -> !d.findElements(By.cssSelector("#share-24h svg path.line")).isEmpty());
        screenshot("11-fleet");
    }

    @Test
    @Order(9)
    void theExplorerShowsBothDocumentsAndCallsWithTheToken() {
        browser.get(console + "explorer.html");
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".swagger-ui .opblock")).size() > 3);
        assertThat(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText()).containsIgnoringCase("integrations");
        // try one call: GET /integrations/audit with the signed-in token answers 200
        var answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/integrations/audit?limit=1', {headers: {Authorization: 'Bearer ' + sessionStorage.getItem('console.token')}})
                    .then(a => done(a.status), e => done(String(e)));""");
        assertThat(answer).isEqualTo(200L);
        screenshot("12-explorer");
    }

    @Test
    @Order(10)
    void noConsolePageMakesARequestToAnotherHostAndNoneBreaksItsPolicy() {
        var host = URI.create(console).getHost() + ":" + URI.create(console).getPort();
        browser.manage().logs().get(LogType.BROWSER);   // what the earlier tests logged (their 401 on purpose) is read
        var requested = new ArrayList<String>();
        for (var page : List.of("#attention", "#fleet", "#orphans", "#instance/" + clinic)) {
            browser.get(console + page);
            wait(LIVE).until(d -> !d.findElement(By.id("main")).getText().isBlank());
            requested.addAll(resources());
        }
        browser.get(console + "explorer.html");
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".swagger-ui .opblock")).size() > 3);
        requested.addAll(resources());
        screenshot("13-explorer-own-host-only");

        assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(URI.create(url).getAuthority()).isEqualTo(host));
        assertThat(requested).noneMatch(url -> url.contains("eyJ")).as("no token in a URL");
        List<LogEntry> logged = browser.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(logged).as("no page breaks its Content-Security-Policy")
                .noneMatch(e -> e.getMessage().contains("Content Security Policy"));
        assertThat(logged).as("no console error on any page").noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());
        var headers = Http.get(console, null).headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("style-src 'self';").doesNotContain("unsafe"));
    }

    @Test
    @Order(11)
    void atPhoneWidthTheAttentionListStaysReadable() {
        browser.get(console + "#attention");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            evolution.disconnect(clinic, Disconnect.DEVICE_REMOVED);
            waitListed(clinic);
            // the live view may redraw the row meanwhile: judge a fresh one each time
            var rowCss = By.cssSelector("tr[data-instance='" + clinic + "']");
            wait(LIVE).ignoring(StaleElementReferenceException.class).withMessage("the clinic's row, readable at 390 px")
                    .until(d -> {
                        var row = d.findElement(rowCss);
                        return row.isDisplayed() && row.getText().contains("Removed from the phone")
                                && row.findElement(By.cssSelector("td.actions")).getRect().getWidth() <= 390;
                    });
            assertThat((Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth;")).as("no sideways scrolling").isLessThanOrEqualTo(390L);
            screenshot("14-phone");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
        ((JavascriptExecutor) browser).executeScript("document.getElementById('sign-out').click();");
        assertThat(browser.findElement(By.id("signin-message")).getText()).isEqualTo("Signed out.");
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('console.token');")).isNull();
    }

    // ---------- helpers

    void signIn(String token) {
        var field = browser.findElement(By.id("token"));
        field.clear();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, token);
        browser.findElement(By.cssSelector("#signin-form button[type='submit']")).click();
    }

    /** Clicks what the selector finds, again if a live update replaced it meanwhile. */
    static void click(By what) {
        wait(LIVE).withMessage(() -> "could not click " + what).until(d -> {
                    d.findElement(what).click();
                    return true;
                });
    }

    /** Waits until Needs attention lists exactly these instances, in this order. */
    void waitListed(String... names) {
        wait(LIVE).withMessage(() -> "Needs attention lists " + listed() + ", not " + List.of(names))
                .until(d -> listed().equals(List.of(names)));
    }

    /** the instance names under Needs attention, top to bottom (read in one script: no stale element) */
    List<String> listed() {
        return script("return [...document.querySelectorAll('#attention-table tbody tr')].map(r => r.dataset.instance);");
    }

    /** the text of what the selector finds, read again if a live update replaced it meanwhile */
    static String text(String css) {
        return wait(LIVE).withMessage(() -> "no " + css).until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    @SuppressWarnings("unchecked")
    static List<String> script(String script) {
        return ((List<Object>) ((JavascriptExecutor) browser).executeScript(script)).stream().map(String::valueOf).toList();
    }

    String message() {
        return browser.findElement(By.id("signin-message")).getText();
    }

    @SuppressWarnings("unchecked")
    List<String> resources() {
        return ((List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);"))
                .stream().map(String::valueOf).filter(u -> u.startsWith("http")).toList();
    }

    static WebDriverWait wait(Duration timeout) {
        var wait = new WebDriverWait(browser, timeout);
        wait.pollingEvery(Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);   // the live view re-renders its lists
        return wait;
    }

    static void screenshot(String name) {
        try {
            var png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path executable(String name) {
        for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            var candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        throw new IllegalStateException(name + " is not installed: apt-get install chromium chromium-driver (see README)");
    }
}
