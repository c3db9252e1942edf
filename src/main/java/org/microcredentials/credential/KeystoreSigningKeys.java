package org.microcredentials.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Production: the signing keys are read from a PKCS12 keystore. Each RSA key pair of the keystore
 * is published under its JWK thumbprint; the one under {@code activeKeyAlias} signs. To rotate,
 * add a new key pair, point {@code activeKeyAlias} at it and keep the old entry: what it signed
 * keeps verifying.
 */
public class KeystoreSigningKeys implements SigningKeys {

  private final RSAKey active;
  private final JWKSet publicKeys;

  KeystoreSigningKeys(Path keystoreFile, char[] password, String activeAlias) {
    try (InputStream in = Files.newInputStream(keystoreFile)) {
      KeyStore keystore = KeyStore.getInstance("PKCS12");
      keystore.load(in, password);
      RSAKey activeKey = null;
      List<JWK> published = new ArrayList<>();
      for (String alias : Collections.list(keystore.aliases())) {
        if (!keystore.isKeyEntry(alias)) {
          continue;
        }
        RSAKey loaded = RSAKey.load(keystore, alias, password);
        if (loaded == null) {
          continue;
        }
        RSAKey key = new RSAKey.Builder(loaded).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
            .keyIDFromThumbprint().build();
        published.add(key.toPublicJWK());
        if (alias.equals(activeAlias) || (activeAlias == null || activeAlias.isBlank()) && activeKey == null) {
          activeKey = key;
        }
      }
      if (activeKey == null) {
        throw new IllegalStateException("The keystore " + keystoreFile + " has no RSA key pair under alias '"
            + activeAlias + "' (microcredentials.credentials.active-key-alias)");
      }
      this.active = activeKey;
      this.publicKeys = new JWKSet(published);
    } catch (IOException | GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("Could not read the signing keystore " + keystoreFile, e);
    }
  }

  @Override
  public RSAKey active() {
    return active;
  }

  @Override
  public JWKSet publicKeys() {
    return publicKeys;
  }
}
