package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person in headless Chromium logs in to the console over HTTPS and creates a tenant. */
@ExtendWith(ArquillianExtension.class)
class ConsoleIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** The HTTPS listener; the console is never served over plain HTTP. */
    private static final String CONSOLE = "https://localhost:8443/console/";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(installed, "CI needs chromium and chromium-driver (apt-get install chromium chromium-driver)");
        } else {
            assumeTrue(installed, "chromium and chromium-driver are not installed: browser test skipped");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--ignore-certificate-errors", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("tandem-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminLogsInAndCreatesATenantWithValidationOnTheWay() throws Exception {
        ApiClient admin = new ApiClient(base, TandemDeployment.PLATFORM_KEY);
        String appName = "Console app " + TandemDeployment.randomDigits(6);
        ApiClient.Reply app = admin.post("api/v1/meta-apps", Map.of("appId", TandemDeployment.randomDigits(15),
                "name", appName, "appSecret", "console-secret", "verifyToken", "console-verify"));
        assertEquals(201, app.status());

        browser.get(CONSOLE + "tenancy/tenants.xhtml");
        wait.until(ExpectedConditions.urlContains("/console/login.xhtml"));
        login("admin", "wrong-password-123");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "wrong password"));

        login("admin", TandemDeployment.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in"), "admin (PLATFORM_ADMIN)"));

        browser.findElement(By.id("tenants:new")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tenant:name")));
        // Sorts first in the name-ordered list, also before tenants earlier runs left in a reused database:
        // the later the run, the smaller the number.
        String name = "AAA Console " + (9_999_999_999_999L - System.currentTimeMillis()) + " " + TandemDeployment.randomDigits(4);
        String phoneNumberId = TandemDeployment.randomDigits(15);
        chooseMetaApp(appName);
        type("tenant:name", name);
        type("tenant:wabaId", TandemDeployment.randomDigits(15));
        type("tenant:phoneNumberId", phoneNumberId);
        type("tenant:displayNumber", "0151 not a number");
        type("tenant:timeZone", "Europe/Lisbon");
        browser.findElement(By.id("tenant:save")).click();
        WebElement numberError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='tenant:displayNumber'] ~ .ui-message-error, .ui-message-error[id*='displayNumber']")));
        assertTrue(numberError.getText().contains("E.164"), numberError.getText());
        screenshot("console-validation.png");

        type("tenant:displayNumber", "+351 912 345 678");
        browser.findElement(By.id("tenant:save")).click();
        wait.until(ExpectedConditions.urlContains("/console/tenancy/tenants.xhtml"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Saved tenant " + name));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tenants:table"), name));
        screenshot("console-tenants.png");

        JsonNode stored = null;
        for (JsonNode t : admin.get("api/v1/tenants?size=200").json().get("items")) {
            if (t.get("phoneNumberId").asText().equals(phoneNumberId)) {
                stored = t;
            }
        }
        assertTrue(stored != null, "the tenant created in the console is stored");
        assertEquals(name, stored.get("name").asText());
        assertEquals("351912345678", stored.get("displayNumber").asText());
        assertEquals("Europe/Lisbon", stored.get("timeZone").asText());

        browser.findElement(By.id("menu:logout")).click();
        wait.until(ExpectedConditions.urlContains("/console/login.xhtml"));
        browser.get(CONSOLE + "tenancy/tenants.xhtml");
        wait.until(ExpectedConditions.urlContains("/console/login.xhtml"));
    }

    private void login(String user, String password) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
        type("login:username", user);
        type("login:password", password);
        browser.findElement(By.id("login:submit")).click();
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void chooseMetaApp(String appName) {
        browser.findElement(By.id("tenant:metaAppId")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id='tenant:metaAppId_items'] li[data-label^='" + appName + "']"))).click();
    }

    private void screenshot(String name) throws Exception {
        Path folder = Path.of(System.getProperty("tandem.it.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }

}
