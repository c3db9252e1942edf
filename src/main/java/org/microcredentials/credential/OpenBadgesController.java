package org.microcredentials.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.nimbusds.jose.jwk.RSAKey;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Actors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Credentials as signed Open Badges 3.0: download, verification, revocation, and what a verifier
 * needs without an account (issuer profile, published keys, status lists).
 */
@RestController
class OpenBadgesController {

  static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");
  static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");
  static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");
  static final MediaType JWK = MediaType.parseMediaType("application/jwk+json");

  record RevokeRequest(String reason) {
  }

  private final CredentialRegister credentials;
  private final OpenBadges openBadges;
  private final CredentialSigner signer;
  private final CredentialVerifier verifier;
  private final CredentialRevocations revocations;
  private final CredentialStatusList statusList;
  private final SignedStatusLists signedStatusLists;
  private final Organisation organisation;
  private final SigningKeys keys;
  private final CredentialProperties properties;
  private final VerifierLimits limits;
  private final Actors actors;
  private final ObjectMapper json;
  private final ObjectMapper verifierJson;
  private final Clock clock;

  OpenBadgesController(CredentialRegister credentials, OpenBadges openBadges, CredentialSigner signer,
      CredentialVerifier verifier, CredentialRevocations revocations, CredentialStatusList statusList,
      SignedStatusLists signedStatusLists, Organisation organisation, SigningKeys keys, CredentialProperties properties, VerifierLimits limits, Actors actors,
      ObjectMapper json, Clock clock) {
    this.limits = limits;
    this.statusList = statusList;
    this.signedStatusLists = signedStatusLists;
    this.organisation = organisation;
    this.credentials = credentials;
    this.openBadges = openBadges;
    this.signer = signer;
    this.verifier = verifier;
    this.revocations = revocations;
    this.keys = keys;
    this.properties = properties;
    this.actors = actors;
    this.json = json;
    this.verifierJson = json.copy();
    verifierJson.getFactory().setStreamReadConstraints(
        StreamReadConstraints.builder().maxNestingDepth(limits.maxNestingDepth()).build());
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

  /**
   * Public: checks signature, schema, validity dates and revocation, and names the check that failed.
   * The body is read up to {@link VerifierLimits#maxDocumentBytes()} and no further: anyone may call this.
   */
  @PostMapping("/api/credentials/verify")
  CredentialVerifier.Verification verify(HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readNBytes(limits.maxDocumentBytes() + 1);
    if (body.length > limits.maxDocumentBytes()) {
      throw RuleViolation.invalid("verifier-document-size", "The credential is longer than " + limits.maxDocumentBytes()
          + " bytes; a credential we issue is a few kilobytes.");
    }
    return verifier.verify(read(new String(body, StandardCharsets.UTF_8)));
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

  /**
   * Public: the 1EdTech revocation list that credentials downloaded before the Bitstring Status List name in their
   * {@code credentialStatus}; new ones use the Bitstring Status List.
   */
  @GetMapping("/api/credentials/revocations")
  Map<String, Object> revocationList() {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("id", properties.revocationListUrl());
    list.put("issuer", properties.issuerId());
    list.put("revokedCredential", revocations.all().stream().map(revocation -> Map.of(
        "id", properties.credentialUrl(revocation.credentialId()),
        "revoked", true,
        "revocationReason", revocation.reason())).toList());
    return list;
  }

  /**
   * Public: a W3C {@code BitstringStatusListCredential}, signed with a Data Integrity proof when the list last changed
   * ({@link SignedStatusLists}). Verifiers and caches may keep it for its {@code ttl} and revalidate with its ETag
   * (304 while the list is unchanged).
   */
  @GetMapping("/api/credentials/status/{list}")
  ResponseEntity<String> statusList(@PathVariable int list, WebRequest request) {
    if (!statusList.exists(list)) {
      throw RuleViolation.notFound("known-status-list", "No status list " + list + ".");
    }
    SignedStatusLists.Signed signed = signedStatusLists.current(list);
    CacheControl cache = CacheControl.maxAge(CredentialStatusList.TTL).cachePublic();
    if (request.checkNotModified(signed.etag())) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(signed.etag()).cacheControl(cache).build();
    }
    return ResponseEntity.ok().contentType(LD_JSON).eTag(signed.etag()).cacheControl(cache)
        .lastModified(signed.validFrom()).body(signed.document());
  }

  /**
   * Public: the organisation's issuer Profile as a controller document (DID v1 context first, so
   * that verifiers read {@code assertionMethod} without framing): every Ed25519 key ever used.
   */
  @GetMapping(value = "/api/issuer", produces = "application/ld+json")
  Map<String, Object> issuer() {
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("@context", List.of(JsonLdContexts.DID_V1, OpenBadges.VC_CONTEXT, OpenBadges.OB_CONTEXT));
    profile.putAll(openBadges.issuer());
    profile.put("assertionMethod", keys.publishedEd25519().stream().map(key -> properties.multikeyUrl(key.id())).toList());
    return profile;
  }

  /** Public: one Ed25519 key as a {@code Multikey}, at the URL the Data Integrity proofs name. */
  @GetMapping(value = "/api/issuer/keys/{keyId}", produces = "application/ld+json")
  Map<String, Object> multikey(@PathVariable String keyId) {
    return multikey(properties.multikeyUrl(keyId), properties.issuerId(), knownKey(keyId));
  }

  /**
   * Public: an endorser's Profile, the controller document of the keys that sign their
   * endorsements (the organisation's, held for them). Only for engineers who endorsed a credential.
   */
  @GetMapping(value = "/api/issuer/endorsers/{userId}", produces = "application/ld+json")
  Map<String, Object> endorser(@PathVariable String userId) {
    Engineer endorser = knownEndorser(userId);
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("@context", List.of(JsonLdContexts.DID_V1, OpenBadges.VC_CONTEXT, OpenBadges.OB_CONTEXT));
    profile.put("id", properties.endorserId(userId));
    profile.put("type", List.of("Profile"));
    profile.put("name", endorser.displayName());
    profile.put("assertionMethod", keys.publishedEd25519().stream()
        .map(key -> properties.endorserMultikeyUrl(userId, key.id())).toList());
    return profile;
  }

  @GetMapping(value = "/api/issuer/endorsers/{userId}/keys/{keyId}", produces = "application/ld+json")
  Map<String, Object> endorserMultikey(@PathVariable String userId, @PathVariable String keyId) {
    knownEndorser(userId);
    return multikey(properties.endorserMultikeyUrl(userId, keyId), properties.endorserId(userId), knownKey(keyId));
  }

  /** Public: every RSA signing key, active and retired (a rotation keeps old credentials verifiable). */
  @GetMapping("/api/issuer/jwks")
  ResponseEntity<Map<String, Object>> jwks() {
    return ResponseEntity.ok().contentType(JWK_SET).body(keys.publicKeys().toJSONObject(true));
  }

  /** Public: one RSA key as a JWK, at the URL a VC-JWT's {@code kid} names. */
  @GetMapping("/api/issuer/jwks/{kid}")
  ResponseEntity<Map<String, Object>> jwk(@PathVariable String kid) {
    RSAKey key = keys.publicKey(kid)
        .orElseThrow(() -> RuleViolation.notFound("known-key", "No signing key " + kid + "."));
    return ResponseEntity.ok().contentType(JWK).body(key.toPublicJWK().toJSONObject());
  }

  private Ed25519Key knownKey(String keyId) {
    return keys.publishedEd25519(keyId)
        .orElseThrow(() -> RuleViolation.notFound("known-key", "No signing key " + keyId + "."));
  }

  private Engineer knownEndorser(String userId) {
    return organisation.find(userId).filter(engineer -> credentials.isEndorser(userId))
        .orElseThrow(() -> RuleViolation.notFound("known-endorser", "No endorser " + userId + "."));
  }

  private static Map<String, Object> multikey(String id, String controller, Ed25519Key key) {
    Map<String, Object> multikey = new LinkedHashMap<>();
    multikey.put("@context", JsonLdContexts.MULTIKEY_V1);
    multikey.put("id", id);
    multikey.put("type", "Multikey");
    multikey.put("controller", controller);
    multikey.put("publicKeyMultibase", key.id());
    return multikey;
  }

  /**
   * The body as JSON, parsed no deeper than the verifier's limit (Jackson stops at it, before building
   * anything). The refusal names where the JSON broke, never the parser's own message: that names its
   * classes and settings.
   */
  private JsonNode read(String body) {
    String text = body == null ? "" : body.strip();
    if (text.startsWith("{") || text.startsWith("\"")) {
      try {
        return verifierJson.readTree(text);
      } catch (StreamConstraintsException tooDeep) {
        throw RuleViolation.invalid("verifier-nesting-depth", "The credential nests objects and arrays more than "
            + limits.maxNestingDepth() + " deep, or holds a number or name past the verifier's limits.");
      } catch (JsonProcessingException e) {
        throw RuleViolation.invalid("credential-format", "The body is not JSON (line " + e.getLocation().getLineNr()
            + ", column " + e.getLocation().getColumnNr() + ").");
      }
    }
    return TextNode.valueOf(text);
  }
}
