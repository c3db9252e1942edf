package org.microcredentials.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issued credentials as signed Open Badges 3.0, with the real beans: every document validates
 * against 1EdTech's schema (offline, from the classpath); the VC-JWT round trip verifies; tampering,
 * a wrong key, expiry and revocation each fail naming their check; a key rotation keeps older
 * credentials verifying.
 */
@ApplicationTest
class CredentialSigningTest {

  @Autowired CredentialRegister register;
  @Autowired OpenBadges openBadges;
  @Autowired CredentialSigner signer;
  @Autowired CredentialVerifier verifier;
  @Autowired CredentialRevocations revocations;
  @Autowired OpenBadgeSchemas schemas;
  @Autowired SigningKeys keys;
  @Autowired CredentialProperties properties;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  @BeforeEach
  void setUp() {
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
    jdbc.sql("delete from credential_revocation").update();
    jdbc.sql("delete from credential_lapse_reminder").update();
    jdbc.sql("delete from credential").update();
  }

  /** The in-memory database outlives this class: leave no row that would block another class' clean-up. */
  @AfterEach
  void removeRevocationsAndReminders() {
    jdbc.sql("delete from credential_revocation").update();
    jdbc.sql("delete from credential_lapse_reminder").update();
  }

  @Test
  void everyIssuedCredentialValidatesAgainstTheOpenBadgesSchema() {
    for (CredentialSource source : CredentialSource.values()) {
      Credential credential = issue("SRC-" + source, "alice", "iLAN", 3, 9, source);
      JsonNode document = json.valueToTree(openBadges.credential(credential));
      assertThat(schemas.violations(document)).as(source.name()).isEmpty();
      JsonNode signed = json.valueToTree(signer.signedDocument(openBadges.credential(credential)));
      assertThat(schemas.violations(signed)).as(source + " with its proof").isEmpty();
    }
  }

  @Test
  void theDocumentCarriesWhatTheIssueAsksFor() {
    Credential credential = issue("APP-2026-000001", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    JsonNode document = json.valueToTree(openBadges.credential(credential));

    assertThat(document.path("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/credentials/v2");
    assertThat(document.path("@context").get(1).asText())
        .isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
    assertThat(document.path("type").toString()).contains("OpenBadgeCredential");
    assertThat(document.path("id").asText()).isEqualTo(properties.credentialUrl(credential.id()));
    assertThat(document.path("issuer").path("type").toString()).contains("Profile");
    assertThat(document.path("validFrom").asText()).isEqualTo("2026-11-16T10:00:00Z");
    assertThat(document.path("validUntil").asText()).isEqualTo("2028-11-16T10:00:00Z");

    JsonNode subject = document.path("credentialSubject");
    JsonNode identifier = subject.path("identifier").get(0);
    assertThat(identifier.path("identityType").asText()).isEqualTo("emailAddress");
    assertThat(identifier.path("hashed").asBoolean()).isTrue();
    assertThat(identifier.path("identityHash").asText())
        .isEqualTo("sha256$" + OpenBadges.sha256("alice@example.org" + identifier.path("salt").asText()));
    assertThat(document.toString()).doesNotContain("alice@");

    JsonNode achievement = subject.path("achievement");
    assertThat(achievement.path("criteria").path("narrative").asText()).startsWith("Applies confidently the team's languages")
        .isNotBlank();
    assertThat(achievement.path("alignment").get(0).path("targetCode").asText()).isEqualTo("iLAN:3");
    assertThat(achievement.path("alignment").get(0).path("targetFramework").asText()).contains("version 1");
    JsonNode resultDescription = achievement.path("resultDescription").get(0);
    assertThat(resultDescription.path("requiredValue").asText()).isEqualTo("8");
    assertThat(resultDescription.path("valueMax").asText()).isEqualTo("10");
    assertThat(subject.path("result").get(0).path("value").asText()).isEqualTo("9");
    assertThat(subject.path("result").get(0).path("resultDescription").asText()).isEqualTo(resultDescription.path("id").asText());
    assertThat(document.path("evidence").get(0).path("narrative").asText()).contains("Build time fell");
    assertThat(document.path("credentialStatus").path("type").asText()).isEqualTo("1EdTechRevocationList");
    assertThat(document.has("endorsement")).isFalse();
  }

  @Test
  void anEndorsedCredentialCarriesTheEndorsersEndorsementCredential() {
    Credential credential = issue("END-2026-000001", "alice", "iLAN", 3, 9, CredentialSource.ENDORSEMENT);
    JsonNode document = json.valueToTree(openBadges.credential(credential));
    JsonNode endorsement = document.path("endorsement").get(0);
    assertThat(endorsement.path("type").toString()).contains("EndorsementCredential");
    assertThat(endorsement.path("issuer").path("name").asText()).isEqualTo(organisationName("carol"));
    assertThat(endorsement.path("credentialSubject").path("id").asText()).isEqualTo(document.path("id").asText());
    assertThat(schemas.violations(document)).isEmpty();
  }

  @Test
  void signThenVerifyRoundTrip() {
    Credential credential = issue("APP-2026-000002", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    Map<String, Object> signed = signer.signedDocument(openBadges.credential(credential));

    CredentialVerifier.Verification verification = verifier.verify(json.valueToTree(signed));
    assertThat(verification.verified()).as(verification.toString()).isTrue();
    assertThat(verification.credentialId()).isEqualTo(credential.id());
    assertThat(verification.checks()).extracting(CredentialVerifier.CheckResult::check)
        .containsExactly("format", "signature", "schema", "validity-dates", "revocation");

    String jwt = signer.jwt(openBadges.credential(credential));
    assertThat(verifier.verify(TextNode.valueOf(jwt)).verified()).isTrue();
  }

  @Test
  void aTamperedPayloadFailsTheSignatureCheck() throws Exception {
    Credential credential = issue("APP-2026-000003", "alice", "iLAN", 3, 7, CredentialSource.SELF_SUBMISSION);
    ObjectNode signed = json.valueToTree(signer.signedDocument(openBadges.credential(credential)));
    ((ObjectNode) signed.path("credentialSubject").path("result").get(0)).put("value", "10");

    CredentialVerifier.Verification edited = verifier.verify(signed);
    assertThat(edited.verified()).isFalse();
    assertThat(edited.failedCheck()).isEqualTo("signature");
    assertThat(edited.reason()).contains("altered after signing");

    // The JWT itself with a changed payload and the original signature.
    String jwt = signed.path("proof").get(0).path("jwt").asText();
    String[] parts = jwt.split("\\.");
    String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
        .replace("\"value\":\"7\"", "\"value\":\"10\"");
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
    CredentialVerifier.Verification forgedJwt = verifier.verify(TextNode.valueOf(forged));
    assertThat(forgedJwt.failedCheck()).isEqualTo("signature");
    assertThat(forgedJwt.reason()).contains("does not match");
  }

  @Test
  void aWrongKeyFailsTheSignatureCheck() {
    Credential credential = issue("APP-2026-000004", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    Map<String, Object> document = openBadges.credential(credential);
    RSAKey stranger = GeneratedSigningKeys.generate();

    String unknownKey = CredentialSigner.sign(document, stranger, properties, clock.instant());
    CredentialVerifier.Verification unknown = verifier.verify(TextNode.valueOf(unknownKey));
    assertThat(unknown.failedCheck()).isEqualTo("signature");
    assertThat(unknown.reason()).contains("is not one of the issuer's keys");

    // Signed by another key that claims the issuer's key id.
    RSAKey impostor = new RSAKey.Builder(stranger).keyID(keys.active().getKeyID()).build();
    CredentialVerifier.Verification wrong =
        verifier.verify(TextNode.valueOf(CredentialSigner.sign(document, impostor, properties, clock.instant())));
    assertThat(wrong.verified()).isFalse();
    assertThat(wrong.failedCheck()).isEqualTo("signature");
    assertThat(wrong.reason()).contains("signed with another key");
  }

  @Test
  void anExpiredCredentialFailsTheValidityDates() {
    Credential credential = issue("APP-2026-000005", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    Map<String, Object> signed = signer.signedDocument(openBadges.credential(credential));
    clock.set(Instant.parse("2028-11-17T00:00:00Z"));

    CredentialVerifier.Verification expired = verifier.verify(json.valueToTree(signed));
    assertThat(expired.verified()).isFalse();
    assertThat(expired.failedCheck()).isEqualTo("validity-dates");
    assertThat(expired.reason()).isEqualTo("Expired: valid until 2028-11-16T10:00:00Z.");
  }

  @Test
  void aRevokedCredentialFailsWithItsReason() {
    Credential credential = issue("APP-2026-000006", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    Map<String, Object> signed = signer.signedDocument(openBadges.credential(credential));
    revocations.revoke(credential.id(), "Evidence was plagiarised", "demo");

    CredentialVerifier.Verification revoked = verifier.verify(json.valueToTree(signed));
    assertThat(revoked.verified()).isFalse();
    assertThat(revoked.failedCheck()).isEqualTo("revocation");
    assertThat(revoked.reason()).isEqualTo("Revoked by the issuer: Evidence was plagiarised");
    assertThat(revocations.trail(credential.id())).singleElement().satisfies(entry -> {
      assertThat(entry.revokedBy()).isEqualTo("demo");
      assertThat(entry.reason()).isEqualTo("Evidence was plagiarised");
    });
    assertThat(register.find(credential.id()).orElseThrow().validForPromotionAt(clock.instant().atOffset(java.time.ZoneOffset.UTC)))
        .isFalse();
  }

  @Test
  void aKeyRotationKeepsOlderCredentialsVerifying() throws Exception {
    Credential credential = issue("APP-2026-000007", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    Map<String, Object> before = signer.signedDocument(openBadges.credential(credential));
    String oldKid = keys.active().getKeyID();

    RSAKey rotated = ((GeneratedSigningKeys) keys).rotate();
    assertThat(rotated.getKeyID()).isNotEqualTo(oldKid);
    assertThat(keys.publicKeys().getKeys()).extracting(key -> key.getKeyID()).contains(oldKid, rotated.getKeyID());
    assertThat(keys.publicKeys().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());

    assertThat(verifier.verify(json.valueToTree(before)).verified()).isTrue();
    Map<String, Object> after = signer.signedDocument(openBadges.credential(credential));
    @SuppressWarnings("unchecked")
    String jwt = (String) ((List<Map<String, Object>>) after.get("proof")).get(0).get("jwt");
    assertThat(SignedJWT.parse(jwt).getHeader().getKeyID()).isEqualTo(rotated.getKeyID());
    assertThat(verifier.verify(json.valueToTree(after)).verified()).isTrue();
  }

  @Test
  void anUnsignedOrMalformedBodyFailsTheFormatCheck() {
    Credential credential = issue("APP-2026-000008", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    ObjectNode unsigned = json.valueToTree(openBadges.credential(credential));
    assertThat(verifier.verify(unsigned).failedCheck()).isEqualTo("format");
    assertThat(verifier.verify(TextNode.valueOf("not a jwt")).failedCheck()).isEqualTo("format");
    ObjectNode emptyProof = unsigned.deepCopy();
    emptyProof.set("proof", json.createArrayNode());
    assertThat(verifier.verify(emptyProof).reason()).contains("no JwtProof2020 proof");
  }

  @Test
  void aDocumentThatBreaksTheSchemaFailsTheSchemaCheck() {
    Credential credential = issue("APP-2026-000009", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    Map<String, Object> document = new java.util.LinkedHashMap<>(openBadges.credential(credential));
    document.remove("issuer");
    String jwt = CredentialSigner.sign(document, keys.active(), properties, clock.instant());

    CredentialVerifier.Verification invalid = verifier.verify(TextNode.valueOf(jwt));
    assertThat(invalid.failedCheck()).isEqualTo("schema");
    assertThat(invalid.reason()).contains("issuer");
  }

  private Credential issue(String sourceKey, String holder, String skill, int level, int score, CredentialSource source) {
    return register.issue(new CredentialRegister.Issue(sourceKey, holder, skill, level, score, source, "carol",
        List.of("dave"), 1, "Problem: our build took 40 minutes.\nActions: parallelised the suites.\n"
            + "Results: Build time fell to 9 minutes."));
  }

  private String organisationName(String userId) {
    return jdbc.sql("select display_name from engineer where user_id = ?").param(userId).query(String.class).single();
  }

}
