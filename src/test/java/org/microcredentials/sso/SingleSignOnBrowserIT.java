package org.microcredentials.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Profile {@code oidc} in a real, headless Chromium: Tasklist sends the browser to the identity provider's login
 * page ({@link TestIdentityProvider}); signed in there, the person is in Tasklist as themselves. The webapps' Log
 * out ends the session here; the sign-out page also ends it at the provider, whose login page shows again.
 * Someone the provider knows and the organisation does not sees the refusal page. Screenshots in
 * target/screenshots/sso-*.png.
 */
@SingleSignOnTest
@Tag("browser")
class SingleSignOnBrowserIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private TestIdentityProvider.Running provider;
  private HeadlessChromium chromium;
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void openBrowser() throws IOException {
    provider = TestIdentityProvider.running();
    chromium = HeadlessChromium.open(provider.applicationPort(), "1400,1000", Duration.ofSeconds(60));
    browser = chromium.browser();
    wait = chromium.waiting();
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aliceSignsInToTasklistAtTheProviderAndSignsOut() throws IOException {
    browser.get(provider.application() + "/camunda/app/tasklist/default/");
    signInAtProvider("alice");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(., 'Start process')]")));
    screenshot("sso-tasklist-signed-in");
    assertThat(browser.getCurrentUrl()).startsWith(provider.application() + "/camunda/app/tasklist/");
    assertThat(signedInUser()).contains("\"userId\":\"alice\"");

    // The webapps' own Log out (their script's call): the session here ends, Camunda's with it.
    assertThat(fetch("POST", "/camunda/api/admin/auth/user/default/logout")).isEqualTo("204");
    assertThat(fetch("GET", "/camunda/api/admin/auth/user/default")).isEqualTo("401");

    // Back in Tasklist without typing a password: the provider's session still holds.
    browser.get(provider.application() + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(., 'Start process')]")));

    // The full sign-out: here, then at the provider (RP-initiated logout), back to the start page, which leads
    // on to Tasklist: the provider asks for the password again.
    browser.get(provider.application() + "/camunda/sso/logout");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
    wait.until(ExpectedConditions.urlContains(provider.issuer() + "/login"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    screenshot("sso-signed-out-at-provider");
    browser.get(provider.application() + "/camunda/api/admin/auth/user/default");
    assertThat(browser.getPageSource()).as("nobody signed in here").doesNotContain("userId");
  }

  @Test
  void someoneTheOrganisationDoesNotKnowSeesARefusal() throws IOException {
    browser.get(provider.application() + "/camunda/app/tasklist/default/");
    signInAtProvider("nolan");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
    screenshot("sso-refused");
    assertThat(browser.findElement(By.id("refusal")).getText()).contains("'nolan'");
    assertThat(signedInUser()).doesNotContain("nolan");
  }

  private void signInAtProvider(String user) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
    assertThat(browser.getCurrentUrl()).startsWith(provider.issuer());
    browser.findElement(By.id("password")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
  }

  /** Who the webapps say is signed in, as Tasklist asks it. */
  private String signedInUser() {
    return String.valueOf(((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/camunda/api/admin/auth/user/default', {headers: {Accept: 'application/json'}})
          .then(r => r.text()).then(done, e => done('error ' + e));"""));
  }

  /** A call of the webapps' scripts from the page: its status. */
  private String fetch(String method, String path) {
    return String.valueOf(((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[1], {method: arguments[0], headers: {Accept: 'application/json'}})
          .then(r => done(String(r.status)), e => done('error ' + e));""", method, path));
  }

  private void screenshot(String name) throws IOException {
    chromium.screenshot(SCREENSHOTS.resolve(name + ".png"));
  }
}
