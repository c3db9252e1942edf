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
  @Autowired CredentialStatusList statusList;
  @Autowired DataIntegrity dataIntegrity;
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
    assertThat(document.path("@context").get(2).asText()).isEqualTo("https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
    assertThat(document.path("type").toString()).contains("OpenBadgeCredential");
    assertThat(document.path("id").asText()).isEqualTo(properties.credentialUrl(credential.id()));
    assertThat(document.path("issuer").path("type").toString()).contains("Profile");
    assertThat(document.path("validFrom").asText()).isEqualTo("2026-11-16T10:00:00Z");
    assertThat(document.path("validUntil").asText()).isEqualTo("2028-11-16T10:00:00Z");

    JsonNode subject = document.path("credentialSubject");
    assertThat(subject.path("id").asText()).as("a stable subject per holder").startsWith("urn:uuid:")
        .isEqualTo(register.subjectId("alice")).isNotEqualTo(register.subjectId("bob"));
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
    JsonNode status = document.path("credentialStatus");
    CredentialStatusList.Entry entry = statusList.entry(credential.id());
    assertThat(status.path("type").asText()).isEqualTo("BitstringStatusListEntry");
    assertThat(status.path("statusPurpose").asText()).isEqualTo("revocation");
    assertThat(status.path("statusListIndex").isTextual()).isTrue();
    assertThat(status.path("statusListIndex").asText()).isEqualTo(String.valueOf(entry.index()));
    assertThat(status.path("statusListCredential").asText()).isEqualTo(properties.statusListUrl(entry.list()));
    assertThat(status.path("id").asText()).isNotEqualTo(status.path("statusListCredential").asText());
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
  void theRequiredValueIsTheBarTheCredentialWasIssuedAgainst() {
    // An endorsement's bar is its minimum score, recorded at issue; not the pass mark of the day it is downloaded.
    Credential endorsed = register.issue(new CredentialRegister.Issue("END-2026-000077", "alice", "iLAN", 3, 9,
        CredentialSource.ENDORSEMENT, "carol", List.of("dave"), 1, "Problem: p.\nActions: a.\nResults: r.", 9));
    assertThat(endorsed.requiredScore()).contains(9);
    assertThat(json.valueToTree(openBadges.credential(endorsed)).path("credentialSubject").path("achievement")
        .path("resultDescription").get(0).path("requiredValue").asText()).isEqualTo("9");
    // A credential issued before the bar was recorded (its column is null) shows today's pass mark, as it always did.
    String earlierId = issue("APP-2026-000077", "alice", "iPERF", 3, 9, CredentialSource.SELF_SUBMISSION).id();
    jdbc.sql("update credential set required_score = null where id = ?").param(earlierId).update();
    Credential earlier = register.find(earlierId).orElseThrow();
    assertThat(earlier.requiredScore()).isEmpty();
    assertThat(json.valueToTree(openBadges.credential(earlier)).path("credentialSubject").path("achievement")
        .path("resultDescription").get(0).path("requiredValue").asText()).isEqualTo("8");
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
    String jwt = signer.jwt(openBadges.credential(credential));
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

    String jwtBefore = signer.jwt(openBadges.credential(credential));
    String oldEd25519 = keys.activeEd25519().id();
    Ed25519Key rotatedEd25519 = ((GeneratedSigningKeys) keys).rotateEd25519();
    assertThat(keys.publishedEd25519()).extracting(Ed25519Key::id).contains(oldEd25519, rotatedEd25519.id());

    assertThat(verifier.verify(json.valueToTree(before)).verified()).isTrue();
    assertThat(verifier.verify(TextNode.valueOf(jwtBefore)).verified()).isTrue();
    Map<String, Object> after = signer.signedDocument(openBadges.credential(credential));
    @SuppressWarnings("unchecked")
    String verificationMethod = (String) ((List<Map<String, Object>>) after.get("proof")).get(0).get("verificationMethod");
    assertThat(verificationMethod).isEqualTo(properties.multikeyUrl(rotatedEd25519.id()));
    String jwt = signer.jwt(openBadges.credential(credential));
    assertThat(SignedJWT.parse(jwt).getHeader().getKeyID()).isEqualTo(properties.jwkUrl(rotated.getKeyID()));
    assertThat(verifier.verify(json.valueToTree(after)).verified()).isTrue();
    assertThat(verifier.verify(TextNode.valueOf(jwt)).verified()).isTrue();
  }

  @Test
  void anUnsignedOrMalformedBodyFailsTheFormatCheck() {
    Credential credential = issue("APP-2026-000008", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    ObjectNode unsigned = json.valueToTree(openBadges.credential(credential));
    assertThat(verifier.verify(unsigned).failedCheck()).isEqualTo("format");
    assertThat(verifier.verify(TextNode.valueOf("not a jwt")).failedCheck()).isEqualTo("format");
    ObjectNode emptyProof = unsigned.deepCopy();
    emptyProof.set("proof", json.createArrayNode());
    assertThat(verifier.verify(emptyProof).reason()).contains("carries no DataIntegrityProof (eddsa-rdfc-2022) or JwtProof2020 proof");
  }

  @Test
  void aDocumentThatBreaksTheSchemaFailsTheSchemaCheck() {
    Credential credential = issue("APP-2026-000009", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    Map<String, Object> document = new java.util.LinkedHashMap<>(openBadges.credential(credential));
    // (before the Data Integrity proofs this removed 'issuer'; the VC-JWT's iss now binds the issuer, so that fails the signature)
    document.remove("credentialSubject");
    String jwt = CredentialSigner.sign(document, keys.active(), properties, clock.instant());

    CredentialVerifier.Verification invalid = verifier.verify(TextNode.valueOf(jwt));
    assertThat(invalid.failedCheck()).isEqualTo("schema");
    assertThat(invalid.reason()).contains("credentialSubject");
  }

  @Test
  void theVcJwtIsTheCredentialItselfWithOnlyAlgKidAndTyp() throws Exception {
    Credential credential = issue("APP-2026-000010", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    Map<String, Object> document = openBadges.credential(credential);
    SignedJWT jwt = SignedJWT.parse(signer.jwt(document));

    assertThat(jwt.getHeader().toJSONObject().keySet()).containsExactlyInAnyOrder("alg", "kid", "typ");
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(properties.jwkUrl(keys.active().getKeyID()));
    Map<String, Object> payload = jwt.getJWTClaimsSet().toJSONObject();
    assertThat(payload).doesNotContainKey("vc").containsKeys("@context", "type", "credentialSubject", "issuer", "nbf", "exp");
    assertThat(payload.get("iss")).isEqualTo(properties.issuerId());
    assertThat(payload.get("jti")).isEqualTo(document.get("id"));
    assertThat(payload.get("sub")).isEqualTo(register.subjectId("alice"));
  }

  @Test
  void revocationSetsTheCredentialsBitInTheSignedStatusList() throws Exception {
    Credential credential = issue("APP-2026-000011", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    Map<String, Object> signed = signer.signedDocument(openBadges.credential(credential));
    CredentialStatusList.Entry entry = statusList.entry(credential.id());
    assertThat(bit(entry)).isFalse();

    revocations.revoke(credential.id(), "Issued in error", "demo");
    assertThat(bit(entry)).isTrue();
    CredentialVerifier.Verification revoked = verifier.verify(json.valueToTree(signed));
    assertThat(revoked.failedCheck()).isEqualTo("revocation");
    assertThat(revoked.reason()).isEqualTo("Revoked by the issuer: Issued in error");

    Map<String, Object> listCredential = signer.prove(statusList.statusListCredential(entry.list(), clock.instant()),
        properties.multikeyUrl(keys.activeEd25519().id()));
    assertThat(listCredential.get("type").toString()).contains("BitstringStatusListCredential");
    assertThat(listCredential.get("issuer")).isEqualTo(properties.issuerId());
    @SuppressWarnings("unchecked")
    Map<String, Object> proof = ((List<Map<String, Object>>) listCredential.get("proof")).get(0);
    Map<String, Object> unsigned = new java.util.LinkedHashMap<>(listCredential);
    unsigned.remove("proof");
    assertThat(dataIntegrity.verifies(unsigned, proof, keys.activeEd25519().publicKey())).isTrue();
  }

  @Test
  void statusIndexesAreDistinctAndNotInIssueOrder() {
    List<Integer> indexes = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      Credential credential = issue("APP-2026-0001" + (20 + i), "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
      indexes.add(statusList.entry(credential.id()).index());
      assertThat(statusList.entry(credential.id()).index()).as("allocated once").isEqualTo(indexes.get(i));
    }
    assertThat(indexes).doesNotHaveDuplicates().allSatisfy(index -> assertThat(index).isBetween(0, 131_071));
    assertThat(indexes).as("random, not sequential").isNotEqualTo(indexes.stream().sorted().toList());
  }

  @Test
  void credentialsDownloadedFromEarlierVersionsStillVerify() throws Exception {
    Credential credential = issue("APP-2026-000012", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    Map<String, Object> old = new java.util.LinkedHashMap<>(openBadges.credential(credential));
    old.put("@context", List.of(OpenBadges.VC_CONTEXT, OpenBadges.OB_CONTEXT));
    ((Map<?, ?>) old.get("credentialSubject")).remove("id");
    old.put("credentialStatus", Map.of("id", properties.revocationListUrl(), "type", "1EdTechRevocationList"));
    // what the first signer made: bare thumbprint kid, jku, the credential in a 'vc' claim
    com.nimbusds.jwt.SignedJWT legacyJwt = new com.nimbusds.jwt.SignedJWT(
        new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
            .type(com.nimbusds.jose.JOSEObjectType.JWT).keyID(keys.active().getKeyID())
            .jwkURL(java.net.URI.create(properties.jwksUrl())).build(),
        new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(properties.issuerId()).jwtID((String) old.get("id"))
            .issueTime(java.util.Date.from(clock.instant())).claim("vc", old).build());
    legacyJwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(keys.active()));
    Map<String, Object> legacyDocument = new java.util.LinkedHashMap<>(old);
    legacyDocument.put("proof", List.of(Map.of("type", "JwtProof2020", "proofPurpose", "assertionMethod",
        "verificationMethod", properties.jwksUrl() + "#" + keys.active().getKeyID(), "jwt", legacyJwt.serialize())));

    assertThat(verifier.verify(TextNode.valueOf(legacyJwt.serialize())).verified()).isTrue();
    CredentialVerifier.Verification document = verifier.verify(json.valueToTree(legacyDocument));
    assertThat(document.verified()).as(document.toString()).isTrue();

    revocations.revoke(credential.id(), "Evidence was plagiarised", "demo");
    CredentialVerifier.Verification revoked = verifier.verify(json.valueToTree(legacyDocument));
    assertThat(revoked.failedCheck()).isEqualTo("revocation");
    assertThat(revoked.reason()).isEqualTo("Revoked by the issuer: Evidence was plagiarised");
  }

  @Test
  void anEndorsementCarriesItsOwnProofAndAnAlteredOneFails() {
    Credential credential = issue("END-2026-000013", "alice", "iLAN", 3, 9, CredentialSource.ENDORSEMENT);
    ObjectNode signed = json.valueToTree(signer.signedDocument(openBadges.credential(credential)));
    JsonNode endorsementProof = signed.path("endorsement").get(0).path("proof").get(0);
    assertThat(endorsementProof.path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
    assertThat(endorsementProof.path("verificationMethod").asText())
        .isEqualTo(properties.endorserMultikeyUrl("carol", keys.activeEd25519().id()));
    assertThat(verifier.verify(signed).verified()).isTrue();

    // altered, then the outer proof made again over it: only the endorsement's own proof can tell
    ObjectNode endorsement = (ObjectNode) signed.path("endorsement").get(0);
    ((ObjectNode) endorsement.path("credentialSubject")).put("endorsementComment", "Carol endorses nothing.");
    Map<String, Object> altered = json.convertValue(signed, Map.class);
    altered.remove("proof");
    Map<String, Object> resigned = signer.prove(altered, properties.multikeyUrl(keys.activeEd25519().id()));
    CredentialVerifier.Verification verification = verifier.verify(json.valueToTree(resigned));
    assertThat(verification.failedCheck()).isEqualTo("signature");
    assertThat(verification.reason()).startsWith("The endorsement: ").contains("altered after signing");
  }

  @Test
  void aTermNoBundledContextDefinesIsRefusedNotSigned() {
    Credential credential = issue("APP-2026-000014", "alice", "iLAN", 3, 9, CredentialSource.SELF_SUBMISSION);
    Map<String, Object> document = new java.util.LinkedHashMap<>(openBadges.credential(credential));
    assertThat(dataIntegrity.canonical(document)).contains("<https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject>");
    document.put("jwks_uri", properties.jwksUrl());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> signer.signedDocument(document))
        .hasMessageContaining("cannot be canonicalized");
    Map<String, Object> unknownContext = new java.util.LinkedHashMap<>(openBadges.credential(credential));
    unknownContext.put("@context", List.of(OpenBadges.VC_CONTEXT, "https://example.org/not-bundled.json"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> dataIntegrity.canonical(unknownContext))
        .hasMessageContaining("loading a remote context [https://example.org/not-bundled.json]");
  }

  private boolean bit(CredentialStatusList.Entry entry) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> subject = (Map<String, Object>) statusList.statusListCredential(entry.list(), clock.instant()).get("credentialSubject");
    String encoded = (String) subject.get("encodedList");
    assertThat(encoded).startsWith("u");
    byte[] bits = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
        java.util.Base64.getUrlDecoder().decode(encoded.substring(1)))).readAllBytes();
    assertThat(bits.length * 8).isGreaterThanOrEqualTo(131_072);
    return (bits[entry.index() / 8] & (0x80 >>> (entry.index() % 8))) != 0;
  }

  private Credential issue(String sourceKey, String holder, String skill, int level, int score, CredentialSource source) {
    return register.issue(new CredentialRegister.Issue(sourceKey, holder, skill, level, score, source, "carol",
        List.of("dave"), 1, "Problem: our build took 40 minutes.\nActions: parallelised the suites.\n"
            + "Results: Build time fell to 9 minutes.", 8));
  }

  private String organisationName(String userId) {
    return jdbc.sql("select display_name from engineer where user_id = ?").param(userId).query(String.class).single();
  }

}
