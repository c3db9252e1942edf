package org.microcredentials.credential;

import static org.microcredentials.testing.RestCalls.LIST;
import static org.microcredentials.testing.RestCalls.OBJECT;
import static org.microcredentials.testing.RestCalls.string;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The credential's life through the REST API as the demo users: alice's credential is
 * downloaded, verifies through the API and on the public page, is revoked by demo, and then
 * fails verification naming the revocation and its reason. Also: which paths are public, who
 * may revoke, promotion eligibility, and the portfolio page. {@link CredentialsRestPostgresIT}
 * runs the same on PostgreSQL.
 */
@ApplicationTest
class CredentialsRestIT {


  @Autowired TestRestTemplate rest;
  RestCalls calls;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister register;

  SelfSubmissions app;

  @BeforeEach
  void setUp() {
    calls = new RestCalls(rest);
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }


  @Test
  void alicesCredentialIsDownloadedVerifiedRevokedByDemoAndThenFailsNamingTheRevocation() {
    String id = alicePassesILan3();

    ResponseEntity<String> download = rest.withBasicAuth("alice", "alice").getForEntity("/api/credentials/" + id, String.class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getHeaders().getContentType().toString()).startsWith("application/ld+json");
    // the JSON-LD form carries a Data Integrity proof (it carried a JwtProof2020 before)
    assertThat(download.getBody()).contains("OpenBadgeCredential", "\"targetCode\":\"iLAN:3\"", "\"DataIntegrityProof\"",
            "\"eddsa-rdfc-2022\"", "\"BitstringStatusListEntry\"")
        .doesNotContain("alice@example.org");

    Map<String, Object> verified = verify(download.getBody());
    assertThat(verified.get("verified")).as(verified.toString()).isEqualTo(true);
    assertThat(verified.get("credentialId")).isEqualTo(id);
    assertThat((List<?>) verified.get("checks")).hasSize(5);

    ResponseEntity<String> page = rest.getForEntity("/credentials/" + id, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(page.getBody()).contains("<title>Valid: Language Knowledge iLAN:3</title>", "Alice Example",
        "9 / 10", "16 November 2026", "16 November 2028", "<svg");
    // download, LinkedIn and share from the public page; the JSON and the baked badge are public
    assertThat(page.getBody()).contains("/credentials/" + id + "/credential.json\" download>Download credential (JSON)",
        "/credentials/" + id + "/badge.svg\" download>", ">Add to LinkedIn profile<", ">Share<",
        "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&amp;name=Language%20Knowledge%20iLAN%3A3"
            + "&amp;organizationName=Engineering%20organisation&amp;issueYear=2026&amp;issueMonth=11"
            + "&amp;expirationYear=2028&amp;expirationMonth=11&amp;certUrl=http%3A%2F%2Flocalhost%3A8080%2Fcredentials%2F" + id
            + "&amp;certId=" + id);
    ResponseEntity<String> publicJson = rest.getForEntity("/credentials/" + id + "/credential.json", String.class);
    assertThat(publicJson.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(verify(publicJson.getBody()).get("verified")).isEqualTo(true);
    String baked = rest.getForEntity("/credentials/" + id + "/badge.svg", String.class).getBody();
    assertThat(baked).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"><openbadges:credential><![CDATA[{\"@context\"");
    String bakedJson = baked.substring(baked.indexOf("<![CDATA[") + 9, baked.indexOf("]]></openbadges:credential>"));
    assertThat(verify(bakedJson).get("verified")).isEqualTo(true);

    ResponseEntity<Map<String, Object>> revoked = calls.post("demo", "/api/credentials/" + id + "/revoke",
        Map.of("reason", "Evidence copied from a colleague's report"));
    assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(revoked.getBody().get("revoked")).isEqualTo(true);

    Map<String, Object> failed = verify(download.getBody());
    assertThat(failed.get("verified")).isEqualTo(false);
    assertThat(failed.get("failedCheck")).isEqualTo("revocation");
    assertThat(failed.get("reason")).isEqualTo("Revoked by the issuer: Evidence copied from a colleague's report");

    assertThat(rest.getForEntity("/credentials/" + id, String.class).getBody())
        .contains("<title>Revoked: Language Knowledge iLAN:3</title>",
            "Revoked: Evidence copied from a colleague&#39;s report")
        .doesNotContain("Add to LinkedIn profile");
    assertThat(verify(bakedJson).get("failedCheck")).as("the baked credential, once revoked").isEqualTo("revocation");
    assertThat(calls.get("alice", "/api/engineers/alice/credentials", LIST).getBody()).singleElement().satisfies(credential -> {
      assertThat(credential.get("revoked")).isEqualTo(true);
      assertThat(credential.get("revocationReason")).isEqualTo("Evidence copied from a colleague's report");
      assertThat(credential.get("validForPromotion")).isEqualTo(false);
    });
    assertThat(calls.get("demo", "/api/credentials/" + id + "/revocations", LIST).getBody()).singleElement()
        .satisfies(entry -> {
          assertThat(entry.get("revokedBy")).isEqualTo("demo");
          assertThat(entry.get("reason")).isEqualTo("Evidence copied from a colleague's report");
        });
    // the 1EdTech list, still answered for credentials downloaded before the Data Integrity proofs, with the property its validator reads
    Map<String, Object> revocationList = rest.getForEntity("/api/credentials/revocations", Map.class).getBody();
    assertThat(revocationList.get("revokedCredential").toString()).contains(id, "Evidence copied");
    assertThat(revocationList).doesNotContainKey("revokedCredentials");
  }

  @Test
  void theVcJwtFormDownloadsAndVerifiesToo() {
    String id = issueDirectly("alice", "Shipped the parser rewrite.");
    HttpHeaders accept = new HttpHeaders();
    accept.set(HttpHeaders.ACCEPT, "application/vc+jwt");
    ResponseEntity<String> jwt = rest.withBasicAuth("alice", "alice")
        .exchange("/api/credentials/" + id, HttpMethod.GET, new HttpEntity<>(accept), String.class);
    assertThat(jwt.getHeaders().getContentType().toString()).isEqualTo("application/vc+jwt");
    assertThat(jwt.getBody().split("\\.")).hasSize(3);

    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.parseMediaType("application/vc+jwt"));
    Map<String, Object> verified = rest.exchange("/api/credentials/verify", HttpMethod.POST,
        new HttpEntity<>(jwt.getBody(), text), OBJECT).getBody();
    assertThat(verified.get("verified")).isEqualTo(true);
  }

  @Test
  void onlyVerificationIsPublicUnderTheApi() {
    String id = issueDirectly("alice", "Shipped the parser rewrite.");
    assertThat(rest.postForEntity("/api/credentials/verify", json("{}"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    Map<String, Object> issuer = rest.getForEntity("/api/issuer", Map.class).getBody();
    assertThat(issuer.get("type").toString()).contains("Profile");
    // the Profile is the controller document of the Multikeys (jwks_uri and publicKey were undefined terms)
    assertThat(issuer.get("@context").toString()).startsWith("[https://www.w3.org/ns/did/v1");
    assertThat(issuer).doesNotContainKeys("jwks_uri", "publicKey");
    String multikeyUrl = ((List<?>) issuer.get("assertionMethod")).get(0).toString();
    assertThat(multikeyUrl).contains("/api/issuer/keys/z6Mk").doesNotContain("#");
    Map<String, Object> multikey = rest.getForEntity(multikeyUrl.substring(multikeyUrl.indexOf("/api/")), Map.class).getBody();
    assertThat(multikey).containsEntry("type", "Multikey").containsEntry("id", multikeyUrl)
        .containsEntry("controller", issuer.get("id")).containsEntry("@context", "https://w3id.org/security/multikey/v1");
    assertThat(multikeyUrl).endsWith("/" + multikey.get("publicKeyMultibase"));
    Map<String, Object> jwks = rest.getForEntity("/api/issuer/jwks", Map.class).getBody();
    assertThat((List<?>) jwks.get("keys")).isNotEmpty();
    assertThat(jwks.toString()).doesNotContain("\"d\"").doesNotContain(" d=");
    String kid = ((Map<?, ?>) ((List<?>) jwks.get("keys")).get(0)).get("kid").toString();
    Map<String, Object> jwk = rest.getForEntity("/api/issuer/jwks/" + kid, Map.class).getBody();
    assertThat(jwk).containsEntry("kid", kid).containsEntry("kty", "RSA").doesNotContainKey("d");
    assertThat(rest.getForEntity("/api/credentials/revocations", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/api/credentials/status/0", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/api/credentials/status/7", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/api/issuer/endorsers/alice", String.class).getStatusCode())
        .as("only engineers who endorsed have a public endorser profile").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/credentials/" + id, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    for (String path : List.of("/api/credentials/" + id, "/api/credentials/verify", "/api/credentials/" + id + "/revocations",
        "/api/engineers/alice/credentials", "/api/engineers/alice/promotion-eligibility", "/api/engineers/alice/portfolio",
        "/api/skills", "/api/issuer/jwks/", "/api/issuerx", "/api/issuer/keys/", "/api/credentials/status/x",
        "/api/issuer/endorsers/alice/portfolio")) {
      assertThat(rest.getForEntity(path, String.class).getStatusCode()).as("GET " + path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    for (String path : List.of("/api/credentials/" + id + "/revoke", "/api/issuer", "/api/skills", "/api/credentials/verify/")) {
      assertThat(rest.postForEntity(path, json("{\"reason\":\"x\"}"), String.class).getStatusCode()).as("POST " + path)
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(register.find(id).orElseThrow().revoked()).isFalse();
  }

  @Test
  void theIssuerAndEndorserProfilesAreControllerDocumentsValidAgainstTheProfileSchema() throws Exception {
    register.issue(new CredentialRegister.Issue("END-2026-" + System.nanoTime() % 1_000_000, "alice", "iLAN", 3, 9,
        CredentialSource.ENDORSEMENT, "carol", List.of("dave"), 1, "Led the migration.", 8));
    com.networknt.schema.JsonSchema profileSchema;
    try (java.io.InputStream in = getClass().getResourceAsStream("/openbadges/profile.schema.json")) {
      profileSchema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V201909)
          .getSchema(in);
    }
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String path : List.of("/api/issuer", "/api/issuer/endorsers/carol")) {
      ResponseEntity<String> profile = rest.getForEntity(path, String.class);
      assertThat(profile.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      com.fasterxml.jackson.databind.JsonNode document = json.readTree(profile.getBody());
      assertThat(profileSchema.validate(document)).as(path).isEmpty();
      assertThat(document.path("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/did/v1");
      assertThat(document.path("assertionMethod")).isNotEmpty();
      for (com.fasterxml.jackson.databind.JsonNode method : document.path("assertionMethod")) {
        String url = method.asText();
        Map<String, Object> multikey = rest.getForEntity(url.substring(url.indexOf("/api/")), Map.class).getBody();
        assertThat(multikey).containsEntry("id", url).containsEntry("controller", document.path("id").asText());
      }
    }
    assertThat(json.readTree(rest.getForEntity("/api/issuer/endorsers/carol", String.class).getBody()).path("name").asText())
        .isEqualTo(jdbc.sql("select display_name from engineer where user_id = 'carol'").query(String.class).single());
  }

  @Test
  void onlyAnAdministratorRevokesWithAReasonAndOnlyOnce() {
    String id = issueDirectly("alice", "Shipped the parser rewrite.");
    ResponseEntity<Map<String, Object>> byAlice = calls.post("alice", "/api/credentials/" + id + "/revoke", Map.of("reason", "mine"));
    assertThat(byAlice.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byAlice.getBody().get("detail")).isEqualTo("Only an administrator may revoke a credential.");

    ResponseEntity<Map<String, Object>> noReason = calls.post("demo", "/api/credentials/" + id + "/revoke", Map.of("reason", " "));
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("rule")).isEqualTo("revocation-reason");
    assertThat(register.find(id).orElseThrow().revoked()).isFalse();

    assertThat(calls.post("demo", "/api/credentials/" + id + "/revoke", Map.of("reason", "Issued in error")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<Map<String, Object>> twice = calls.post("demo", "/api/credentials/" + id + "/revoke", Map.of("reason", "again"));
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(register.find(id).orElseThrow().revocationReason()).isEqualTo("Issued in error");

    assertThat(calls.post("demo", "/api/credentials/nope/revoke", Map.of("reason", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  /**
   * Every verifier and wallet fetches the status list anonymously for every credential it checks: it is signed once per
   * change and served as stored, revalidated with its ETag, valid from the change (not from the moment of serving, which
   * a verifier whose clock runs behind took for "not valid yet").
   */
  @Test
  void theStatusListIsSignedOncePerChangeAndRevalidatedByItsEtag() throws Exception {
    String id = issueDirectly("alice", "Shipped the parser rewrite.");
    JsonNode status = new ObjectMapper().readTree(rest.withBasicAuth("alice", "alice")
        .getForEntity("/api/credentials/" + id, String.class).getBody()).path("credentialStatus");
    String list = status.path("statusListCredential").asText().replaceAll(".*/", "");
    int index = status.path("statusListIndex").asInt();
    String path = "/api/credentials/status/" + list;

    ResponseEntity<String> first = rest.getForEntity(path, String.class);
    clock.set(TestConfiguration.MID_NOVEMBER_2026.plusSeconds(600));
    ResponseEntity<String> again = rest.getForEntity(path, String.class);
    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(first.getHeaders().getETag()).isNotBlank();
    assertThat(first.getHeaders().getCacheControl()).contains("max-age=60").contains("public");
    assertThat(again.getBody()).as("the same signed document, proof and all: not signed again").isEqualTo(first.getBody());
    assertThat(again.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
    assertThat(revoked(again.getBody(), index)).isFalse();
    assertThat(new ObjectMapper().readTree(first.getBody()).path("credentialSubject").path("ttl").asLong()).isEqualTo(60_000);

    HttpHeaders ifNoneMatch = new HttpHeaders();
    ifNoneMatch.setIfNoneMatch(first.getHeaders().getETag());
    ResponseEntity<String> unchanged = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(ifNoneMatch), String.class);
    assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
    assertThat(unchanged.getBody()).isNull();

    Instant revokedAt = TestConfiguration.MID_NOVEMBER_2026.plusSeconds(3600);
    clock.set(revokedAt);
    assertThat(calls.post("demo", "/api/credentials/" + id + "/revoke", Map.of("reason", "Issued in error"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    clock.set(revokedAt.plusSeconds(5));
    ResponseEntity<String> changed = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(ifNoneMatch), String.class);
    assertThat(changed.getStatusCode()).as("the list changed: the old tag no longer matches").isEqualTo(HttpStatus.OK);
    assertThat(changed.getHeaders().getETag()).isNotEqualTo(first.getHeaders().getETag());
    assertThat(revoked(changed.getBody(), index)).isTrue();
    assertThat(new ObjectMapper().readTree(changed.getBody()).path("validFrom").asText())
        .as("valid from the revocation, not from the moment it was served").isEqualTo("2026-11-16T11:00:00Z");
    clock.set(revokedAt.plusSeconds(3600));
    assertThat(rest.getForEntity(path, String.class).getBody()).isEqualTo(changed.getBody());
  }

  /** The credential's bit in the list: base64url of the GZIP-compressed bits, multibase prefix 'u'. */
  private static boolean revoked(String statusList, int index) throws Exception {
    String encoded = new ObjectMapper().readTree(statusList).path("credentialSubject").path("encodedList").asText();
    byte[] bits = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
        java.util.Base64.getUrlDecoder().decode(encoded.substring(1)))).readAllBytes();
    return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
  }

  @Test
  void promotionEligibilityCountsCredentialsValidForPromotion() {
    Map<String, Object> none = calls.get("alice", "/api/engineers/alice/promotion-eligibility", OBJECT).getBody();
    assertThat(none.get("eligible")).isEqualTo(false);
    assertThat((List<?>) none.get("credentials")).isEmpty();

    String id = issueDirectly("alice", "Shipped the parser rewrite.");
    Map<String, Object> one = calls.get("alice", "/api/engineers/alice/promotion-eligibility", OBJECT).getBody();
    assertThat(one.get("eligible")).isEqualTo(true);
    assertThat((List<Map<String, Object>>) one.get("credentials")).extracting(c -> c.get("id")).containsExactly(id);

    clock.set(java.time.Instant.parse("2028-11-16T10:00:01Z"));
    assertThat(calls.get("alice", "/api/engineers/alice/promotion-eligibility", OBJECT).getBody().get("eligible")).isEqualTo(false);
    assertThat(calls.get("alice", "/api/engineers/nobody/promotion-eligibility", OBJECT).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void thePortfolioShowsTheGalleryAndEscapesUserText() {
    issueDirectly("alice", "<script>alert('owned')</script> Cut the p99 latency by 40%.");
    ResponseEntity<String> portfolio = rest.withBasicAuth("alice", "alice")
        .getForEntity("/api/engineers/alice/portfolio", String.class);
    assertThat(portfolio.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(portfolio.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(portfolio.getBody())
        .contains("Alice Example", "<svg", "Language Knowledge", "iLAN:3", "9<span class=\"muted\">/10",
            "Valid for promotion until 16 November 2028", "Next: iLAN:4", "Mentors:", "Public verification page", "/badge.svg\" download>Download badge (SVG, credential baked in)",
            "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; Cut the p99 latency by 40%.")
        .doesNotContain("<script>");
  }

  // --- helpers

  private String alicePassesILan3() {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 9);
    app.agree(instance, "dave");
    app.runJobs(instance);
    List<Map<String, Object>> credentials = calls.get("alice", "/api/engineers/alice/credentials", LIST).getBody();
    assertThat(credentials).hasSize(1);
    return (String) credentials.get(0).get("id");
  }

  private String issueDirectly(String holder, String evidence) {
    return register.issue(new CredentialRegister.Issue("APP-2026-" + System.nanoTime() % 1_000_000, holder, "iLAN", 3, 9,
        CredentialSource.SELF_SUBMISSION, "carol", List.of("dave"), 1, evidence, 8)).id();
  }

  private Map<String, Object> verify(String credential) {
    ResponseEntity<Map<String, Object>> answer =
        rest.exchange("/api/credentials/verify", HttpMethod.POST, json(credential), OBJECT);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }


}
