package org.microcredentials.credential;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How credentials are published and signed (application.yaml, prefix
 * {@code microcredentials.credentials}).
 *
 * @param publicUrl where the application is reached from outside: the base of credential, issuer and key ids
 * @param issuerName the organisation's name as issuer of the Open Badges
 * @param keystore a PKCS12 keystore with the signing keys (production); when empty, keys are generated on
 *     first start and kept in the database (the embedded default)
 * @param keystorePassword the keystore's password (and its keys')
 * @param activeKeyAlias the alias that signs new downloads; every other key of the keystore stays published,
 *     so that credentials it signed keep verifying
 * @param remindBeforeLapse how long before a credential lapses for promotion its holder is reminded
 */
@ConfigurationProperties("microcredentials.credentials")
public record CredentialProperties(
    String publicUrl,
    String issuerName,
    String keystore,
    String keystorePassword,
    String activeKeyAlias,
    Period remindBeforeLapse) {

  public CredentialProperties {
    publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    issuerName = issuerName == null || issuerName.isBlank() ? "Engineering organisation" : issuerName;
    remindBeforeLapse = remindBeforeLapse == null ? Period.ofDays(30) : remindBeforeLapse;
  }

  public static CredentialProperties defaults() {
    return new CredentialProperties(null, null, null, null, null, null);
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

  public String credentialUrl(String credentialId) {
    return publicUrl + "/credentials/" + credentialId;
  }
}
