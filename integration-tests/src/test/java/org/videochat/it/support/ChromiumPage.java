package org.videochat.it.support;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person in a real headless Chromium with a fake camera and microphone, using the pages as
 * a person would: through the login page, buttons and what the page shows.
 */
public final class ChromiumPage implements AutoCloseable {

    private final ChromeDriver driver;
    private final URI base;
    private final String name;

    /** The cameras this browser has, and whether the person lets the page use them. */
    public enum Camera {
        /** Three fake cameras; fake_device_1 is a depth camera (Y16) that sends no picture. */
        ALLOWED,
        /** The person refuses the camera at the permission prompt. */
        BLOCKED
    }

    public ChromiumPage(URI base, String name) throws Exception {
        this(base, name, Camera.ALLOWED);
    }

    public ChromiumPage(URI base, String name, Camera camera) throws Exception {
        this(base, name, camera, "en-US");
    }

    /** A browser whose person prefers {@code language} (its Accept-Language and UI language). */
    public ChromiumPage(URI base, String name, Camera camera, String language) throws Exception {
        this.base = base;
        this.name = name;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--use-fake-device-for-media-stream=device-count=3",
                "--allow-loopback-in-peer-connection",
                "--autoplay-policy=no-user-gesture-required",
                "--window-size=1000,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-" + name),
                "--lang=" + language,
                "--accept-lang=" + language);
        Map<String, Object> prefs = new java.util.HashMap<>(Map.of("intl.accept_languages", language));
        if (camera == Camera.BLOCKED) {
            // The permission prompt answered as a person would: 1 = allow, 2 = block.
            prefs.put("profile.default_content_setting_values.media_stream_mic", 1);
            prefs.put("profile.default_content_setting_values.media_stream_camera", 2);
        } else {
            // Allows camera and microphone and picks "entire screen" in the screen-sharing picker,
            // which has no other way to be answered in a headless browser.
            options.addArguments("--use-fake-ui-for-media-stream");
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
    }

    public ChromiumPage signIn(String username, String password) {
        driver.get(base.resolve("login.xhtml").toString());
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        waitFor("the home page", d -> d.findElement(By.id("display-name")).isDisplayed());
        waitFor(
                "the directory",
                d -> !d.findElements(By.cssSelector("#people li")).isEmpty());
        return this;
    }

    /** Reloads the home page with a query, e.g. "relay" to force calls through TURN. */
    public ChromiumPage reloadWith(String query) {
        driver.get(base.resolve("?" + query).toString());
        waitFor(
                "the directory",
                d -> !d.findElements(By.cssSelector("#people li")).isEmpty());
        return this;
    }

    /** Opens a page of the application, e.g. "admin/". */
    public ChromiumPage open(String path) {
        driver.get(base.resolve(path).toString());
        return this;
    }

    /** The current tab. */
    public String tab() {
        return driver.getWindowHandle();
    }

    /** Opens the home page in another tab of the same browser and switches to it. */
    public String openTab() {
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(base.toString());
        waitFor(
                "the directory",
                d -> !d.findElements(By.cssSelector("#people li")).isEmpty());
        return driver.getWindowHandle();
    }

    public ChromiumPage switchTo(String tab) {
        driver.switchTo().window(tab);
        return this;
    }

    /** Closes the current tab; switch to another one before using the page again. */
    public void closeTab() {
        driver.close();
    }

    public Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    public void click(String cssSelector) {
        waitFor(
                cssSelector + " to be clickable",
                d -> d.findElement(By.cssSelector(cssSelector)).isDisplayed());
        driver.findElement(By.cssSelector(cssSelector)).click();
    }

    /** Chooses the option whose text contains {@code label} in a select element. */
    public void choose(String id, String label) {
        WebElement select = driver.findElement(By.id(id));
        waitFor(
                "'" + label + "' in #" + id,
                d -> !select.findElements(By.xpath("option[contains(., '" + label + "')]"))
                        .isEmpty());
        new org.openqa.selenium.support.ui.Select(select)
                .selectByVisibleText(select.findElement(By.xpath("option[contains(., '" + label + "')]"))
                        .getText());
    }

    /** The width / height of the video the page shows of the other person, 0 while there is none. */
    public double remoteAspectRatio() {
        Object r = script(
                "const v = document.getElementById('remote'); return v.videoHeight ? v.videoWidth / v.videoHeight : 0;");
        return r instanceof Number n ? n.doubleValue() : 0;
    }

    public void type(String id, String text) {
        driver.findElement(By.id(id)).sendKeys(text);
    }

    public void waitVisible(String id) {
        waitFor("#" + id + " to show", d -> d.findElement(By.id(id)).isDisplayed());
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    public void waitText(String id, String fragment) {
        waitFor("#" + id + " to say '" + fragment + "'", d -> {
            WebElement e = d.findElement(By.id(id));
            return e.getText().contains(fragment);
        });
    }

    /** The page's WebRTC statistics of the current call (window.videochat.stats()). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> stats() {
        Object stats =
                ((JavascriptExecutor) driver).executeScript("return window.videochat && window.videochat.stats();");
        return stats == null ? Map.of() : (Map<String, Object>) stats;
    }

    public long stat(String key) {
        Object v = stats().get(key);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    public <T> T waitFor(String what, Function<ChromeDriver, T> condition) {
        return waitFor(what, Duration.ofSeconds(20), condition);
    }

    public <T> T waitFor(String what, Duration timeout, Function<ChromeDriver, T> condition) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                    .ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .withMessage(() -> name + ": " + what + " (status: " + safeText("status") + ")")
                    .until(d -> condition.apply((ChromeDriver) d));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + System.currentTimeMillis());
            throw e;
        }
    }

    private String safeText(String id) {
        try {
            return driver.findElement(By.id(id)).getText();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** Resizes the window and scrolls to the top: for a screenshot of a whole page. */
    public ChromiumPage resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        driver.executeScript("window.scrollTo(0, 0)");
        return this;
    }

    public Path screenshot(String label) {
        try {
            Path dir = Path.of(System.getProperty("it.screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + "-" + label + ".png");
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
