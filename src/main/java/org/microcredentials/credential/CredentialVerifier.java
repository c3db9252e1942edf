package org.microcredentials.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.microcredentials.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Verifies a credential as issued, without trusting anything the document says about itself:
 * the signature (a Data Integrity proof or a VC-JWT, with the issuer's published keys; embedded
 * endorsements' own proofs), the Open Badges 3.0 schema, the validity dates and the status (the
 * Bitstring Status List, or the 1EdTech revocation list of credentials downloaded before it). Every check is made; the first that fails names the reason.
 */
@Component
public class CredentialVerifier {

  public enum Check {
    FORMAT("format"), SIGNATURE("signature"), SCHEMA("schema"), VALIDITY_DATES("validity-dates"),
    REVOCATION("revocation");

    private final String checkName;

    Check(String checkName) {
      this.checkName = checkName;
    }

    public String checkName() {
      return checkName;
    }
  }

  public record CheckResult(String check, boolean passed, String detail) {
  }

  /** The answer of {@code POST /api/credentials/verify}. */
  public record Verification(boolean verified, String credentialId, String failedCheck, String reason,
      List<CheckResult> checks) {
  }

  private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256);
  /** The registered claims a VC-JWT adds to the credential it carries as its payload. */
  private static final Set<String> JWT_CLAIMS = Set.of("iss", "jti", "nbf", "exp", "sub", "iat", "aud");

  /** What was submitted, read: the credential document and how it is signed. */
  private record Submission(JsonNode document, SignedJWT jwt, JsonNode dataIntegrityProof, boolean legacyJwt) {
  }

  private final SigningKeys keys;
  private final OpenBadgeSchemas schemas;
  private final CredentialRegister credentials;
  private final CredentialStatusList statusList;
  private final DataIntegrity dataIntegrity;
  private final CredentialProperties properties;
  private final VerifierLimits limits;
  private final ObjectMapper json;
  private final Clock clock;

  CredentialVerifier(SigningKeys keys, OpenBadgeSchemas schemas, CredentialRegister credentials,
      CredentialStatusList statusList, DataIntegrity dataIntegrity, CredentialProperties properties,
      VerifierLimits limits, ObjectMapper json, Clock clock) {
    this.limits = limits;
    this.keys = keys;
    this.schemas = schemas;
    this.credentials = credentials;
    this.statusList = statusList;
    this.dataIntegrity = dataIntegrity;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Verifies what a client sends: the JSON-LD document as issued (its {@code proof} a Data Integrity
   * proof, or, downloaded before the Data Integrity proofs, a VC-JWT), or the compact VC-JWT itself (as a JSON string
   * or the plain body; the credential as its payload, or in a {@code vc} claim in earlier downloads).
   * A document past {@link VerifierLimits} is refused ({@link RuleViolation}), not judged.
   */
  public Verification verify(JsonNode submitted) {
    withinNestingDepth(submitted);
    List<CheckResult> checks = new ArrayList<>();
    Optional<Submission> read = read(submitted, checks);
    if (read.isEmpty()) {
      return answer(null, checks);
    }
    JsonNode document = read.get().document();
    withinNestingDepth(document);
    checks.add(new CheckResult(Check.FORMAT.checkName(), true, read.get().dataIntegrityProof() != null
        ? "An Open Badges credential with a Data Integrity proof." : "A VC-JWT carrying an Open Badges credential."));
    checks.add(signature(read.get(), submitted));
    checks.add(schema(submitted.isObject() ? submitted : document));
    checks.add(validityDates(document));
    String credentialId = credentialId(document);
    checks.add(revocation(credentialId, document.path("credentialStatus")));
    return answer(credentialId, checks);
  }

  /**
   * Every later step (copies, JSON-LD, the schema) walks the document recursively: a document nested a
   * thousand deep is refused here, walked without recursion, before any of them runs.
   */
  private void withinNestingDepth(JsonNode document) {
    if (document == null) {
      return;
    }
    Deque<JsonNode> level = new ArrayDeque<>();
    level.add(document);
    int depth = 0;
    while (!level.isEmpty()) {
      depth++;
      if (depth > limits.maxNestingDepth()) {
        throw RuleViolation.invalid("verifier-nesting-depth", "The credential nests objects and arrays more than "
            + limits.maxNestingDepth() + " deep; every credential we issue nests less.");
      }
      Deque<JsonNode> next = new ArrayDeque<>();
      for (JsonNode node : level) {
        node.forEach(child -> {
          if (child.isContainerNode()) {
            next.add(child);
          }
        });
      }
      level = next;
    }
  }

  private Optional<Submission> read(JsonNode submitted, List<CheckResult> checks) {
    String compact = null;
    if (submitted != null && submitted.isTextual()) {
      compact = submitted.asText().strip();
    } else if (submitted != null && submitted.isObject()) {
      JsonNode proofs = submitted.path("proof");
      for (JsonNode proof : proofs.isArray() ? proofs : List.of(proofs)) {
        if (DataIntegrity.PROOF_TYPE.equals(proof.path("type").asText())
            && DataIntegrity.CRYPTOSUITE.equals(proof.path("cryptosuite").asText())) {
          ObjectNode document = ((ObjectNode) submitted).deepCopy();
          document.remove("proof");
          return Optional.of(new Submission(document, null, proof, false));
        }
        if (CredentialSigner.JWT_PROOF_TYPE.equals(proof.path("type").asText()) && proof.path("jwt").isTextual()) {
          compact = proof.path("jwt").asText();
        }
      }
      if (compact == null) {
        checks.add(new CheckResult(Check.FORMAT.checkName(), false, "The credential carries no "
            + DataIntegrity.PROOF_TYPE + " (" + DataIntegrity.CRYPTOSUITE + ") or " + CredentialSigner.JWT_PROOF_TYPE
            + " proof: it is not signed by us."));
        return Optional.empty();
      }
    }
    if (compact == null) {
      checks.add(new CheckResult(Check.FORMAT.checkName(), false,
          "Send the credential as issued: its JSON-LD document or its VC-JWT."));
      return Optional.empty();
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(compact);
    } catch (ParseException e) {
      checks.add(new CheckResult(Check.FORMAT.checkName(), false,
          "The VC-JWT is not a signed JWT (base64url header, payload and signature, separated by dots)."));
      return Optional.empty();
    }
    try {
      Map<String, Object> payload = jwt.getJWTClaimsSet().toJSONObject();
      boolean legacy = payload.get("vc") instanceof Map<?, ?>;
      JsonNode document = json.readTree(json.writeValueAsString(legacy ? payload.get("vc") : payload));
      if (!legacy) {
        JWT_CLAIMS.forEach(((ObjectNode) document)::remove);
      }
      if (!document.path("type").toString().contains("\"VerifiableCredential\"")) {
        checks.add(new CheckResult(Check.FORMAT.checkName(), false, "The VC-JWT carries no verifiable credential."));
        return Optional.empty();
      }
      return Optional.of(new Submission(document, jwt, null, legacy));
    } catch (ParseException | JsonProcessingException | RuntimeException e) {
      checks.add(new CheckResult(Check.FORMAT.checkName(), false, "The VC-JWT has no readable payload."));
      return Optional.empty();
    }
  }

  private CheckResult signature(Submission submission, JsonNode submitted) {
    String name = Check.SIGNATURE.checkName();
    Optional<String> failure = submission.jwt() != null
        ? jwtFailure(submission, submitted)
        : dataIntegrityFailure(submission.document(), submission.dataIntegrityProof(), properties::multikeyUrl);
    if (failure.isEmpty() && !submission.legacyJwt()) {
      failure = endorsementFailure(submission.document());
    }
    if (failure.isPresent()) {
      return new CheckResult(name, false, failure.get());
    }
    return new CheckResult(name, true, submission.jwt() != null
        ? "Signed by the issuer with key '" + kid(submission.jwt()) + "' (RS256)."
        : "Signed by the issuer with key '" + submission.dataIntegrityProof().path("verificationMethod").asText()
            + "' (" + DataIntegrity.CRYPTOSUITE + ").");
  }

  private Optional<String> jwtFailure(Submission submission, JsonNode submitted) {
    SignedJWT jwt = submission.jwt();
    if (!ACCEPTED.contains(jwt.getHeader().getAlgorithm())) {
      return Optional.of("Algorithm " + jwt.getHeader().getAlgorithm() + " is not accepted (RS256 only).");
    }
    String kid = kid(jwt);
    Optional<RSAKey> key = kid == null ? Optional.empty() : keys.publicKey(kid);
    if (key.isEmpty()) {
      return Optional.of("The signing key '" + jwt.getHeader().getKeyID() + "' is not one of the issuer's keys ("
          + properties.jwksUrl() + ").");
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(key.get()))) {
        return Optional.of("The signature does not match the credential: it was altered or signed with another key than '"
            + kid + "'.");
      }
    } catch (JOSEException e) {
      return Optional.of("The signature could not be checked with key '" + kid + "'.");
    }
    JsonNode document = submission.document();
    if (!submission.legacyJwt()) {
      try {
        Map<String, Object> claims = jwt.getJWTClaimsSet().toJSONObject();
        String subject = document.path("credentialSubject").path("id").asText(null);
        if (!document.path("issuer").path("id").asText("").equals(claims.get("iss"))
            || !document.path("id").asText("").equals(claims.get("jti"))
            || subject != null && !subject.equals(claims.get("sub"))) {
          return Optional.of("The VC-JWT's iss, jti or sub disagree with the credential's issuer, id or subject.");
        }
      } catch (ParseException e) {
        return Optional.of("The VC-JWT has no readable claims.");
      }
    }
    if (submitted.isObject()) {
      ObjectNode unsigned = ((ObjectNode) submitted).deepCopy();
      unsigned.remove("proof");
      if (!unsigned.equals(document)) {
        return Optional.of("The document differs from what its VC-JWT signs: it was altered after signing.");
      }
    }
    return Optional.empty();
  }

  /** Checks one Data Integrity proof; {@code verificationMethodOf} gives the URL a key of ours has for the signer. */
  @SuppressWarnings("unchecked")
  private Optional<String> dataIntegrityFailure(JsonNode unsignedDocument, JsonNode proof,
      Function<String, String> verificationMethodOf) {
    String verificationMethod = proof.path("verificationMethod").asText("");
    Optional<Ed25519Key> key = keys.publishedEd25519().stream()
        .filter(candidate -> verificationMethodOf.apply(candidate.id()).equals(verificationMethod)).findFirst();
    if (key.isEmpty()) {
      return Optional.of("The verification method '" + verificationMethod + "' is not one of the issuer's keys ("
          + properties.issuerId() + ").");
    }
    if (!"assertionMethod".equals(proof.path("proofPurpose").asText())) {
      return Optional.of("The proof's purpose is not assertionMethod.");
    }
    Map<String, Object> document = json.convertValue(unsignedDocument, Map.class);
    Map<String, Object> proofMap = json.convertValue(proof, Map.class);
    if (!dataIntegrity.verifies(document, proofMap, key.get().publicKey())) {
      return Optional.of("The signature does not match the credential: it was altered after signing or signed with "
          + "another key than '" + verificationMethod + "'.");
    }
    return Optional.empty();
  }

  /** Every endorsement carries its own Data Integrity proof, made with the organisation's key for its endorser. */
  private Optional<String> endorsementFailure(JsonNode document) {
    for (JsonNode endorsement : document.path("endorsement")) {
      String endorserId = endorsement.path("issuer").path("id").asText("");
      String userId = endorserId.substring(endorserId.lastIndexOf('/') + 1);
      if (!endorserId.equals(properties.endorserId(userId))) {
        return Optional.of("The endorsement's issuer '" + endorserId + "' is not an endorser known to the issuer.");
      }
      JsonNode proof = StreamSupport.stream(endorsement.path("proof").spliterator(), false)
          .filter(candidate -> DataIntegrity.PROOF_TYPE.equals(candidate.path("type").asText())).findFirst()
          .orElse(null);
      if (proof == null) {
        return Optional.of("The endorsement by '" + endorserId + "' carries no Data Integrity proof.");
      }
      ObjectNode unsigned = ((ObjectNode) endorsement).deepCopy();
      unsigned.remove("proof");
      Optional<String> failure = dataIntegrityFailure(unsigned, proof,
          keyId -> properties.endorserMultikeyUrl(userId, keyId));
      if (failure.isPresent()) {
        return Optional.of("The endorsement: " + failure.get());
      }
    }
    return Optional.empty();
  }

  /** The key id of a VC-JWT: the thumbprint, given as the URL of the JWK (or bare, in earlier downloads). */
  private String kid(SignedJWT jwt) {
    String kid = jwt.getHeader().getKeyID();
    String prefix = properties.jwkUrl("");
    return kid != null && kid.startsWith(prefix) ? kid.substring(prefix.length()) : kid;
  }

  private CheckResult schema(JsonNode document) {
    List<String> violations = schemas.violations(document);
    return violations.isEmpty()
        ? new CheckResult(Check.SCHEMA.checkName(), true, "Valid against the Open Badges 3.0 AchievementCredential schema.")
        : new CheckResult(Check.SCHEMA.checkName(), false,
            "Not a valid Open Badges 3.0 AchievementCredential: " + String.join("; ", violations));
  }

  private CheckResult validityDates(JsonNode document) {
    String name = Check.VALIDITY_DATES.checkName();
    Instant now = clock.instant();
    try {
      Instant validFrom = Instant.parse(document.path("validFrom").asText());
      if (now.isBefore(validFrom)) {
        return new CheckResult(name, false, "Not valid yet: valid from " + validFrom + ".");
      }
      if (document.hasNonNull("validUntil")) {
        Instant validUntil = Instant.parse(document.path("validUntil").asText());
        if (!now.isBefore(validUntil)) {
          return new CheckResult(name, false, "Expired: valid until " + validUntil + ".");
        }
        return new CheckResult(name, true, "Valid from " + validFrom + " until " + validUntil + ".");
      }
      return new CheckResult(name, true, "Valid from " + validFrom + ".");
    } catch (DateTimeParseException e) {
      return new CheckResult(name, false, "validFrom/validUntil are not timestamps.");
    }
  }

  private CheckResult revocation(String credentialId, JsonNode credentialStatus) {
    String name = Check.REVOCATION.checkName();
    Optional<Credential> credential = credentialId == null ? Optional.empty() : credentials.find(credentialId);
    if (credential.isEmpty()) {
      return new CheckResult(name, false, "The issuer has no record of this credential, so its status is unknown.");
    }
    String type = credentialStatus.path("type").asText();
    if (CredentialStatusList.ENTRY_TYPE.equals(type)) {
      return bitstringStatus(credentialStatus);
    }
    if (!OpenBadges.REVOCATION_LIST_TYPE.equals(type)) {
      return new CheckResult(name, false, "The credential's status '" + type + "' is not one the issuer publishes.");
    }
    if (credential.get().revoked()) {
      return new CheckResult(name, false, "Revoked by the issuer: " + credential.get().revocationReason());
    }
    return new CheckResult(name, true, "Not revoked (" + properties.revocationListUrl() + ").");
  }

  /** The bit of the credential's entry in our Bitstring Status List, as the published list has it. */
  private CheckResult bitstringStatus(JsonNode entry) {
    String name = Check.REVOCATION.checkName();
    String listUrl = entry.path("statusListCredential").asText("");
    String prefix = properties.statusListUrl(0).substring(0, properties.statusListUrl(0).length() - 1);
    int list;
    int index;
    try {
      list = Integer.parseInt(listUrl.startsWith(prefix) ? listUrl.substring(prefix.length()) : "-1");
      index = Integer.parseInt(entry.path("statusListIndex").asText());
    } catch (NumberFormatException e) {
      return new CheckResult(name, false, "The credential's status entry names no list and index of the issuer.");
    }
    if (list < 0 || index < 0 || index >= CredentialStatusList.LIST_SIZE
        || !CredentialStatusList.PURPOSE.equals(entry.path("statusPurpose").asText())) {
      return new CheckResult(name, false, "The credential's status entry names no revocation list of the issuer.");
    }
    byte[] bits = statusList.bits(list);
    if ((bits[index / 8] & (0x80 >>> (index % 8))) != 0) {
      String reason = statusList.credentialAt(list, index).flatMap(credentials::find).map(Credential::revocationReason)
          .orElse("bit " + index + " of " + listUrl + " is set");
      return new CheckResult(name, false, "Revoked by the issuer: " + reason);
    }
    return new CheckResult(name, true, "Not revoked (bit " + index + " of " + listUrl + ").");
  }

  private String credentialId(JsonNode document) {
    String id = document.path("id").asText("");
    String prefix = properties.credentialUrl("");
    if (id.startsWith(prefix)) {
      return id.substring(prefix.length());
    }
    int slash = id.lastIndexOf('/');
    return slash < 0 ? null : id.substring(slash + 1);
  }

  private static Verification answer(String credentialId, List<CheckResult> checks) {
    Optional<CheckResult> failed = checks.stream().filter(check -> !check.passed()).findFirst();
    return new Verification(failed.isEmpty(), credentialId, failed.map(CheckResult::check).orElse(null),
        failed.map(CheckResult::detail).orElse(null), List.copyOf(checks));
  }

}
