package org.posthorn.systemtest.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.posthorn.systemtest.support.Ports;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a fresh profile,
 * and the console-specific steps the tests share: open a page, fill a field, click, save a screenshot.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final ChromeDriver driver;
    private final String base = "http://127.0.0.1:" + Ports.http();

    Browser() {
        try {
            profile = Files.createTempDirectory("posthorn-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("posthorn.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("posthorn.test.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a path of the server, such as {@code /admin/domains.xhtml}. */
    void open(String path) {
        driver.get(base + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Replaces the text of an input. */
    void type(String id, String text) {
        WebElement input = find(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks the element with that id and waits until the page that follows has loaded. */
    void clickAndWait(String id) {
        clickAndWait(By.id(id));
    }

    /** Clicks and waits until the page that follows has loaded (the old one went stale). */
    void clickAndWait(By by) {
        WebElement target = find(by);
        WebElement html = driver.findElement(By.tagName("html"));
        target.click();
        waitUntilGone(html);
    }

    /**
     * Waits until the page an element belonged to has been replaced. Chromium reports a node of an
     * unloaded document either as stale or as "does not belong to the document"; both mean gone.
     */
    private void waitUntilGone(WebElement oldPage) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            try {
                oldPage.isDisplayed();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
        find(By.tagName("main"));
    }

    /** Presses Enter in the field with that id (submitting its form) and waits for the next page. */
    void submitAndWait(String id) {
        WebElement field = find(By.id(id));
        WebElement html = driver.findElement(By.tagName("html"));
        field.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitUntilGone(html);
    }

    String text(By by) {
        return find(by).getText();
    }

    /** Signs in as the test server's admin and waits for the dashboard. */
    void signInAsAdmin(String password) {
        driver.manage().deleteAllCookies();
        open("/admin/login.xhtml");
        type("login:name", "admin");
        type("login:password", password);
        clickAndWait("login:signIn");
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}, the whole page high. */
    void screenshot(String name) {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) driver.executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(4000, height.intValue() + 140)));
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.createDirectories(SCREENSHOTS);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    /** Narrows the window to a phone's width for {@code action}, then restores it. */
    void asPhone(Runnable action) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(390, 900));
        try {
            action.run();
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile harms nothing.
        }
    }
}
