package org.microcredentials.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by chromium-driver (.ci/run installs both; a test is skipped
 * where they are missing): a fresh profile each time, a fixed window size for comparable screenshots.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver browser;
  private final WebDriverWait wait;
  private final String base;

  private HeadlessChromium(WebDriver browser, WebDriverWait wait, String base) {
    this.browser = browser;
    this.wait = wait;
    this.base = base;
  }

  public static HeadlessChromium open(int port, String windowSize, Duration patience) throws IOException {
    return open(port, windowSize, patience, null);
  }

  /** As {@link #open(int, String, Duration)}, saving what the pages download into {@code downloads}, unasked. */
  public static HeadlessChromium open(int port, String windowSize, Duration patience, Path downloads) throws IOException {
    RequiredPrograms.assumeInstalled("chromium chromium-driver", CHROMIUM, CHROMEDRIVER);
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=" + windowSize, "--force-device-scale-factor=1", "--user-data-dir=" + profile);
    if (downloads != null) {
      options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
          "download.prompt_for_download", false));
    }
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    WebDriver browser = new ChromeDriver(service, options);
    return new HeadlessChromium(browser, new WebDriverWait(browser, patience), "http://localhost:" + port);
  }

  public WebDriver browser() {
    return browser;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  public String base() {
    return base;
  }

  /** Logs in on Tasklist's own login page; the session then holds for our pages too. */
  public void loginToTasklist(String user) {
    browser.manage().deleteAllCookies();
    browser.get(base + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(., 'Start process')]")));
  }

  public void screenshot(Path to) throws IOException {
    File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.createDirectories(to.toAbsolutePath().getParent());
    Files.copy(file.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    browser.quit();
  }
}
