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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Verifies a credential as issued, without trusting anything the document says about itself:
 * the signature (with the issuer's published keys), the Open Badges 3.0 schema, the validity
 * dates and the revocation list. Every check is made; the first that fails names the reason.
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

  private final SigningKeys keys;
  private final OpenBadgeSchemas schemas;
  private final CredentialRegister credentials;
  private final CredentialProperties properties;
  private final ObjectMapper json;
  private final Clock clock;

  CredentialVerifier(SigningKeys keys, OpenBadgeSchemas schemas, CredentialRegister credentials,
      CredentialProperties properties, ObjectMapper json, Clock clock) {
    this.keys = keys;
    this.schemas = schemas;
    this.credentials = credentials;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Verifies what a client sends: the JSON-LD document as issued (its {@code proof} carries the
   * VC-JWT), or the compact VC-JWT itself (as a JSON string or the plain body).
   */
  public Verification verify(JsonNode submitted) {
    List<CheckResult> checks = new ArrayList<>();
    Optional<SignedJWT> jwt = readJwt(submitted, checks);
    if (jwt.isEmpty()) {
      return answer(null, checks);
    }
    JsonNode document;
    try {
      document = json.readTree(json.writeValueAsString(jwt.get().getJWTClaimsSet().getJSONObjectClaim("vc")));
    } catch (ParseException | JsonProcessingException | RuntimeException e) {
      checks.add(new CheckResult(Check.FORMAT.checkName(), false, "The VC-JWT has no readable 'vc' claim."));
      return answer(null, checks);
    }
    if (document == null || !document.isObject()) {
      checks.add(new CheckResult(Check.FORMAT.checkName(), false, "The VC-JWT has no 'vc' claim."));
      return answer(null, checks);
    }
    checks.add(new CheckResult(Check.FORMAT.checkName(), true, "A VC-JWT carrying an Open Badges credential."));
    checks.add(signature(jwt.get(), submitted, document));
    checks.add(schema(document));
    checks.add(validityDates(document));
    String credentialId = credentialId(document);
    checks.add(revocation(credentialId));
    return answer(credentialId, checks);
  }

  private Optional<SignedJWT> readJwt(JsonNode submitted, List<CheckResult> checks) {
    String compact = null;
    if (submitted != null && submitted.isTextual()) {
      compact = submitted.asText().strip();
    } else if (submitted != null && submitted.isObject()) {
      for (JsonNode proof : submitted.path("proof").isArray() ? submitted.path("proof") : List.of(submitted.path("proof"))) {
        if (CredentialSigner.PROOF_TYPE.equals(proof.path("type").asText()) && proof.path("jwt").isTextual()) {
          compact = proof.path("jwt").asText();
        }
      }
      if (compact == null) {
        checks.add(new CheckResult(Check.FORMAT.checkName(), false,
            "The credential carries no " + CredentialSigner.PROOF_TYPE + " proof with a VC-JWT: it is not signed by us."));
        return Optional.empty();
      }
    }
    if (compact == null) {
      checks.add(new CheckResult(Check.FORMAT.checkName(), false,
          "Send the credential as issued: its JSON-LD document or its VC-JWT."));
      return Optional.empty();
    }
    try {
      return Optional.of(SignedJWT.parse(compact));
    } catch (ParseException e) {
      checks.add(new CheckResult(Check.FORMAT.checkName(), false, "The VC-JWT is not a signed JWT: " + e.getMessage()));
      return Optional.empty();
    }
  }

  private CheckResult signature(SignedJWT jwt, JsonNode submitted, JsonNode signedDocument) {
    String name = Check.SIGNATURE.checkName();
    if (!ACCEPTED.contains(jwt.getHeader().getAlgorithm())) {
      return new CheckResult(name, false, "Algorithm " + jwt.getHeader().getAlgorithm() + " is not accepted (RS256 only).");
    }
    String kid = jwt.getHeader().getKeyID();
    Optional<RSAKey> key = kid == null ? Optional.empty() : keys.publicKey(kid);
    if (key.isEmpty()) {
      return new CheckResult(name, false, "The signing key '" + kid + "' is not one of the issuer's keys ("
          + properties.jwksUrl() + ").");
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(key.get()))) {
        return new CheckResult(name, false, "The signature does not match the credential: it was altered or signed "
            + "with another key than '" + kid + "'.");
      }
    } catch (JOSEException e) {
      return new CheckResult(name, false, "The signature could not be checked: " + e.getMessage());
    }
    if (submitted.isObject()) {
      ObjectNode unsigned = ((ObjectNode) submitted).deepCopy();
      unsigned.remove("proof");
      if (!unsigned.equals(signedDocument)) {
        return new CheckResult(name, false,
            "The document differs from what its VC-JWT signs: it was altered after signing.");
      }
    }
    return new CheckResult(name, true, "Signed by the issuer with key '" + kid + "' (RS256).");
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

  private CheckResult revocation(String credentialId) {
    String name = Check.REVOCATION.checkName();
    Optional<Credential> credential = credentialId == null ? Optional.empty() : credentials.find(credentialId);
    if (credential.isEmpty()) {
      return new CheckResult(name, false, "The issuer has no record of this credential, so its status is unknown.");
    }
    if (credential.get().revoked()) {
      return new CheckResult(name, false, "Revoked by the issuer: " + credential.get().revocationReason());
    }
    return new CheckResult(name, true, "Not revoked (" + properties.revocationListUrl() + ").");
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
