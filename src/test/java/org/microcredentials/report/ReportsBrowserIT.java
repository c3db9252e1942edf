package org.microcredentials.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialRevocations;
import org.microcredentials.framework.OrganisationAdministration;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.HeadlessChromium;
import org.microcredentials.testing.MutableClock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * erin (SEM team) logs in to Tasklist, opens /reports with the same session and sees every
 * chart drawn with data from {@link ReportScenario} (Chart.js in a real, headless Chromium: the
 * chart objects hold the data points and the canvases have ink on them), then filters to one
 * skill, and downloads a chart's CSV. The screenshot goes to docs/screenshots/reports.png, which docs/operations.md shows.
 */
@ApplicationTest
@Tag("browser")
class ReportsBrowserIT {

  private static final Path SCREENSHOT = Path.of("docs", "screenshots", "reports.png");
  private static final List<String> CHARTS = List.of("submissions", "pass-rate", "time-to-outcome", "time-to-endorsement",
      "sla-breaches", "credentials-by-skill-level", "endorsements-by-endorser", "credentials-and-promotions");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRevocations revocations;
  @Autowired CredentialRegister credentials;
  @Autowired OrganisationAdministration administration;

  private HeadlessChromium chromium;
  private WebDriver browser;
  private WebDriverWait wait;
  private Path downloads;

  @BeforeEach
  void openBrowser() throws IOException {
    // Tasklist's first load is slow on a loaded machine (2 cores, several builds).
    downloads = Files.createTempDirectory("downloads");
    chromium = HeadlessChromium.open(port, "1400,2000", Duration.ofSeconds(60), downloads);
    browser = chromium.browser();
    wait = chromium.waiting();
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
    ReportScenario.resetEngineClock();
  }

  @Test
  void erinSeesEveryChartDrawnWithTheApplicationsPlayed() throws IOException {
    new ReportScenario(engine, jdbc, clock, revocations, credentials, administration).play();

    loginToTasklist("erin");
    browser.get(base() + "/reports");
    waitForCharts();
    assertThat(browser.findElement(By.cssSelector(".who")).getText()).contains("erin");
    for (String report : CHARTS) {
      WebElement card = browser.findElement(By.cssSelector(".chart-card[data-report='" + report + "']"));
      assertThat(card.getDomAttribute("data-state")).as(report).isEqualTo("drawn");
      assertThat(dataPoints(card)).as(report + ": data points in the chart").isPositive();
      assertThat(inkedPixels(card)).as(report + ": pixels drawn on the canvas").isGreaterThan(500);
      assertThat(card.findElement(By.cssSelector(".caption")).getText()).as(report + ": what it shows").isNotBlank();
      assertThat(card.findElement(By.cssSelector("a.csv")).getDomAttribute("href")).contains("/reports/data/" + report, "format=csv");
    }
    assertThat(browser.findElement(By.cssSelector(".chart-card[data-report='pass-rate']")).getDomAttribute("data-rows"))
        .isEqualTo("5");
    screenshot();

    // erin downloads a chart's CSV from the page, in her session: the file the browser saves holds the chart's rows.
    browser.findElement(By.cssSelector(".chart-card[data-report='pass-rate'] a.csv")).click();
    Path csv = downloads.resolve("pass-rate.csv");
    wait.until(driver -> Files.exists(csv) && Files.isRegularFile(csv));
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).as("pass-rate.csv as downloaded").hasSize(1 + 5);
    assertThat(lines.get(0)).isEqualTo("skillCode,skillName,level,assessed,passed,passRate");

    new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("skillCode"))).selectByValue("iLAN");
    browser.findElement(By.cssSelector(".filters button")).click();
    wait.until(ExpectedConditions.urlContains("skillCode=iLAN"));
    waitForCharts();
    assertThat(browser.findElement(By.cssSelector(".chart-card[data-report='pass-rate']")).getDomAttribute("data-rows"))
        .isEqualTo("2");
    assertThat(browser.findElement(By.cssSelector(".chart-card[data-report='pass-rate'] a.csv")).getDomAttribute("href"))
        .contains("skillCode=iLAN");
  }

  @Test
  void anEngineerOutsideTheSemTeamIsRefused() {
    loginToTasklist("alice");
    browser.get(base() + "/reports");
    assertThat(browser.getPageSource()).contains("Only the SEM team and administrators read reports.");
    assertThat(browser.findElements(By.cssSelector(".chart-card"))).isEmpty();
  }

  private void waitForCharts() {
    wait.until(driver -> driver.findElements(By.cssSelector(".chart-card[data-report]")).stream()
        .allMatch(card -> card.getDomAttribute("data-state") != null));
  }

  private long dataPoints(WebElement card) {
    Object points = ((JavascriptExecutor) browser).executeScript("""
        var chart = Chart.getChart(arguments[0].querySelector('canvas'));
        return chart ? chart.data.datasets.reduce(function (n, d) { return n + d.data.filter(function (v) { return v > 0; }).length; }, 0) : 0;""",
        card);
    return ((Number) points).longValue();
  }

  /** Pixels of the canvas that are not transparent: the chart has been painted, not only laid out. */
  private long inkedPixels(WebElement card) {
    Object pixels = ((JavascriptExecutor) browser).executeScript("""
        var canvas = arguments[0].querySelector('canvas');
        var data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        var inked = 0;
        for (var i = 3; i < data.length; i += 4) { if (data[i] > 0) { inked++; } }
        return inked;""", card);
    return ((Number) pixels).longValue();
  }

  private void loginToTasklist(String user) {
    chromium.loginToTasklist(user);
  }


  private String base() {
    return "http://localhost:" + port;
  }

  private void screenshot() throws IOException {
    chromium.screenshot(SCREENSHOT);
  }

}
