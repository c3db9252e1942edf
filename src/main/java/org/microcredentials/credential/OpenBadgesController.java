package org.microcredentials.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microcredentials.RuleViolation;
import org.microcredentials.process.Actors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credentials as signed Open Badges 3.0: download, verification, revocation, and what a verifier
 * needs without an account (issuer profile, published keys, revocation list).
 */
@RestController
class OpenBadgesController {

  static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");
  static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");
  static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

  record RevokeRequest(String reason) {
  }

  private final CredentialRegister credentials;
  private final OpenBadges openBadges;
  private final CredentialSigner signer;
  private final CredentialVerifier verifier;
  private final CredentialRevocations revocations;
  private final SigningKeys keys;
  private final CredentialProperties properties;
  private final Actors actors;
  private final ObjectMapper json;
  private final Clock clock;

  OpenBadgesController(CredentialRegister credentials, OpenBadges openBadges, CredentialSigner signer,
      CredentialVerifier verifier, CredentialRevocations revocations, SigningKeys keys, CredentialProperties properties,
      Actors actors, ObjectMapper json, Clock clock) {
    this.credentials = credentials;
    this.openBadges = openBadges;
    this.signer = signer;
    this.verifier = verifier;
    this.revocations = revocations;
    this.keys = keys;
    this.properties = properties;
    this.actors = actors;
    this.json = json;
    this.clock = clock;
  }

  /** The signed credential: JSON-LD with its VC-JWT proof, or the bare VC-JWT for {@code Accept: application/vc+jwt}. */
  @GetMapping("/api/credentials/{id}")
  ResponseEntity<?> download(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    Credential credential = credentials.find(id)
        .orElseThrow(() -> RuleViolation.notFound("known-credential", "No credential " + id + "."));
    Map<String, Object> document = openBadges.credential(credential);
    if (accept != null && (accept.contains("application/vc+jwt") || accept.contains("application/jwt"))) {
      return ResponseEntity.ok().contentType(VC_JWT).body(signer.jwt(document));
    }
    return ResponseEntity.ok().contentType(LD_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"credential-" + id + ".json\"")
        .body(signer.signedDocument(document));
  }

  /** Public: checks signature, schema, validity dates and revocation, and names the check that failed. */
  @PostMapping("/api/credentials/verify")
  CredentialVerifier.Verification verify(@RequestBody String body) {
    return verifier.verify(read(body));
  }

  @PostMapping("/api/credentials/{id}/revoke")
  CredentialView revoke(@PathVariable String id, @RequestBody(required = false) RevokeRequest request) {
    String admin = actors.requireAdministrator("revoke a credential");
    Credential revoked = revocations.revoke(id, request == null ? null : request.reason(), admin);
    return CredentialView.of(revoked, OffsetDateTime.now(clock));
  }

  /** Admin: who revoked the credential, when and why. */
  @GetMapping("/api/credentials/{id}/revocations")
  List<CredentialRevocations.Revocation> revocationTrail(@PathVariable String id) {
    actors.requireAdministrator("read the revocation audit trail");
    credentials.find(id).orElseThrow(() -> RuleViolation.notFound("known-credential", "No credential " + id + "."));
    return revocations.trail(id);
  }

  /** Public: the 1EdTech revocation list every credential's {@code credentialStatus} points to. */
  @GetMapping("/api/credentials/revocations")
  Map<String, Object> revocationList() {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("id", properties.revocationListUrl());
    list.put("issuer", properties.issuerId());
    list.put("revokedCredentials", revocations.all().stream().map(revocation -> Map.of(
        "id", properties.credentialUrl(revocation.credentialId()),
        "revoked", true,
        "revocationReason", revocation.reason())).toList());
    return list;
  }

  /** Public: the organisation's issuer Profile, naming where its public keys are. */
  @GetMapping(value = "/api/issuer", produces = "application/ld+json")
  Map<String, Object> issuer() {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("@context", List.of(OpenBadges.VC_CONTEXT, OpenBadges.OB_CONTEXT));
    profile.putAll(openBadges.issuer());
    profile.put("jwks_uri", properties.jwksUrl());
    profile.put("publicKey", keys.publicKeys().toJSONObject(true).get("keys"));
    return profile;
  }

  /** Public: every signing key, active and retired (a rotation keeps old credentials verifiable). */
  @GetMapping("/api/issuer/jwks")
  ResponseEntity<Map<String, Object>> jwks() {
    return ResponseEntity.ok().contentType(JWK_SET).body(keys.publicKeys().toJSONObject(true));
  }

  private JsonNode read(String body) {
    String text = body == null ? "" : body.strip();
    if (text.startsWith("{") || text.startsWith("\"")) {
      try {
        return json.readTree(text);
      } catch (JsonProcessingException e) {
        throw RuleViolation.invalid("credential-format", "The body is not JSON: " + e.getOriginalMessage());
      }
    }
    return TextNode.valueOf(text);
  }
}
