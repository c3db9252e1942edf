package org.microcredentials.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.ProcessEngine;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.CleanSlate;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The Open Badges 3.0 API against what an outside attack sent it, each sent as the attacker sent it
 * (plain HTTP against the running application): floods of authorization requests, registrations and
 * token requests, oversized fields, an open redirect before sign-in, a replayed refresh token, a code
 * kept past a disconnection, malformed client credentials, and the protocol's SHOULDs an outside
 * OAuth client checks. Each is refused as the rule says, and leaves nothing behind.
 */
@ApplicationTest
class WalletAttackIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REDIRECT = "https://wallet.example/callback";
  private static final String READ_ALL = WalletScopes.CREDENTIAL_READONLY + " " + WalletScopes.PROFILE_READONLY
      + " offline_access";
  private static final SecureRandom RANDOM = new SecureRandom();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  @Autowired MutableClock clock;
  @Autowired ConsentRequests consents;
  @Autowired WalletRateLimits rateLimits;
  @Autowired WalletLimits limits;
  @Autowired ServletWebServerApplicationContext server;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void setUp() {
    CleanSlate.clear(engine, jdbc);
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
    rateLimits.forgetAll();
  }

  /** All requests of this class come from one address: the next test starts with full buckets. */
  @AfterEach
  void tearDown() {
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
    rateLimits.forgetAll();
  }

  // --- memory through the consent page ---

  @Test
  void aStreamOfAuthorizationRequestsLeavesNoSessionAndAFewPendingConsents() throws Exception {
    Wallet wallet = register("Example Wallet", REDIRECT);
    int sessionsBefore = activeSessions();
    List<String> requestIds = new ArrayList<>();
    for (int request = 0; request < 60; request++) {
      HttpResponse<String> page = get(authorize(wallet.clientId(), "code", "s".repeat(500), challenge(verifier())), "alice");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().allValues("Set-Cookie")).as("no session per request").isEmpty();
      requestIds.add(requestId(page));
    }
    assertThat(activeSessions()).isEqualTo(sessionsBefore);
    assertThat(consents.waitingFor("alice")).isEqualTo(limits.pendingConsentsPerHolder());

    // The oldest were dropped: answering one is over; the newest still waits for alice.
    HttpResponse<String> dropped = decide(requestIds.get(0), "alice", "allow");
    assertThat(dropped.statusCode()).isEqualTo(400);
    assertThat(dropped.headers().firstValue("Location")).isEmpty();
    HttpResponse<String> newest = decide(requestIds.get(requestIds.size() - 1), "alice", "allow");
    assertThat(newest.statusCode()).isEqualTo(302);
    assertThat(newest.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT + "?code=");
  }

  @Test
  void aStateLongerThanTheLimitIsRefusedAndNothingIsKept() throws Exception {
    Wallet wallet = register("Example Wallet", REDIRECT);
    int waiting = consents.waitingFor("alice");
    String sevenKilobytes = "s".repeat(7 * 1024);

    HttpResponse<String> signedIn = get(authorize(wallet.clientId(), "code", sevenKilobytes, challenge(verifier())), "alice");
    assertThat(signedIn.statusCode()).isEqualTo(302);
    Map<String, String> error = query(signedIn.headers().firstValue("Location").orElseThrow());
    assertThat(error).containsEntry("error", "invalid_request").doesNotContainKey("state");
    assertThat(error.get("error_description")).contains("state is at most 512 characters");

    HttpResponse<String> anonymous = get(authorize(wallet.clientId(), "code", sevenKilobytes, challenge(verifier())), null);
    assertThat(anonymous.statusCode()).isEqualTo(400);
    assertThat(anonymous.headers().firstValue("Location")).isEmpty();
    assertThat(consents.waitingFor("alice")).isEqualTo(waiting);
  }

  // --- the open redirect before sign-in ---

  @Test
  void anAnonymousRequestWithAnErrorIsShownNotRedirectedToTheRegisteredHost() throws Exception {
    Wallet attacker = register("Totally Legit", "https://attacker.example/phish");
    for (String responseType : List.of("token", "")) {
      HttpResponse<String> shown = get(authorize(attacker.clientId(), responseType, "s", challenge(verifier()))
          .replace("https%3A%2F%2Fwallet.example%2Fcallback", enc("https://attacker.example/phish")), null);
      assertThat(shown.statusCode()).as("response_type=" + responseType).isEqualTo(400);
      assertThat(shown.headers().firstValue("Location")).isEmpty();
      assertThat(shown.body()).contains("response_type is code");
    }
    // Signed in, the holder is sent back to the client's own registered redirect URI with the error.
    HttpResponse<String> signedIn = get(authorize(attacker.clientId(), "token", "s", challenge(verifier()))
        .replace("https%3A%2F%2Fwallet.example%2Fcallback", enc("https://attacker.example/phish")), "alice");
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow())
        .startsWith("https://attacker.example/phish?error=unsupported_response_type");
  }

  // --- unlimited anonymous registration ---

  @Test
  void registrationFieldsAreBoundedAndARefusedOneLeavesNoClient() throws Exception {
    int clientsBefore = clients();
    ObjectNode longName = metadata("N".repeat(7000), REDIRECT);
    assertRefusedRegistration(longName, "invalid_client_metadata", "client_name is at most 200 characters");
    ObjectNode longUrl = metadata("Example Wallet", "https://wallet.example/" + "p".repeat(3000));
    assertRefusedRegistration(longUrl, "invalid_redirect_uri", "at most 2000 characters");
    ObjectNode manyRedirects = metadata("Example Wallet", REDIRECT);
    for (int extra = 0; extra < 10; extra++) {
      manyRedirects.withArray("redirect_uris").add(REDIRECT + extra);
    }
    assertRefusedRegistration(manyRedirects, "invalid_redirect_uri", "at most 5 URLs");
    assertRefusedRegistration(metadata("Example Wallet", REDIRECT).put("software_version", "9".repeat(500)),
        "invalid_client_metadata", "software_version is at most 200 characters");
    assertThat(clients()).isEqualTo(clientsBefore);
  }

  @Test
  void registrationsAndTokenRequestsPastTheRateOfOneAddressAre429WithRetryAfter() throws Exception {
    int clientsBefore = clients();
    int registered = 0;
    HttpResponse<String> refused = null;
    for (int attempt = 0; attempt < limits.registrationsPerAddress() + 5 && refused == null; attempt++) {
      HttpResponse<String> answer = postJson("/ims/ob/v3p0/register", metadata("Wallet " + attempt, REDIRECT));
      if (answer.statusCode() == 201) {
        registered++;
      } else {
        refused = answer;
      }
    }
    assertThat(registered).isEqualTo(limits.registrationsPerAddress());
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("too_many_requests");
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
    assertThat(clients()).isEqualTo(clientsBefore + registered);

    // The bucket refills evenly (two a second at 120 a minute): a few more may pass while the loop runs.
    int answered = 0;
    HttpResponse<String> slowDown = null;
    for (int attempt = 0; attempt < 2 * limits.tokenRequestsPerAddress() && slowDown == null; attempt++) {
      HttpResponse<String> answer = postForm("/ims/ob/v3p0/token", basic("guessed-client", "guessed-secret"),
          "grant_type=authorization_code&code=x&code_verifier=y&redirect_uri=" + enc(REDIRECT));
      if (answer.statusCode() == 429) {
        slowDown = answer;
      } else {
        assertThat(answer.statusCode()).isEqualTo(401);
        answered++;
      }
    }
    assertThat(answered).isBetween(limits.tokenRequestsPerAddress(), limits.tokenRequestsPerAddress() * 11 / 10);
    assertThat(slowDown).isNotNull();
    assertThat(slowDown.headers().firstValue("Retry-After")).isPresent();
    assertThat(JSON.readTree(slowDown.body()).path("error").asText()).isEqualTo("too_many_requests");
  }

  @Test
  void theRateLimitsRememberABoundedNumberOfAddresses() {
    for (int address = 0; address < limits.trackedAddresses() + 5_000; address++) {
      MockHttpServletRequest request = new MockHttpServletRequest("POST", "/ims/ob/v3p0/register");
      request.setRemoteAddr("10." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "." + (address & 255));
      rateLimits.registration(request);
    }
    assertThat(rateLimits.trackedAddresses()).isEqualTo(limits.trackedAddresses());
  }

  @Test
  void aRegistrationNeverUsedExpiresAndIsRemovedWhileAUsedOneStays() throws Exception {
    Wallet unused = register("Never Used", REDIRECT);
    Wallet used = register("Example Wallet", REDIRECT);
    String verifier = verifier();
    tokens(used, code(used, "alice", verifier), verifier);

    clock.set(TestConfiguration.MID_NOVEMBER_2026.plus(Duration.ofDays(1)).plusSeconds(60));
    HttpResponse<String> page = get(authorize(unused.clientId(), "code", "s", challenge(verifier())), "alice");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("<h1>This wallet is not registered here</h1>");
    HttpResponse<String> token = postForm("/ims/ob/v3p0/token", basic(unused.clientId(), unused.secret()),
        "grant_type=refresh_token&refresh_token=x");
    assertThat(token.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(token.body()).path("error").asText()).isEqualTo("invalid_client");

    register("Another Wallet", REDIRECT);
    assertThat(clientRow(unused.clientId())).as("removed at the next registration").isZero();
    assertThat(clientRow(used.clientId())).isOne();
    assertThat(get(authorize(used.clientId(), "code", "s", challenge(verifier())), "alice").statusCode()).isEqualTo(200);
  }

  // --- refresh token replay, disconnection ---

  @Test
  void replayingARotatedRefreshTokenRevokesEveryTokenOfItsGrant() throws Exception {
    Wallet wallet = register("Example Wallet", REDIRECT);
    String verifier = verifier();
    JsonNode first = tokens(wallet, code(wallet, "alice", verifier), verifier);
    HttpResponse<String> rotated = postForm("/ims/ob/v3p0/token", basic(wallet.clientId(), wallet.secret()),
        "grant_type=refresh_token&refresh_token=" + enc(first.path("refresh_token").asText()));
    assertThat(rotated.statusCode()).isEqualTo(200);
    JsonNode second = JSON.readTree(rotated.body());
    assertThat(bearer("/ims/ob/v3p0/profile", second.path("access_token").asText()).statusCode()).isEqualTo(200);

    HttpResponse<String> replay = postForm("/ims/ob/v3p0/token", basic(wallet.clientId(), wallet.secret()),
        "grant_type=refresh_token&refresh_token=" + enc(first.path("refresh_token").asText()));
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(replay.body()).path("error").asText()).isEqualTo("invalid_grant");

    assertThat(bearer("/ims/ob/v3p0/profile", second.path("access_token").asText()).statusCode()).isEqualTo(401);
    HttpResponse<String> successor = postForm("/ims/ob/v3p0/token", basic(wallet.clientId(), wallet.secret()),
        "grant_type=refresh_token&refresh_token=" + enc(second.path("refresh_token").asText()));
    assertThat(successor.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(successor.body()).path("error").asText()).isEqualTo("invalid_grant");
    assertThat(jdbc.sql("select count(*) from wallet_token where client_id = ? and revoked_at is null")
        .param(wallet.clientId()).query(Integer.class).single()).isZero();
  }

  @Test
  void aCodeGivenBeforeTheHolderDisconnectedTheWalletCannotBeExchangedAfter() throws Exception {
    Wallet wallet = register("Example Wallet", REDIRECT);
    String connected = verifier();
    tokens(wallet, code(wallet, "alice", connected), connected);
    String verifier = verifier();
    String kept = code(wallet, "alice", verifier);
    HttpResponse<String> waitingPage = get(authorize(wallet.clientId(), "code", "s", challenge(verifier())), "alice");
    String waiting = requestId(waitingPage);

    HttpResponse<String> disconnected = http.send(HttpRequest.newBuilder(url("/api/engineers/alice/wallets/"
        + wallet.clientId())).header("Authorization", basic("alice", "alice")).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(disconnected.statusCode()).isEqualTo(204);

    HttpResponse<String> exchange = postForm("/ims/ob/v3p0/token", basic(wallet.clientId(), wallet.secret()),
        "grant_type=authorization_code&code=" + enc(kept) + "&redirect_uri=" + enc(REDIRECT) + "&code_verifier=" + verifier);
    assertThat(exchange.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(exchange.body()).path("error").asText()).isEqualTo("invalid_grant");
    assertThat(decide(waiting, "alice", "allow").statusCode()).as("a consent asked before").isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from wallet_token where client_id = ? and revoked_at is null")
        .param(wallet.clientId()).query(Integer.class).single()).isZero();
  }

  // --- server errors ---

  @Test
  void malformedPercentEncodingInTheClientIdIsInvalidClientNotAServerError() throws Exception {
    for (String path : List.of("/ims/ob/v3p0/token", "/ims/ob/v3p0/revoke")) {
      HttpResponse<String> answer = postForm(path, basic("%zz", "secret"), "grant_type=authorization_code&token=x");
      assertThat(answer.statusCode()).as(path).isEqualTo(401);
      assertThat(JSON.readTree(answer.body()).path("error").asText()).isEqualTo("invalid_client");
      assertThat(answer.body()).doesNotContain("Exception", "java.", "at org.", "select ");
    }
  }

  // --- the SHOULDs an outside OAuth client checks ---

  @Test
  void aRequestWithoutATokenIsChallengedWithoutAnErrorCode() throws Exception {
    HttpResponse<String> none = http.send(HttpRequest.newBuilder(url("/ims/ob/v3p0/credentials")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"micro-credentials wallets\"");
    HttpResponse<String> wrong = bearer("/ims/ob/v3p0/credentials", "not-a-token");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"micro-credentials wallets\", error=\"invalid_token\"");
  }

  @Test
  void aMethodTheApiDoesNotServeIs405AsImsxStatusInfo() throws Exception {
    Map<String, String> refused = Map.of("PUT /ims/ob/v3p0/credentials", "GET", "DELETE /ims/ob/v3p0/profile", "GET",
        "GET /ims/ob/v3p0/token", "POST", "GET /ims/ob/v3p0/register", "POST", "POST /ims/ob/v3p0/discovery", "GET");
    for (Map.Entry<String, String> operation : refused.entrySet()) {
      String[] parts = operation.getKey().split(" ");
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url(parts[1]))
          .method(parts[0], HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(operation.getKey()).isEqualTo(405);
      assertThat(answer.headers().firstValue("Allow").orElseThrow()).as(operation.getKey()).contains(operation.getValue());
      JsonNode status = JSON.readTree(answer.body());
      assertThat(status.path("imsx_codeMajor").asText()).isEqualTo("failure");
      assertThat(status.path("imsx_codeMinor").path("imsx_codeMinorField").get(0).path("imsx_codeMinorFieldValue")
          .asText()).isEqualTo("not_allowed");
    }
  }

  @Test
  void revokingAnotherClientsTokenIsRefusedAndAnUnknownHintIsIgnored() throws Exception {
    Wallet wallet = register("Example Wallet", REDIRECT);
    Wallet other = register("Other Wallet", REDIRECT);
    String verifier = verifier();
    JsonNode tokens = tokens(wallet, code(wallet, "alice", verifier), verifier);
    String access = tokens.path("access_token").asText();

    HttpResponse<String> foreign = postForm("/ims/ob/v3p0/revoke", basic(other.clientId(), other.secret()),
        "token=" + enc(access));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(foreign.body()).path("error").asText()).isEqualTo("unauthorized_client");
    assertThat(bearer("/ims/ob/v3p0/profile", access).statusCode()).as("still the wallet's").isEqualTo(200);

    HttpResponse<String> oddHint = postForm("/ims/ob/v3p0/revoke", basic(wallet.clientId(), wallet.secret()),
        "token=" + enc(access) + "&token_type_hint=id_token");
    assertThat(oddHint.statusCode()).isEqualTo(200);
    assertThat(bearer("/ims/ob/v3p0/profile", access).statusCode()).isEqualTo(401);
  }

  // --- the attacker's side: plain HTTP ---

  private record Wallet(String clientId, String secret) {
  }

  private ObjectNode metadata(String name, String redirect) {
    ObjectNode metadata = JSON.createObjectNode();
    String host = URI.create(redirect).getScheme() + "://" + URI.create(redirect).getHost();
    metadata.put("client_name", name);
    metadata.put("client_uri", host + "/");
    metadata.put("logo_uri", host + "/logo.png");
    metadata.put("tos_uri", host + "/terms");
    metadata.put("policy_uri", host + "/privacy");
    metadata.put("software_id", "c88b6ed8-269e-448e-99be-7e2ff47167d1");
    metadata.put("software_version", "4.0");
    metadata.putArray("redirect_uris").add(redirect);
    metadata.put("scope", READ_ALL);
    metadata.putArray("grant_types").add("authorization_code").add("refresh_token");
    metadata.putArray("response_types").add("code");
    metadata.put("token_endpoint_auth_method", "client_secret_basic");
    return metadata;
  }

  private Wallet register(String name, String redirect) throws Exception {
    HttpResponse<String> answer = postJson("/ims/ob/v3p0/register", metadata(name, redirect));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    JsonNode client = JSON.readTree(answer.body());
    return new Wallet(client.path("client_id").asText(), client.path("client_secret").asText());
  }

  private void assertRefusedRegistration(ObjectNode metadata, String error, String description) throws Exception {
    HttpResponse<String> answer = postJson("/ims/ob/v3p0/register", metadata);
    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("error").asText()).isEqualTo(error);
    assertThat(body.path("error_description").asText()).contains(description);
  }

  private String authorize(String clientId, String responseType, String state, String challenge) {
    return "/ims/ob/v3p0/authorize?response_type=" + enc(responseType) + "&client_id=" + enc(clientId)
        + "&redirect_uri=" + enc(REDIRECT) + "&scope=" + enc(READ_ALL) + "&state=" + enc(state)
        + "&code_challenge=" + challenge + "&code_challenge_method=S256";
  }

  /** The holder is asked and allows: the code the wallet gets back. */
  private String code(Wallet wallet, String holder, String verifier) throws Exception {
    HttpResponse<String> page = get(authorize(wallet.clientId(), "code", "st", challenge(verifier)), holder);
    HttpResponse<String> allowed = decide(requestId(page), holder, "allow");
    assertThat(allowed.statusCode()).isEqualTo(302);
    return query(allowed.headers().firstValue("Location").orElseThrow()).get("code");
  }

  private JsonNode tokens(Wallet wallet, String code, String verifier) throws Exception {
    HttpResponse<String> answer = postForm("/ims/ob/v3p0/token", basic(wallet.clientId(), wallet.secret()),
        "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT) + "&code_verifier=" + verifier);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static String requestId(HttpResponse<String> page) {
    Matcher request = Pattern.compile("name=\"request\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(request.find()).as(page.body()).isTrue();
    return request.group(1);
  }

  private HttpResponse<String> decide(String requestId, String user, String decision) throws Exception {
    return postForm("/ims/ob/v3p0/authorize", basic(user, user), "request=" + enc(requestId) + "&decision=" + decision);
  }

  private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
    if (user != null) {
      request.header("Authorization", basic(user, user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> bearer(String path, String token) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(String path, JsonNode body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postForm(String path, String authorization, String form)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private int activeSessions() {
    Context context = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
    return context.getManager().getActiveSessions();
  }

  private int clients() {
    return jdbc.sql("select count(*) from wallet_client").query(Integer.class).single();
  }

  private int clientRow(String clientId) {
    return jdbc.sql("select count(*) from wallet_client where client_id = ?").param(clientId).query(Integer.class).single();
  }

  private static Map<String, String> query(String location) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String query = URI.create(location).getRawQuery();
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static String verifier() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) throws Exception {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String basic(String name, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
