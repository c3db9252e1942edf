package org.microcredentials.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Signs an Open Badges 3.0 credential in its two forms. JSON-LD: a {@code proof} array with a Data
 * Integrity proof ({@code DataIntegrityProof}, {@code eddsa-rdfc-2022}, Ed25519), what the DCC's
 * wallet and verifiers accept. VC-JWT (OB 3.0, "JSON Web Token Proof Format"): RS256, a header of
 * exactly {@code alg}, {@code kid} (the URL of the JWK) and {@code typ}, the credential itself as the
 * payload with {@code iss}, {@code jti}, {@code nbf}, {@code exp} and {@code sub}. Embedded
 * endorsements carry their own Data Integrity proof in both forms.
 */
@Component
public class CredentialSigner {

  /** The proof type of JSON-LD downloads made before the Data Integrity proofs: a VC-JWT in {@code proof[0].jwt}. Still verified. */
  public static final String JWT_PROOF_TYPE = "JwtProof2020";

  private final SigningKeys keys;
  private final CredentialProperties properties;
  private final DataIntegrity dataIntegrity;
  private final Clock clock;

  CredentialSigner(SigningKeys keys, CredentialProperties properties, DataIntegrity dataIntegrity, Clock clock) {
    this.keys = keys;
    this.properties = properties;
    this.dataIntegrity = dataIntegrity;
    this.clock = clock;
  }

  /** The compact VC-JWT of the credential (its endorsements signed inside). */
  public String jwt(Map<String, Object> credential) {
    return sign(withSignedEndorsements(credential), keys.active(), properties, clock.instant());
  }

  /** The credential as issued in JSON-LD: the document and its Data Integrity proof by the organisation. */
  public Map<String, Object> signedDocument(Map<String, Object> credential) {
    return prove(withSignedEndorsements(credential), properties.multikeyUrl(keys.activeEd25519().id()));
  }

  /** Any document of the organisation (the status list credential) with its Data Integrity proof. */
  public Map<String, Object> prove(Map<String, Object> document, String verificationMethod) {
    Map<String, Object> signed = new LinkedHashMap<>(document);
    signed.put("proof", new ArrayList<>(List.of(dataIntegrity.prove(document, verificationMethod, now(),
        keys.activeEd25519().privateKey()))));
    return signed;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> withSignedEndorsements(Map<String, Object> credential) {
    if (!(credential.get("endorsement") instanceof List<?> endorsements)) {
      return credential;
    }
    Map<String, Object> withSigned = new LinkedHashMap<>(credential);
    withSigned.put("endorsement", endorsements.stream().map(endorsement -> {
      Map<String, Object> unsigned = (Map<String, Object>) endorsement;
      String endorserId = (String) ((Map<String, Object>) unsigned.get("issuer")).get("id");
      String userId = endorserId.substring(endorserId.lastIndexOf('/') + 1);
      return prove(unsigned, properties.endorserMultikeyUrl(userId, keys.activeEd25519().id()));
    }).toList());
    return withSigned;
  }

  static String sign(Map<String, Object> credential, RSAKey key, CredentialProperties properties, Instant now) {
    try {
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
          .type(JOSEObjectType.JWT)
          .keyID(properties.jwkUrl(key.getKeyID()))
          .build();
      JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
      credential.forEach(claims::claim);
      claims.issuer(properties.issuerId()).jwtID((String) credential.get("id"));
      if (credential.get("credentialSubject") instanceof Map<?, ?> subject && subject.get("id") instanceof String subjectId) {
        claims.subject(subjectId);
      }
      if (credential.get("validFrom") instanceof String validFrom) {
        claims.notBeforeTime(Date.from(Instant.parse(validFrom)));
      }
      if (credential.get("validUntil") instanceof String validUntil) {
        claims.expirationTime(Date.from(Instant.parse(validUntil)));
      }
      SignedJWT jwt = new SignedJWT(header, claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign the credential", e);
    }
  }

  private String now() {
    return OpenBadges.timestamp(clock.instant().atOffset(ZoneOffset.UTC));
  }
}
