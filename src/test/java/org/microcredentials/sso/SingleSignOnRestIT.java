package org.microcredentials.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profile {@code oidc}, the REST side: bearer tokens of a real OpenID provider ({@link TestIdentityProvider},
 * obtained through its login form and the authorization code flow) on {@code /engine-rest} and {@code /api},
 * beside HTTP Basic. A token is refused 401 with a problem detail when its person is unknown to the organisation,
 * when it has expired, or when the provider did not sign it; and a token's person may call exactly what the same
 * person may call with Basic (the allow list of access/EngineAllowList, who acts for the engine).
 */
@SingleSignOnTest
class SingleSignOnRestIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestIdentityProvider.Running provider;
  private static ProviderTokens tokens;

  @BeforeAll
  static void provider() {
    provider = TestIdentityProvider.running();
    tokens = new ProviderTokens(provider);
  }

  @Test
  void aDemoPersonsTokenIsAcceptedAndTheEngineKnowsWhoActs() throws Exception {
    String henry = "Bearer " + tokens.accessTokenOf("henry");
    assertThat(call("GET", "/engine-rest/task", henry).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/engineers/henry/credentials", henry).statusCode()).isEqualTo(200);
    // One's own groups only: the engine was told the caller is henry.
    HttpResponse<String> ownGroups = call("GET", "/engine-rest/identity/groups?userId=henry", henry);
    assertThat(ownGroups.statusCode()).isEqualTo(200);
    assertThat(ownGroups.body()).contains("engineers");
    assertThat(call("GET", "/engine-rest/identity/groups?userId=alice", henry).statusCode()).isEqualTo(403);
  }

  @Test
  void theAllowListHoldsForTokensExactlyAsForBasic() throws Exception {
    List<String> calls = List.of("GET /engine-rest/task", "GET /engine-rest/deployment", "GET /engine-rest/job",
        "GET /engine-rest/user", "GET /engine-rest/process-definition/statistics", "GET /engine-rest/incident",
        "GET /engine-rest/identity/groups?userId=erin", "GET /engine-rest/identity/groups?userId=henry",
        "GET /engine-rest/authorization", "GET /engine-rest/batch", "GET /api/engineers/alice/credentials");
    for (String person : List.of("henry", "erin", "frank")) {
      String token = "Bearer " + tokens.accessTokenOf(person);
      String basic = "Basic " + Base64.getEncoder().encodeToString((person + ":" + person).getBytes(StandardCharsets.UTF_8));
      for (String call : calls) {
        String[] methodAndPath = call.split(" ");
        int withToken = call(methodAndPath[0], methodAndPath[1], token).statusCode();
        int withBasic = call(methodAndPath[0], methodAndPath[1], basic).statusCode();
        assertThat(withToken).as("%s by %s, token and Basic", call, person).isEqualTo(withBasic);
      }
    }
    // The engineer is refused what the allow list keeps for the SEM team, the SEM team member is not.
    assertThat(call("GET", "/engine-rest/deployment", "Bearer " + tokens.accessTokenOf("henry")).statusCode())
        .isEqualTo(403);
    assertThat(call("GET", "/engine-rest/deployment", "Bearer " + tokens.accessTokenOf("erin")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void someoneTheOrganisationDoesNotKnowIsRefused() throws Exception {
    HttpResponse<String> refused = call("GET", "/engine-rest/task", "Bearer " + tokens.accessTokenOf("nolan"));
    assertRefused(refused, "'nolan' is not a person of this organisation");
    assertRefused(call("GET", "/api/skills", "Bearer " + tokens.accessTokenOf("nolan")), "'nolan'");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    String expired = tokens.tokenSignedWith(TestIdentityProvider.SIGNING_KEY, "henry", Instant.now().minusSeconds(600));
    assertRefused(call("GET", "/engine-rest/task", "Bearer " + expired), "expired");
    assertRefused(call("GET", "/api/skills", "Bearer " + expired), "expired");
  }

  @Test
  void aTokenTheProviderDidNotSignIsRefused() throws Exception {
    var forger = TestIdentityProvider.newKey(TestIdentityProvider.SIGNING_KEY.getKeyID());
    String forged = tokens.tokenSignedWith(forger, "demo", Instant.now().plusSeconds(600));
    assertRefused(call("GET", "/engine-rest/user", "Bearer " + forged), "not a token signed");
    assertRefused(call("GET", "/api/skills", "Bearer " + forged), "not a token signed");
    assertRefused(call("GET", "/engine-rest/task", "Bearer not-a-token"), "not a token signed");
  }

  @Test
  void basicAndThePublicVerificationStayAsTheyWere() throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes(StandardCharsets.UTF_8));
    assertThat(call("GET", "/engine-rest/task", basic).statusCode()).isEqualTo(200);
    HttpResponse<String> anonymous = call("GET", "/engine-rest/task", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));
    HttpResponse<String> verify = HTTP.send(HttpRequest.newBuilder(URI.create(provider.application()
            + "/api/credentials/verify")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(verify.statusCode()).isNotIn(401, 403);
    assertThat(call("GET", "/api/credentials/revocations", null).statusCode()).isNotIn(401, 403);
  }

  @Test
  void theWebappsNeedASignInAtTheProviderAndTheirPasswordLoginIsClosed() throws Exception {
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(provider.application()
        + "/camunda/app/tasklist/default/")).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/camunda/oauth2/authorization/sso"));
    HttpResponse<String> toProvider = HTTP.send(HttpRequest.newBuilder(URI.create(provider.application()
        + "/camunda/oauth2/authorization/sso")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(toProvider.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).startsWith(provider.issuer() + "/oauth2/authorize?"));
    assertThat(call("GET", "/camunda/api/admin/auth/user/default", null).statusCode()).isEqualTo(401);
    HttpResponse<String> passwordLogin = HTTP.send(HttpRequest.newBuilder(URI.create(provider.application()
            + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(passwordLogin.statusCode()).isEqualTo(401);
    assertThat(passwordLogin.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
  }

  private static void assertRefused(HttpResponse<String> response, String detail) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Bearer"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.get("detail").asText()).contains(detail);
  }

  private static HttpResponse<String> call(String method, String path, String authorization) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(provider.application() + path))
        .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

}
