package com.campaignledger.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the pages' tests: Debian's browser and driver from {@code /usr/bin}, both named, so
 * Selenium Manager is never asked for a download (there is no network here but the package registries). Without
 * Chromium a browser test is skipped with the reason, except with {@code CI=true}, where it fails: {@code .ci/run}
 * installs it.
 */
public final class Browsers {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {}

    /** Skips the test without Chromium and its driver (apt-get install chromium chromium-driver), fails it in CI. */
    public static void requireChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "no " + CHROMIUM + " and " + CHROMEDRIVER
                + ": install them (apt-get install chromium chromium-driver) to run the browser tests";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + missing);
        }
        Assumptions.assumeTrue(installed, missing);
    }

    /** A new headless Chromium; quit it after the test. */
    public static WebDriver chromium() {
        requireChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * A screenshot of the whole page saved under {@code target/} (the module's build directory): the window is made as
     * tall as the page for it, then given its size back.
     */
    public static Path screenshot(WebDriver driver, String name) {
        Dimension window = driver.manage().window().getSize();
        try {
            long height = ((Number) ((JavascriptExecutor) driver)
                            .executeScript(
                                    "window.scrollTo(0, 0); return Math.ceil(document.documentElement.scrollHeight"
                                            + " + window.outerHeight - window.innerHeight);"))
                    .longValue();
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int)
                    Math.max(window.getHeight(), height)));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target", name);
            Files.createDirectories(target.getParent());
            return Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("could not save the screenshot " + name, e);
        } finally {
            driver.manage().window().setSize(window);
        }
    }
}
