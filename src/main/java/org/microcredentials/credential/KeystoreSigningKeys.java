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
import java.security.PrivateKey;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Production: the signing keys are read from a PKCS12 keystore. Each RSA key pair of the keystore
 * is published under its JWK thumbprint; the one under {@code activeKeyAlias} signs. To rotate,
 * add a new key pair, point {@code activeKeyAlias} at it and keep the old entry: what it signed
 * keeps verifying. Ed25519 key pairs of the keystore make the Data Integrity proofs the same way
 * (the one under {@code activeEd25519Alias}, or the first, signs; all are published).
 */
public class KeystoreSigningKeys implements SigningKeys {

  private final RSAKey active;
  private final JWKSet publicKeys;
  private final Ed25519Key activeEd25519;
  private final List<Ed25519Key> publishedEd25519;
  private final String activeEd25519Alias;

  KeystoreSigningKeys(Path keystoreFile, char[] password, String activeAlias) {
    this(keystoreFile, password, activeAlias, null);
  }

  KeystoreSigningKeys(Path keystoreFile, char[] password, String activeAlias, String activeEd25519Alias) {
    try (InputStream in = Files.newInputStream(keystoreFile)) {
      KeyStore keystore = KeyStore.getInstance("PKCS12");
      keystore.load(in, password);
      RSAKey activeKey = null;
      List<JWK> published = new ArrayList<>();
      Ed25519Key activeEdKey = null;
      List<Ed25519Key> publishedEd = new ArrayList<>();
      for (String alias : Collections.list(keystore.aliases())) {
        if (!keystore.isKeyEntry(alias)) {
          continue;
        }
        if (keystore.getKey(alias, password) instanceof PrivateKey privateKey && isEd25519(privateKey)) {
          Ed25519Key key = Ed25519Key.of(keystore.getCertificate(alias).getPublicKey(), privateKey);
          publishedEd.add(key.publicHalf());
          if (alias.equals(activeEd25519Alias)
              || (activeEd25519Alias == null || activeEd25519Alias.isBlank()) && activeEdKey == null) {
            activeEdKey = key;
          }
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
      this.activeEd25519 = activeEdKey;
      this.publishedEd25519 = List.copyOf(publishedEd);
      this.activeEd25519Alias = activeEd25519Alias;
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

  @Override
  public Ed25519Key activeEd25519() {
    if (activeEd25519 == null) {
      throw new IllegalStateException("The signing keystore has no Ed25519 key pair" + (activeEd25519Alias == null
          || activeEd25519Alias.isBlank() ? "" : " under alias '" + activeEd25519Alias + "'")
          + " (microcredentials.credentials.active-ed25519-key-alias): add one, e.g. keytool -genkeypair -keyalg Ed25519 ...");
    }
    return activeEd25519;
  }

  @Override
  public List<Ed25519Key> publishedEd25519() {
    return publishedEd25519;
  }

  private static boolean isEd25519(PrivateKey key) {
    return "Ed25519".equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equalsIgnoreCase(key.getAlgorithm());
  }
}
