package org.microcredentials.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
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
 * Signs an Open Badges 3.0 credential as a VC-JWT (OB 3.0, "JSON Web Token Proof Format"):
 * RS256, the key's id in the header, the credential in the {@code vc} claim and its id, issuer
 * and dates in the registered claims.
 */
@Component
public class CredentialSigner {

  /** The proof type of the JSON form: the VC-JWT carried in {@code proof[0].jwt}. */
  public static final String PROOF_TYPE = "JwtProof2020";

  private final SigningKeys keys;
  private final CredentialProperties properties;
  private final Clock clock;

  CredentialSigner(SigningKeys keys, CredentialProperties properties, Clock clock) {
    this.keys = keys;
    this.properties = properties;
    this.clock = clock;
  }

  /** The compact VC-JWT of the credential. */
  public String jwt(Map<String, Object> credential) {
    return sign(credential, keys.active());
  }

  /**
   * The credential as issued in JSON-LD: the document itself, and a proof that carries its VC-JWT
   * (whose payload is exactly the document without the proof).
   */
  public Map<String, Object> signedDocument(Map<String, Object> credential) {
    RSAKey key = keys.active();
    Map<String, Object> signed = new LinkedHashMap<>(credential);
    Map<String, Object> proof = new LinkedHashMap<>();
    proof.put("type", PROOF_TYPE);
    proof.put("created", OpenBadges.timestamp(clock.instant().atOffset(ZoneOffset.UTC)));
    proof.put("proofPurpose", "assertionMethod");
    proof.put("verificationMethod", properties.jwksUrl() + "#" + key.getKeyID());
    proof.put("jwt", sign(credential, key));
    signed.put("proof", new ArrayList<>(List.of(proof)));
    return signed;
  }

  static String sign(Map<String, Object> credential, RSAKey key, CredentialProperties properties, Instant now) {
    try {
      JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
          .type(JOSEObjectType.JWT)
          .keyID(key.getKeyID())
          .jwkURL(URI.create(properties.jwksUrl()))
          .build();
      JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
          .issuer(properties.issuerId())
          .jwtID((String) credential.get("id"))
          .issueTime(Date.from(now))
          .claim("vc", credential);
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

  private String sign(Map<String, Object> credential, RSAKey key) {
    return sign(credential, key, properties, clock.instant());
  }
}
