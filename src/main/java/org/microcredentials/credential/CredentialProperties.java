package org.microcredentials.credential;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How credentials are published and signed (prefix {@code microcredentials.credentials}; the defaults below are
 * the only place they are written, application.yaml maps the environment variables PUBLIC_URL, SIGNING_KEYSTORE, ...
 * onto these names).
 *
 * @param publicUrl where the application is reached from outside: the base of credential, issuer and key ids
 * @param issuerName the organisation's name as issuer of the Open Badges
 * @param keystore a PKCS12 keystore with the signing keys (production); when empty, keys are generated on
 *     first start and kept in the database (the embedded default)
 * @param keystorePassword the keystore's password (and its keys')
 * @param activeKeyAlias the alias that signs new downloads; every other key of the keystore stays published,
 *     so that credentials it signed keep verifying
 * @param activeEd25519KeyAlias the keystore alias of the Ed25519 key pair that makes the Data Integrity
 *     proofs (default: the keystore's first Ed25519 key pair); the others stay published
 * @param remindBeforeLapse how long before a credential lapses for promotion its holder is reminded
 */
@ConfigurationProperties("microcredentials.credentials")
public record CredentialProperties(
    String publicUrl,
    String issuerName,
    String keystore,
    String keystorePassword,
    String activeKeyAlias,
    String activeEd25519KeyAlias,
    Period remindBeforeLapse) {

  public CredentialProperties {
    publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    issuerName = issuerName == null || issuerName.isBlank() ? "Engineering organisation" : issuerName;
    remindBeforeLapse = remindBeforeLapse == null ? Period.ofDays(30) : remindBeforeLapse;
  }

  public static CredentialProperties defaults() {
    return new CredentialProperties(null, null, null, null, null, null, null);
  }

  public boolean usesKeystore() {
    return keystore != null && !keystore.isBlank();
  }

  public String issuerId() {
    return publicUrl + "/api/issuer";
  }

  public String jwksUrl() {
    return publicUrl + "/api/issuer/jwks";
  }

  public String revocationListUrl() {
    return publicUrl + "/api/credentials/revocations";
  }

  /** The JWK of one RSA key: the {@code kid} of a VC-JWT's header. */
  public String jwkUrl(String kid) {
    return jwksUrl() + "/" + kid;
  }

  /** The Multikey of one Ed25519 key: the {@code verificationMethod} of the issuer's Data Integrity proofs. */
  public String multikeyUrl(String keyId) {
    return issuerId() + "/keys/" + keyId;
  }

  /** An endorser's Profile: the controller document naming the keys their endorsements are signed with. */
  public String endorserId(String userId) {
    return issuerId() + "/endorsers/" + userId;
  }

  public String endorserMultikeyUrl(String userId, String keyId) {
    return endorserId(userId) + "/keys/" + keyId;
  }

  public String statusListUrl(int list) {
    return publicUrl + "/api/credentials/status/" + list;
  }

  public String credentialUrl(String credentialId) {
    return publicUrl + "/credentials/" + credentialId;
  }
}
