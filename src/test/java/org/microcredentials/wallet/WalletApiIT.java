package org.microcredentials.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.SoftwareID;
import com.nimbusds.oauth2.sdk.id.SoftwareVersion;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialProperties;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.IndependentVerifier;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The Open Badges 3.0 API as a wallet uses it, the wallet played by software that is not ours:
 * Connect2id's OAuth 2.0 SDK builds every request (RFC 7591 registration, the authorization request
 * with PKCE S256, token, refresh and revocation) and parses every answer, swagger-parser reads the
 * discovery document as OpenAPI 3.0. Alice consents on the page a browser would show her; the
 * wallet then reads her credentials, paged, each of which verifies, and her profile. And what an
 * attacker or a wrong wallet tries is refused, naming the rule.
 */
@ApplicationTest
class WalletApiIT {

  private static final String READ_ALL = WalletScopes.CREDENTIAL_READONLY + " " + WalletScopes.PROFILE_READONLY
      + " offline_access";
  private static final URI REDIRECT = URI.create("https://wallet.example/callback");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister register;
  @Autowired CredentialProperties properties;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private List<String> alicesCredentials;

  @BeforeEach
  void aliceHoldsThreeCredentialsOneRevokedAndBobOne() {
    new SelfSubmissions(engine, jdbc).clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
    alicesCredentials = new ArrayList<>();
    alicesCredentials.add(issue("alice", "iLAN", 3));
    clock.set(TestConfiguration.MID_NOVEMBER_2026.plusSeconds(3600));
    alicesCredentials.add(issue("alice", "iPERF", 2));
    String revoked = issue("alice", "iOWN", 1);
    jdbc.sql("update credential set revoked = true, revocation_reason = 'test' where id = ?").param(revoked).update();
    issue("bob", "iLAN", 4);
  }

  @Test
  void aWalletRegistersAliceAllowsItAndItReadsHerCredentialsAndProfileRefreshesAndIsRevoked() throws Exception {
    // Discovery: public, and OpenAPI 3.0 as swagger-parser reads it.
    HttpResponse<String> discovery = get("/ims/ob/v3p0/discovery", null, null);
    assertThat(discovery.statusCode()).isEqualTo(200);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(discovery.body());
    assertThat(parsed.getMessages()).as("swagger-parser's messages on the discovery document").isEmpty();
    OpenAPI openApi = parsed.getOpenAPI();
    assertThat(openApi.getInfo().getTermsOfService()).isEqualTo("http://localhost:8080/about/terms");
    assertThat(openApi.getInfo().getExtensions()).containsEntry("x-imssf-privacyPolicyUrl",
        "http://localhost:8080/about/privacy");
    SecurityScheme scheme = openApi.getComponents().getSecuritySchemes().get("OAuth2ACG");
    assertThat(scheme.getType()).isEqualTo(SecurityScheme.Type.OAUTH2);
    OAuthFlow flow = scheme.getFlows().getAuthorizationCode();
    assertThat(flow.getScopes()).containsKeys(WalletScopes.CREDENTIAL_READONLY, WalletScopes.PROFILE_READONLY);
    assertThat(openApi.getPaths()).containsKeys("/credentials", "/profile", "/discovery");
    assertThat(get("/about/terms", null, null).body()).contains("Terms of service");
    assertThat(get("/about/privacy", null, null).body()).contains("Privacy policy");
    // The public URL is localhost:8080 (the embedded default); this test's server listens elsewhere.
    URI registration = local((String) scheme.getExtensions().get("x-imssf-registrationUrl"));
    URI authorization = local(flow.getAuthorizationUrl());
    URI token = local(flow.getTokenUrl());

    ClientInformation wallet = registerWallet(registration);
    assertThat(wallet.getMetadata().getScope().toStringList()).containsExactlyInAnyOrder(READ_ALL.split(" "));
    ClientSecretBasic walletLogin = new ClientSecretBasic(wallet.getID(), wallet.getSecret());

    // Alice is asked, on the page her browser shows, and allows.
    CodeVerifier verifier = new CodeVerifier();
    State state = new State();
    URI asked = authorizationRequest(authorization, wallet.getID(), Scope.parse(READ_ALL), state, verifier);
    Consent consent = ask(asked, "alice");
    assertThat(consent.page().statusCode()).isEqualTo(200);
    assertThat(consent.page().body()).contains("Connect <span>Example Wallet</span>?", "Signed in as <strong>Alice Example",
        "read your skills credentials", "read your profile: your name and e-mail address",
        "https://wallet.example/terms");
    assertThat(consent.page().headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("form-action 'self' https://wallet.example;");
    HttpResponse<String> allowed = decide(consent, "alice", "allow");
    assertThat(allowed.statusCode()).isEqualTo(302);
    AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(allowed.headers().firstValue("Location").orElseThrow()));
    assertThat(answer.indicatesSuccess()).isTrue();
    assertThat(answer.getState()).isEqualTo(state);
    assertThat(answer.getRedirectionURI()).isEqualTo(REDIRECT);
    AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();

    AccessTokenResponse tokens = tokens(token, walletLogin, new AuthorizationCodeGrant(code, REDIRECT, verifier))
        .toSuccessResponse();
    AccessToken access = tokens.getTokens().getAccessToken();
    assertThat(access.getType().getValue()).isEqualTo("Bearer");
    assertThat(access.getLifetime()).isEqualTo(3600);
    assertThat(access.getScope().toStringList()).containsExactlyInAnyOrder(READ_ALL.split(" "));
    RefreshToken refresh = tokens.getTokens().getRefreshToken();
    assertThat(refresh).isNotNull();

    // Her credentials: the two not revoked, newest first, each as issued and verifiable; never bob's.
    HttpResponse<String> all = get("/ims/ob/v3p0/credentials", null, access.getValue());
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.headers().firstValue("X-Total-Count")).hasValue("2");
    JsonNode credentials = JSON.readTree(all.body()).path("credential");
    assertThat(credentials).hasSize(2);
    assertThat(credentials.get(0).path("id").asText()).endsWith(alicesCredentials.get(1));
    assertThat(credentials.get(1).path("id").asText()).endsWith(alicesCredentials.get(0));
    String subject = register.subjectId("alice");
    List<Map<String, Object>> cases = new ArrayList<>();
    for (JsonNode credential : credentials) {
      assertThat(credential.path("credentialSubject").path("id").asText()).isEqualTo(subject);
      assertThat(verify(credential.toString()).path("verified").asBoolean()).as(credential.path("id").asText()).isTrue();
      cases.add(IndependentVerifier.verifyCase("wallet-" + cases.size(), "data-integrity", credential));
    }
    // What the Learner Credential Wallet's verifier stack (Digital Bazaar's) says of what the wallet got.
    JsonNode independently = IndependentVerifier.verify(port, properties.publicUrl(), properties.issuerId(), cases);
    for (int each = 0; each < cases.size(); each++) {
      JsonNode result = independently.path("wallet-" + each);
      assertThat(result.path("verified").asBoolean()).as(result.toString()).isTrue();
      assertThat(result.path("revoked").asBoolean(true)).isFalse();
    }
    HttpResponse<String> firstPage = get("/ims/ob/v3p0/credentials?limit=1", null, access.getValue());
    assertThat(JSON.readTree(firstPage.body()).path("credential")).hasSize(1);
    assertThat(firstPage.headers().firstValue("Link").orElseThrow()).isEqualTo(
        "<http://localhost:8080/ims/ob/v3p0/credentials?limit=1&offset=1>; rel=\"next\", "
            + "<http://localhost:8080/ims/ob/v3p0/credentials?limit=1&offset=1>; rel=\"last\", "
            + "<http://localhost:8080/ims/ob/v3p0/credentials?limit=1&offset=0>; rel=\"first\"");
    HttpResponse<String> secondPage = get("/ims/ob/v3p0/credentials?limit=1&offset=1", null, access.getValue());
    assertThat(JSON.readTree(secondPage.body()).path("credential").get(0).path("id").asText())
        .endsWith(alicesCredentials.get(0));
    assertThat(secondPage.headers().firstValue("Link").orElseThrow()).contains("offset=0>; rel=\"prev\"")
        .doesNotContain("rel=\"next\"");
    HttpResponse<String> since = get("/ims/ob/v3p0/credentials?since=2026-11-16T10:30:00Z", null, access.getValue());
    assertThat(since.headers().firstValue("X-Total-Count")).hasValue("1");

    HttpResponse<String> profile = get("/ims/ob/v3p0/profile", null, access.getValue());
    assertThat(profile.statusCode()).isEqualTo(200);
    JsonNode holder = JSON.readTree(profile.body());
    assertThat(holder.path("id").asText()).isEqualTo(subject);
    assertThat(holder.path("type").toString()).contains("\"Profile\"");
    assertThat(holder.path("name").asText()).isEqualTo("Alice Example");

    // Refresh: a new access token; the refresh token used is spent.
    AccessTokenResponse refreshed = tokens(token, walletLogin, new RefreshTokenGrant(refresh)).toSuccessResponse();
    AccessToken second = refreshed.getTokens().getAccessToken();
    assertThat(get("/ims/ob/v3p0/profile", null, second.getValue()).statusCode()).isEqualTo(200);
    TokenErrorResponse spent = tokens(token, walletLogin, new RefreshTokenGrant(refresh)).toErrorResponse();
    assertThat(spent.getErrorObject().getCode()).isEqualTo("invalid_grant");

    // Revoking the refresh token revokes the grant: every access token of it stops working.
    HTTPResponse revoked = new TokenRevocationRequest(local(WalletApi.BASE + "/revoke"), walletLogin,
        refreshed.getTokens().getRefreshToken()).toHTTPRequest().send();
    assertThat(revoked.getStatusCode()).isEqualTo(200);
    for (AccessToken gone : List.of(access, second)) {
      HttpResponse<String> refused = get("/ims/ob/v3p0/credentials", null, gone.getValue());
      assertThat(refused.statusCode()).isEqualTo(401);
      assertImsx(refused, "unauthorizedrequest");
      assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer ");
    }
  }

  @Test
  void whatAWrongWalletOrAnAttackerTriesIsRefusedNamingTheRule() throws Exception {
    ClientInformation wallet = registerWallet(local(WalletApi.BASE + "/register"));
    ClientSecretBasic walletLogin = new ClientSecretBasic(wallet.getID(), wallet.getSecret());
    URI authorize = local(WalletApi.BASE + "/authorize");
    URI token = local(WalletApi.BASE + "/token");
    State state = new State();

    // A code is used once: the second exchange is refused and revokes the tokens of the first.
    CodeVerifier verifier = new CodeVerifier();
    AuthorizationCode code = allow(authorize, wallet.getID(), Scope.parse(READ_ALL), verifier, "alice");
    AccessToken access = tokens(token, walletLogin, new AuthorizationCodeGrant(code, REDIRECT, verifier))
        .toSuccessResponse().getTokens().getAccessToken();
    assertThat(tokens(token, walletLogin, new AuthorizationCodeGrant(code, REDIRECT, verifier)).toErrorResponse()
        .getErrorObject().getDescription()).contains("used already");
    assertThat(get("/ims/ob/v3p0/credentials", null, access.getValue()).statusCode()).isEqualTo(401);

    // PKCE: a code is of no use without its verifier.
    CodeVerifier right = new CodeVerifier();
    AuthorizationCode stolen = allow(authorize, wallet.getID(), Scope.parse(READ_ALL), right, "alice");
    TokenErrorResponse wrongVerifier = tokens(token, walletLogin,
        new AuthorizationCodeGrant(stolen, REDIRECT, new CodeVerifier())).toErrorResponse();
    assertThat(wrongVerifier.getErrorObject().getCode()).isEqualTo("invalid_grant");
    assertThat(wrongVerifier.getErrorObject().getDescription()).contains("code_verifier");

    // Another wallet cannot exchange alice's code, and a wrong secret is no client.
    ClientInformation other = registerWallet(local(WalletApi.BASE + "/register"));
    CodeVerifier verifier3 = new CodeVerifier();
    AuthorizationCode alicesCode = allow(authorize, wallet.getID(), Scope.parse(READ_ALL), verifier3, "alice");
    assertThat(tokens(token, new ClientSecretBasic(other.getID(), other.getSecret()),
        new AuthorizationCodeGrant(alicesCode, REDIRECT, verifier3)).toErrorResponse().getErrorObject().getDescription())
        .contains("another client");
    TokenErrorResponse wrongSecret = tokens(token, new ClientSecretBasic(wallet.getID(), new Secret("guessed")),
        new AuthorizationCodeGrant(alicesCode, REDIRECT, verifier3)).toErrorResponse();
    assertThat(wrongSecret.getErrorObject().getCode()).isEqualTo("invalid_client");
    assertThat(wrongSecret.getErrorObject().getHTTPStatusCode()).isEqualTo(401);

    // The authorization endpoint: an unregistered redirect is shown, never followed; no PKCE, no login, a denial.
    URI elsewhere = URI.create(authorize + "?response_type=code&client_id=" + wallet.getID() + "&redirect_uri="
        + enc("https://evil.example/cb") + "&scope=" + enc(READ_ALL) + "&state=s&code_challenge=x&code_challenge_method=S256");
    HttpResponse<String> shown = get(elsewhere.getRawPath() + "?" + elsewhere.getRawQuery(), "alice", null);
    assertThat(shown.statusCode()).isEqualTo(400);
    assertThat(shown.headers().firstValue("Location")).isEmpty();
    assertThat(shown.body()).contains("redirect_uri is not one that Example Wallet registered");
    URI noPkce = URI.create(authorize + "?response_type=code&client_id=" + wallet.getID() + "&redirect_uri="
        + enc(REDIRECT.toString()) + "&scope=" + enc(READ_ALL) + "&state=s1");
    HttpResponse<String> refusedPkce = get(noPkce.getRawPath() + "?" + noPkce.getRawQuery(), "alice", null);
    assertThat(refusedPkce.statusCode()).isEqualTo(302);
    AuthorizationResponse pkceError = AuthorizationResponse.parse(URI.create(refusedPkce.headers().firstValue("Location").orElseThrow()));
    assertThat(pkceError.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_request");
    assertThat(pkceError.getState().getValue()).isEqualTo("s1");
    URI asked = authorizationRequest(authorize, wallet.getID(), Scope.parse(READ_ALL), state, new CodeVerifier());
    HttpResponse<String> anonymous = get(asked.getRawPath() + "?" + asked.getRawQuery(), null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    // The page leads to Tasklist's login; a browser is never offered Basic, whose password it would cache.
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(anonymous.body()).contains("Log in to Tasklist");
    Consent consent = ask(asked, "alice");
    assertThat(decide(consent, "bob", "allow").statusCode()).as("bob answers alice's consent").isEqualTo(403);
    HttpResponse<String> denied = decide(consent, "alice", "deny");
    AuthorizationResponse denial = AuthorizationResponse.parse(URI.create(denied.headers().firstValue("Location").orElseThrow()));
    assertThat(denial.toErrorResponse().getErrorObject().getCode()).isEqualTo("access_denied");
    assertThat(denial.getState()).isEqualTo(state);
    assertThat(decide(consent, "alice", "allow").statusCode()).as("a consent answered already").isEqualTo(400);
    URI tooMuch = authorizationRequest(authorize, other.getID(), Scope.parse(WalletScopes.PREFIX + "credential.upsert"),
        state, new CodeVerifier());
    HttpResponse<String> upsert = get(tooMuch.getRawPath() + "?" + tooMuch.getRawQuery(), "alice", null);
    assertThat(AuthorizationResponse.parse(URI.create(upsert.headers().firstValue("Location").orElseThrow()))
        .toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_scope");

    // The resources: the scope given is the scope kept; no token, a bad query, each an Imsx_StatusInfo.
    CodeVerifier profileOnly = new CodeVerifier();
    AuthorizationCode profileCode = allow(authorize, wallet.getID(), Scope.parse(WalletScopes.PROFILE_READONLY),
        profileOnly, "bob");
    AccessToken bobsProfile = tokens(token, walletLogin, new AuthorizationCodeGrant(profileCode, REDIRECT, profileOnly))
        .toSuccessResponse().getTokens().getAccessToken();
    HttpResponse<String> noScope = get("/ims/ob/v3p0/credentials", null, bobsProfile.getValue());
    assertThat(noScope.statusCode()).isEqualTo(403);
    assertImsx(noScope, "forbidden");
    CodeVerifier readOnly = new CodeVerifier();
    AuthorizationCode readCode = allow(authorize, wallet.getID(), Scope.parse(WalletScopes.CREDENTIAL_READONLY), readOnly,
        "bob");
    AccessToken bobsCredentials = tokens(token, walletLogin, new AuthorizationCodeGrant(readCode, REDIRECT, readOnly))
        .toSuccessResponse().getTokens().getAccessToken();
    for (String query : List.of("limit=0", "limit=ten", "offset=-1", "since=2026-11-16")) {
      HttpResponse<String> bad = get("/ims/ob/v3p0/credentials?" + query, null, bobsCredentials.getValue());
      assertThat(bad.statusCode()).as(query).isEqualTo(400);
      assertImsx(bad, "invalid_query_parameter");
    }
    HttpResponse<String> farOff = get("/ims/ob/v3p0/credentials?offset=" + Integer.MAX_VALUE, null, bobsCredentials.getValue());
    assertThat(farOff.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(farOff.body()).path("credential")).isEmpty();
    assertThat(farOff.headers().firstValue("X-Total-Count")).hasValue("1");
    HttpResponse<String> noToken = get("/ims/ob/v3p0/credentials", null, null);
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertImsx(noToken, "unauthorizedrequest");
    assertThat(JSON.readTree(get("/ims/ob/v3p0/profile", null, bobsProfile.getValue()).body()).path("name").asText())
        .isEqualTo("Bob Example");
  }

  @Test
  void aliceSeesTheWalletsSheConnectedAndDisconnectsOneOnlyShe() throws Exception {
    ClientInformation wallet = registerWallet(local(WalletApi.BASE + "/register"));
    ClientSecretBasic walletLogin = new ClientSecretBasic(wallet.getID(), wallet.getSecret());
    CodeVerifier verifier = new CodeVerifier();
    AuthorizationCode code = allow(local(WalletApi.BASE + "/authorize"), wallet.getID(), Scope.parse(READ_ALL), verifier,
        "alice");
    AccessTokenResponse tokens = tokens(local(WalletApi.BASE + "/token"), walletLogin,
        new AuthorizationCodeGrant(code, REDIRECT, verifier)).toSuccessResponse();

    HttpResponse<String> listed = get("/api/engineers/alice/wallets", "alice", null);
    assertThat(listed.statusCode()).isEqualTo(200);
    JsonNode wallets = JSON.readTree(listed.body());
    assertThat(wallets).singleElement().satisfies(one -> {
      assertThat(one.path("clientId").asText()).isEqualTo(wallet.getID().getValue());
      assertThat(one.path("name").asText()).isEqualTo("Example Wallet");
      assertThat(one.path("scopes").toString()).contains(WalletScopes.CREDENTIAL_READONLY);
    });
    assertThat(JSON.readTree(get("/api/engineers/bob/wallets", "bob", null).body())).isEmpty();
    assertThat(get("/api/engineers/alice/wallets", "bob", null).statusCode()).isEqualTo(403);
    assertThat(send("DELETE", "/api/engineers/alice/wallets/" + wallet.getID(), "bob").statusCode()).isEqualTo(403);
    assertThat(get("/ims/ob/v3p0/profile", null, tokens.getTokens().getAccessToken().getValue()).statusCode())
        .as("bob disconnected nothing").isEqualTo(200);

    assertThat(send("DELETE", "/api/engineers/alice/wallets/" + wallet.getID(), "alice").statusCode()).isEqualTo(204);
    assertThat(get("/ims/ob/v3p0/profile", null, tokens.getTokens().getAccessToken().getValue()).statusCode()).isEqualTo(401);
    assertThat(tokens(local(WalletApi.BASE + "/token"), walletLogin, new RefreshTokenGrant(tokens.getTokens().getRefreshToken()))
        .toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    assertThat(JSON.readTree(get("/api/engineers/alice/wallets", "alice", null).body())).isEmpty();
    HttpResponse<String> again = send("DELETE", "/api/engineers/alice/wallets/" + wallet.getID(), "alice");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.body()).contains("connected-wallet");
  }

  @Test
  void twoExchangesOfOneCodeAtTheSameMomentGiveNoUsableToken() throws Exception {
    ClientInformation wallet = registerWallet(local(WalletApi.BASE + "/register"));
    ClientSecretBasic walletLogin = new ClientSecretBasic(wallet.getID(), wallet.getSecret());
    URI token = local(WalletApi.BASE + "/token");
    for (int round = 0; round < 5; round++) {
      CodeVerifier verifier = new CodeVerifier();
      AuthorizationCode code = allow(local(WalletApi.BASE + "/authorize"), wallet.getID(), Scope.parse(READ_ALL), verifier,
          "alice");
      java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(2);
      List<java.util.concurrent.Future<TokenResponse>> answers = new ArrayList<>();
      for (int client = 0; client < 2; client++) {
        answers.add(clients.submit(() -> {
          together.await();
          return tokens(token, walletLogin, new AuthorizationCodeGrant(code, REDIRECT, verifier));
        }));
      }
      clients.shutdown();
      List<TokenResponse> both = new ArrayList<>();
      for (java.util.concurrent.Future<TokenResponse> answer : answers) {
        both.add(answer.get(1, java.util.concurrent.TimeUnit.MINUTES));
      }
      // Never two token sets for one code; an error is invalid_grant (the code used already), not a 500.
      assertThat(both.stream().filter(TokenResponse::indicatesSuccess)).hasSizeLessThanOrEqualTo(1);
      for (TokenResponse answer : both) {
        if (answer.indicatesSuccess()) {
          // The second exchange revoked what the first got (RFC 6749 4.1.2), or it had not been given yet.
          assertThat(get("/ims/ob/v3p0/credentials", null, answer.toSuccessResponse().getTokens().getAccessToken()
              .getValue()).statusCode()).isEqualTo(401);
        } else {
          assertThat(answer.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        }
      }
    }
  }

  @Test
  void everyOperationOfTheApiButDiscoveryRegistrationAndConsentNeedsItsCredentials() throws Exception {
    // Found from the application's own mappings: an operation added later is held to the rule too.
    Set<String> open = Set.of("GET /ims/ob/v3p0/discovery", "POST /ims/ob/v3p0/register",
        "GET /ims/ob/v3p0/authorize", "POST /ims/ob/v3p0/authorize");
    List<String> operations = mvc.getHandlerMethods().keySet().stream()
        .flatMap(info -> info.getPatternValues().stream().flatMap(pattern -> info.getMethodsCondition().getMethods()
            .stream().map(method -> method.name() + " " + pattern)))
        .filter(operation -> operation.contains(" /ims/")).distinct().sorted().toList();
    assertThat(operations).containsAll(open).hasSizeGreaterThanOrEqualTo(8);
    for (String operation : operations) {
      if (open.contains(operation)) {
        continue;
      }
      String[] parts = operation.split(" ");
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + parts[1]))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .method(parts[0], HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&token=x")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(operation + " without credentials").isEqualTo(401);
      assertThat(answer.headers().firstValue("WWW-Authenticate")).as(operation).isPresent();
    }
  }

  @Test
  void registrationTakesOnlyWhatTheOpenBadgesProfileAllows() throws Exception {
    URI registration = local(WalletApi.BASE + "/register");
    HttpResponse<String> notJson = http.send(HttpRequest.newBuilder(registration).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("client_name=x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notJson.body()).path("error").asText()).isEqualTo("invalid_client_metadata");
    assertThat(refusedRegistration(registration, metadata -> metadata.setRedirectionURI(URI.create("http://wallet.example/cb"))))
        .isEqualTo("invalid_redirect_uri");
    assertThat(refusedRegistration(registration, metadata -> metadata.setLogoURI(URI.create("https://other.example/logo.png"))))
        .isEqualTo("invalid_client_metadata");
    assertThat(refusedRegistration(registration, metadata -> metadata.setLogoURI(null))).isEqualTo("invalid_client_metadata");
    assertThat(refusedRegistration(registration, metadata -> metadata.setGrantTypes(Set.of(GrantType.CLIENT_CREDENTIALS))))
        .isEqualTo("invalid_client_metadata");
    assertThat(refusedRegistration(registration, metadata ->
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST))).isEqualTo("invalid_client_metadata");
    assertThat(refusedRegistration(registration, metadata -> metadata.setScope(Scope.parse(WalletScopes.PREFIX + "credential.upsert"))))
        .isEqualTo("invalid_client_metadata");
    // A wallet on this machine, beside the embedded default: http on the loopback is taken.
    ClientInformation local = register(registration, metadata -> {
      metadata.setRedirectionURI(URI.create("http://localhost:3000/cb"));
      for (String field : List.of("uri", "logo", "tos", "policy")) {
        URI url = URI.create("http://localhost:3000/" + field);
        switch (field) {
          case "uri" -> metadata.setURI(url);
          case "logo" -> metadata.setLogoURI(url);
          case "tos" -> metadata.setTermsOfServiceURI(url);
          default -> metadata.setPolicyURI(url);
        }
      }
    }).toSuccessResponse().getClientInformation();
    assertThat(local.getID().getValue()).isNotBlank();
  }

  // --- the wallet's side ---

  private record Consent(HttpResponse<String> page, String requestId, String cookie) {
  }

  private ClientInformation registerWallet(URI registration) throws Exception {
    ClientRegistrationResponse answer = register(registration, metadata -> { });
    assertThat(answer.indicatesSuccess()).as(String.valueOf(answer)).isTrue();
    return ((ClientInformationResponse) answer).getClientInformation();
  }

  private ClientRegistrationResponse register(URI registration, java.util.function.Consumer<ClientMetadata> change)
      throws Exception {
    ClientMetadata metadata = new ClientMetadata();
    metadata.setName("Example Wallet");
    metadata.setURI(URI.create("https://wallet.example/"));
    metadata.setLogoURI(URI.create("https://wallet.example/logo.png"));
    metadata.setTermsOfServiceURI(URI.create("https://wallet.example/terms"));
    metadata.setPolicyURI(URI.create("https://wallet.example/privacy"));
    metadata.setSoftwareID(new SoftwareID("c88b6ed8-269e-448e-99be-7e2ff47167d1"));
    metadata.setSoftwareVersion(new SoftwareVersion("4.0"));
    metadata.setRedirectionURI(REDIRECT);
    metadata.setScope(Scope.parse(READ_ALL));
    metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
    metadata.setResponseTypes(Set.of(new ResponseType(ResponseType.Value.CODE)));
    metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    change.accept(metadata);
    HTTPResponse response = new ClientRegistrationRequest(registration, metadata, null).toHTTPRequest().send();
    if (response.getStatusCode() == 201) {
      assertThat(response.getHeaderValue("Cache-Control")).contains("no-store");
    }
    return ClientRegistrationResponse.parse(response);
  }

  private String refusedRegistration(URI registration, java.util.function.Consumer<ClientMetadata> change) throws Exception {
    ClientRegistrationResponse answer = register(registration, change);
    assertThat(answer.indicatesSuccess()).isFalse();
    ClientRegistrationErrorResponse error = (ClientRegistrationErrorResponse) answer;
    assertThat(error.getErrorObject().getHTTPStatusCode()).isEqualTo(400);
    assertThat(error.getErrorObject().getDescription()).isNotBlank();
    return error.getErrorObject().getCode();
  }

  private static URI authorizationRequest(URI endpoint, ClientID client, Scope scope, State state, CodeVerifier verifier) {
    return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), client).endpointURI(endpoint)
        .redirectionURI(REDIRECT).scope(scope).state(state).codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
  }

  /** The holder is asked and allows; the code the wallet gets back. */
  private AuthorizationCode allow(URI authorize, ClientID client, Scope scope, CodeVerifier verifier, String holder)
      throws Exception {
    State state = new State();
    Consent consent = ask(authorizationRequest(authorize, client, scope, state, verifier), holder);
    AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(decide(consent, holder, "allow").headers()
        .firstValue("Location").orElseThrow()));
    assertThat(answer.getState()).isEqualTo(state);
    return answer.toSuccessResponse().getAuthorizationCode();
  }

  private Consent ask(URI asked, String holder) throws IOException, InterruptedException {
    HttpResponse<String> page = get(asked.getRawPath() + "?" + asked.getRawQuery(), holder, null);
    Matcher request = Pattern.compile("name=\"request\" value=\"([^\"]+)\"").matcher(page.body());
    String cookie = page.headers().firstValue("Set-Cookie").map(value -> value.split(";")[0]).orElse(null);
    return new Consent(page, request.find() ? request.group(1) : null, cookie);
  }

  private HttpResponse<String> decide(Consent consent, String user, String decision) throws IOException, InterruptedException {
    HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://localhost:" + port + WalletApi.BASE + "/authorize"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basic(user))
        .POST(HttpRequest.BodyPublishers.ofString("request=" + enc(consent.requestId()) + "&decision=" + decision));
    if (consent.cookie() != null) {
      post.header("Cookie", consent.cookie());
    }
    return http.send(post.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static TokenResponse tokens(URI endpoint, ClientSecretBasic client, AuthorizationGrant grant) throws Exception {
    return TokenResponse.parse(new TokenRequest(endpoint, client, grant, null).toHTTPRequest().send());
  }

  private HttpResponse<String> get(String path, String user, String bearer) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String user) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", basic(user))
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode verify(String credential) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/credentials/verify"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(credential)).build();
    return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  private static void assertImsx(HttpResponse<String> response, String codeMinor) throws IOException {
    JsonNode status = JSON.readTree(response.body());
    assertThat(status.path("imsx_codeMajor").asText()).isEqualTo("failure");
    assertThat(status.path("imsx_severity").asText()).isEqualTo("error");
    assertThat(status.path("imsx_description").asText()).isNotBlank();
    assertThat(status.path("imsx_codeMinor").path("imsx_codeMinorField").get(0).path("imsx_codeMinorFieldValue").asText())
        .isEqualTo(codeMinor);
  }

  /** A URL of the discovery document (on the public URL) at this test's server. */
  private URI local(String url) {
    String path = url.startsWith("http") ? URI.create(url).getRawPath() : url;
    return URI.create("http://localhost:" + port + path);
  }

  private String issue(String holder, String skill, int level) {
    return register.issue(new CredentialRegister.Issue("APP-2026-" + holder + skill + level, holder, skill, level, 9,
        CredentialSource.SELF_SUBMISSION, "carol", List.of("dave"), 1, "Measured impact.", 8)).id();
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
