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
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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

        var row = wait(LIVE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-instance='" + clinic + "']")));
        assertThat(row.findElement(By.cssSelector(".reason")).getText())
                .contains("Removed from the phone: the clinic must scan a new QR code").contains("device_removed (401)");
        assertThat(row.findElement(By.cssSelector(".status-cell")).getText()).isEqualTo("disconnected");
        assertThat(row.findElement(By.cssSelector(".server")).getText()).isEqualTo("default");
        assertThat(row.getText()).contains("org-console-clinic");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.performance.timeOrigin;"))
                .as("the same page: no reload").isEqualTo(marker);
        screenshot("03-needs-attention");
    }

    @Test
    @Order(3)
    void acknowledgingTheAlertChangesItsState() {
        var row = By.cssSelector("tr[data-instance='" + clinic + "']");
        wait(LIVE).until(d -> d.findElement(row).findElement(By.cssSelector(".alert-cell")).getText().startsWith("open"));
        browser.findElement(row).findElement(By.cssSelector("button.ack")).click();

        wait(LIVE).until(d -> d.findElement(row).findElement(By.cssSelector(".alert-cell")).getText().startsWith("acknowledged"));
        assertThat(browser.findElement(row).findElements(By.cssSelector("button.ack"))).isEmpty();
        var alerts = Http.get(Service.maintenance("/alerts?state=acknowledged"), Service.admin()).json().getJsonArray("alerts")
                .getValuesAs(JsonObject.class);
        assertThat(alerts).anySatisfy(a -> {
            assertThat(a.getString("instance_name")).isEqualTo(clinic);
            assertThat(a.getString("acknowledged_by")).isEqualTo("alice");
        });
        screenshot("04-acknowledged");
    }

    @Test
    @Order(4)
    void anInstancesTimelineShowsItsChanges() {
        browser.findElement(By.cssSelector("tr[data-instance='" + clinic + "'] a")).click();
        wait(LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("instance")));
        wait(LIVE).until(d -> d.findElements(By.cssSelector("#timeline li.change")).size() >= 2);
        var changes = browser.findElements(By.cssSelector("#timeline li.change")).stream().map(WebElement::getText).toList();
        assertThat(changes.get(0)).contains("connected → disconnected").contains("Removed from the phone");
        assertThat(changes).anySatisfy(c -> assertThat(c).contains("→ connected"));
        assertThat(browser.findElements(By.cssSelector("#uptime-chart svg rect.bar"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#timeline-strip svg rect"))).isNotEmpty();
        wait(LIVE).until(d -> d.findElement(By.id("instance-audit")).getText().contains("instance.created"));
        assertThat(browser.findElement(By.id("instance-alerts")).getText()).contains("acknowledged");
        screenshot("05-instance");

        // it updates live too: the clinic pairs again
        evolution.pair(clinic, "5511988880001");
        wait(LIVE).until(d -> d.findElement(By.cssSelector("#timeline li.change")).getText().contains("disconnected → connected"));
    }

    @Test
    @Order(5)
    void aDryRunListsASeededOrphanAndTheConfirmedCleanupRemovesIt() {
        var old = Instant.now().minus(Duration.ofHours(2));
        var orphan = "clinic-org-console-orphan-" + old.toEpochMilli();
        evolution.seed(SeedInstance.named(orphan).status("close").createdAt(old));

        browser.findElement(By.cssSelector("#nav a[data-view='orphans']")).click();
        browser.findElement(By.id("dry-run")).click();
        var listed = By.cssSelector("#orphan-instances li[data-name='" + orphan + "']");
        wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(listed));
        assertThat(evolution.instances()).as("a dry run deletes nothing").anySatisfy(i -> assertThat(i.name()).isEqualTo(orphan));
        screenshot("06-dry-run");

        browser.findElement(By.id("cleanup")).click();
        wait(LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("confirm-list")).getText()).contains(orphan);
        screenshot("07-cleanup-confirm");
        browser.findElement(By.id("confirm-ok")).click();

        wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.id("cleanup-result")).getText().startsWith("Deleted 1 Evolution"));
        wait(LIVE).until(ExpectedConditions.invisibilityOfElementLocated(listed));
        assertThat(evolution.instances()).noneSatisfy(i -> assertThat(i.name()).isEqualTo(orphan));
        screenshot("08-cleaned-up");
    }

    @Test
    @Order(6)
    void theFleetShowsCountsTheLastRunsAndTheConnectedShare() {
        assertThat(Http.post(Service.maintenance("/health-check"), Service.admin(), null, "").status()).isEqualTo(200);
        browser.findElement(By.cssSelector("#nav a[data-view='fleet']")).click();
        wait(LIVE).until(d -> d.findElements(By.cssSelector("#runs-table tbody tr")).size() >= 2);
        assertThat(browser.findElement(By.cssSelector("#runs-table tbody")).getText()).contains("Health sweep").contains("Orphan cleanup");
        assertThat(browser.findElement(By.cssSelector("#by-status dd[data-key='connected']")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("#by-server dd[data-key='default']")).getText()).isEqualTo("1");
        wait(LIVE).until(d -> !d.findElements(By.cssSelector("#share-24h svg path.line")).isEmpty());
        screenshot("09-fleet");
    }

    @Test
    @Order(7)
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
        screenshot("10-explorer");
    }

    @Test
    @Order(8)
    void noConsolePageMakesARequestToAnotherHostAndNoneBreaksItsPolicy() {
        var host = URI.create(console).getHost() + ":" + URI.create(console).getPort();
        var requested = new ArrayList<String>();
        for (var page : List.of("#attention", "#fleet", "#orphans", "#instance/" + clinic)) {
            browser.get(console + page);
            wait(LIVE).until(d -> !d.findElement(By.id("main")).getText().isBlank());
            requested.addAll(resources());
        }
        browser.get(console + "explorer.html");
        wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".swagger-ui .opblock")).size() > 3);
        requested.addAll(resources());

        assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(URI.create(url).getAuthority()).isEqualTo(host));
        assertThat(requested).noneMatch(url -> url.contains("eyJ")).as("no token in a URL");
        List<LogEntry> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getMessage().contains("Content Security Policy")).toList();
        assertThat(violations).as("no page breaks its Content-Security-Policy").isEmpty();
        var headers = Http.get(console, null).headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("style-src 'self';").doesNotContain("unsafe"));
    }

    @Test
    @Order(9)
    void atPhoneWidthTheAttentionListStaysReadable() {
        browser.get(console + "#attention");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            evolution.disconnect(clinic, Disconnect.CONFLICT);
            var row = wait(LIVE).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-instance='" + clinic + "']")));
            assertThat(row.getText()).contains("Opened elsewhere");
            assertThat((Long) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth;")).as("no sideways scrolling").isLessThanOrEqualTo(390L);
            screenshot("11-phone");
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
