package org.microcredentials.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.HeadlessChromium;
import org.microcredentials.testing.SelfSubmissions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Alice connects a wallet as she would: logged in to Tasklist, her browser is sent to the consent
 * page by the wallet (the authorization request built by Connect2id's SDK), she reads who asks for
 * what, clicks Allow in a real, headless Chromium, and her browser is sent back to the wallet with a
 * code, which the wallet exchanges for the credential she holds. The screenshot goes to
 * docs/screenshots/wallet-consent.png, which docs/open-badges.md shows.
 */
@ApplicationTest
@Tag("browser")
class WalletConsentBrowserIT {

  private static final Path SCREENSHOT = Path.of("docs", "screenshots", "wallet-consent.png");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired CredentialRegister register;

  private HeadlessChromium chromium;

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aliceAllowsAWalletInTheBrowserAndTheWalletReadsHerCredential() throws Exception {
    new SelfSubmissions(engine, jdbc).clear();
    String credential = register.issue(new CredentialRegister.Issue("APP-2026-wallet", "alice", "iLAN", 3, 9,
        CredentialSource.SELF_SUBMISSION, "carol", List.of("dave"), 1, "Measured impact.", 8)).id();
    String site = "http://localhost:" + port;
    // A wallet on this machine (http on the loopback is allowed); it returns to a page that exists here.
    String callback = site + "/about/terms";
    JsonNode wallet = JSON.readTree(post(site + WalletApi.BASE + "/register", JSON.writeValueAsString(Map.of(
        "client_name", "Learner Wallet", "client_uri", site + "/", "logo_uri", site + "/credentials/" + credential + "/badge.svg",
        "tos_uri", site + "/about/terms", "policy_uri", site + "/about/privacy", "software_id", "learner-wallet",
        "software_version", "1.0", "redirect_uris", List.of(callback),
        "grant_types", List.of("authorization_code", "refresh_token"),
        "scope", WalletScopes.CREDENTIAL_READONLY + " " + WalletScopes.PROFILE_READONLY))));

    chromium = HeadlessChromium.open(port, "1100,900", Duration.ofSeconds(60));
    WebDriver browser = chromium.browser();
    chromium.loginToTasklist("alice");
    CodeVerifier verifier = new CodeVerifier();
    State state = new State();
    URI asked = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
        new ClientID(wallet.path("client_id").asText())).endpointURI(URI.create(site + WalletApi.BASE + "/authorize"))
        .redirectionURI(URI.create(callback)).scope(Scope.parse(WalletScopes.CREDENTIAL_READONLY + " "
            + WalletScopes.PROFILE_READONLY)).state(state).codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
    browser.get(asked.toString());
    chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.allow")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Connect Learner Wallet?");
    assertThat(browser.findElement(By.cssSelector(".lead")).getText()).isEqualTo("Signed in as Alice Example.");
    assertThat(browser.findElements(By.cssSelector(".asked li"))).extracting(element -> element.getText())
        .containsExactly("read your skills credentials (signed Open Badges 3.0)",
            "read your profile: your name and e-mail address");
    Object logoWidth = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
        "return document.querySelector('.wallet-logo').naturalWidth;");
    assertThat(((Number) logoWidth).intValue()).as("the wallet's logo loaded").isPositive();
    chromium.screenshot(SCREENSHOT);

    browser.findElement(By.cssSelector("button.allow")).click();
    chromium.waiting().until(ExpectedConditions.urlContains("code="));
    AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(browser.getCurrentUrl()));
    assertThat(answer.getState()).isEqualTo(state);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Terms of service");

    TokenResponse tokens = TokenResponse.parse(new TokenRequest(URI.create(site + WalletApi.BASE + "/token"),
        new ClientSecretBasic(new ClientID(wallet.path("client_id").asText()), new Secret(wallet.path("client_secret").asText())),
        new AuthorizationCodeGrant(answer.toSuccessResponse().getAuthorizationCode(), URI.create(callback), verifier), null)
        .toHTTPRequest().send());
    AccessToken access = tokens.toSuccessResponse().getTokens().getAccessToken();
    HttpResponse<String> held = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(site + WalletApi.BASE + "/credentials")).header("Authorization", "Bearer " + access.getValue()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(held.body()).path("credential")).singleElement()
        .satisfies(one -> assertThat(one.path("id").asText()).endsWith(credential));

    // Her portfolio lists the wallet (her Tasklist login serves the page: no password typed for it); she
    // disconnects it there, and it reads nothing more.
    browser.get("http://localhost:" + port + "/api/engineers/alice/portfolio");
    chromium.waiting().until(ExpectedConditions.attributeToBe(By.cssSelector("section.wallets"), "data-state", "loaded"));
    assertThat(browser.findElements(By.cssSelector(".wallet-item"))).singleElement()
        .satisfies(item -> assertThat(item.getText()).startsWith("Learner Wallet (" + site + "/) · connected "));
    browser.findElement(By.cssSelector(".wallet-item button.disconnect")).click();
    chromium.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".wallet-item")));
    assertThat(browser.findElement(By.cssSelector("section.wallets .none")).isDisplayed()).isTrue();
    HttpResponse<String> gone = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(site + WalletApi.BASE + "/credentials")).header("Authorization", "Bearer " + access.getValue()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(gone.statusCode()).isEqualTo(401);
  }

  private static String post(String url, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
