package org.microcredentials.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.testing.RestCalls.LIST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.IndependentVerifier;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What wallets and verifiers check, by software that is not ours: node runs
 * {@code src/test/node/independent-verifier/verify.mjs} (Digital Bazaar's vc, data-integrity,
 * eddsa-rdfc-2022-cryptosuite and vc-bitstring-status-list for the JSON-LD form, panva's jose for
 * the VC-JWT; versions pinned by its package-lock.json, installed by {@code npm ci}). Its document
 * loader reads our keys, controller documents and status lists from this running application, as a
 * wallet would from the public URL. A credential issued after the walk-through (docs/walkthrough.md) verifies in
 * both forms and baked into its SVG badge; an endorsed one and its endorsement verify; a revoked one
 * is seen revoked through the Bitstring Status List in both forms; a tampered one fails.
 */
@ApplicationTest
class IndependentVerifierIT {


  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister register;
  @Autowired CredentialProperties properties;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  RestCalls calls;
  SelfSubmissions app;

  @BeforeEach
  void setUp() {
    calls = new RestCalls(rest);
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @Test
  void anotherVerifierAcceptsOurCredentialsInBothFormsAndSeesTheRevocation() throws Exception {
    String walkedThrough = alicePassesILan3();
    String endorsed = register.issue(new CredentialRegister.Issue("END-2026-900001", "alice", "iLAN", 2, 9,
        CredentialSource.ENDORSEMENT, "carol", List.of("dave"), 1, "Led the migration of the build.", 8)).id();
    String revoked = register.issue(new CredentialRegister.Issue("APP-2026-900002", "bob", "iLAN", 3, 8,
        CredentialSource.SELF_SUBMISSION, "carol", List.of("dave"), 1, "Rewrote the parser.", 8)).id();

    JsonNode revokedDocument = download(revoked, "bob");
    String revokedJwt = downloadJwt(revoked, "bob");
    assertThat(calls.post("demo", "/api/credentials/" + revoked + "/revoke", Map.of("reason", "Issued in error"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);

    ObjectNode tampered = (ObjectNode) download(walkedThrough, "alice").deepCopy();
    ((ObjectNode) tampered.path("credentialSubject").path("result").get(0)).put("value", "10");

    JsonNode results = independentlyVerify(List.of(
        verifyCase("fresh", "data-integrity", download(walkedThrough, "alice")),
        verifyCase("fresh-jwt", "vc-jwt", json.valueToTree(downloadJwt(walkedThrough, "alice"))),
        verifyCase("endorsed", "data-integrity", download(endorsed, "alice")),
        verifyCase("revoked", "data-integrity", revokedDocument),
        verifyCase("revoked-jwt", "vc-jwt", json.valueToTree(revokedJwt)),
        verifyCase("tampered", "data-integrity", tampered),
        verifyCase("baked", "baked-svg", json.valueToTree(bakedBadge(walkedThrough)))));

    JsonNode fresh = results.path("fresh");
    assertThat(fresh.path("verified").asBoolean()).as(fresh.toString()).isTrue();
    assertThat(fresh.path("revoked").asBoolean(true)).as("status bit of a fresh credential").isFalse();

    JsonNode freshJwt = results.path("fresh-jwt");
    assertThat(freshJwt.path("verified").asBoolean()).as(freshJwt.toString()).isTrue();
    assertThat(json.convertValue(freshJwt.path("header"), List.class)).containsExactly("alg", "kid", "typ");
    assertThat(freshJwt.path("claimsMatch").asBoolean()).isTrue();
    assertThat(freshJwt.path("revoked").asBoolean(true)).isFalse();

    JsonNode endorsement = results.path("endorsed");
    assertThat(endorsement.path("verified").asBoolean()).as(endorsement.toString()).isTrue();
    assertThat(endorsement.path("endorsements")).hasSize(1);
    assertThat(endorsement.path("endorsements").get(0).path("verified").asBoolean())
        .as(endorsement.toString()).isTrue();

    JsonNode revokedResult = results.path("revoked");
    assertThat(revokedResult.path("revoked").asBoolean()).as(revokedResult.toString()).isTrue();
    JsonNode revokedJwtResult = results.path("revoked-jwt");
    assertThat(revokedJwtResult.path("statusVerified").asBoolean()).as(revokedJwtResult.toString()).isTrue();
    assertThat(revokedJwtResult.path("revoked").asBoolean()).as(revokedJwtResult.toString()).isTrue();

    JsonNode baked = results.path("baked");
    assertThat(baked.path("namespace").asBoolean()).as(baked.toString()).isTrue();
    assertThat(baked.path("firstChild").asBoolean()).as(baked.toString()).isTrue();
    assertThat(baked.path("verified").asBoolean()).as(baked.toString()).isTrue();
    assertThat(baked.path("revoked").asBoolean(true)).isFalse();

    JsonNode tamperedResult = results.path("tampered");
    assertThat(tamperedResult.path("verified").asBoolean()).as(tamperedResult.toString()).isFalse();
    assertThat(tamperedResult.path("errors").toString()).contains("Invalid signature");
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

  private JsonNode download(String id, String holder) throws Exception {
    String body = rest.withBasicAuth(holder, holder).getForObject("/api/credentials/" + id, String.class);
    return json.readTree(body);
  }

  private String downloadJwt(String id, String holder) {
    HttpHeaders accept = new HttpHeaders();
    accept.set(HttpHeaders.ACCEPT, "application/vc+jwt");
    return rest.withBasicAuth(holder, holder)
        .exchange("/api/credentials/" + id, HttpMethod.GET, new HttpEntity<>(accept), String.class).getBody();
  }

  /** The baked badge, from the public link of the verification page (no login). */
  private String bakedBadge(String id) {
    org.springframework.http.ResponseEntity<String> svg = rest.getForEntity("/credentials/" + id + "/badge.svg", String.class);
    assertThat(svg.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(svg.getHeaders().getContentType().toString()).startsWith("image/svg+xml");
    return svg.getBody();
  }

  private Map<String, Object> verifyCase(String name, String form, JsonNode credential) {
    return IndependentVerifier.verifyCase(name, form, credential);
  }

  JsonNode independentlyVerify(List<Map<String, Object>> cases) throws Exception {
    return IndependentVerifier.verify(port, properties.publicUrl(), properties.issuerId(), cases);
  }
}
