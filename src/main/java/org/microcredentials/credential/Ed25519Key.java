package org.microcredentials.credential;

import com.apicatalog.multibase.Multibase;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key of the issuer for Data Integrity proofs. Its id is its {@code publicKeyMultibase}
 * (Multikey: base58btc of the multicodec prefix 0xed01 and the 32 raw bytes, {@code z6Mk...}), so
 * the key names itself and a rotation never reuses an id. The private half is absent on keys
 * only published.
 */
public record Ed25519Key(String id, PublicKey publicKey, PrivateKey privateKey) {

  private static final byte[] MULTICODEC_ED25519_PUB = {(byte) 0xed, 0x01};
  /** The DER SubjectPublicKeyInfo header of an Ed25519 key; the 32 raw bytes follow it. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  static Ed25519Key of(PublicKey publicKey, PrivateKey privateKey) {
    return new Ed25519Key(publicKeyMultibase(publicKey), publicKey, privateKey);
  }

  static Ed25519Key generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return of(pair.getPublic(), pair.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JDK cannot make Ed25519 keys", e);
    }
  }

  Ed25519Key publicHalf() {
    return new Ed25519Key(id, publicKey, null);
  }

  static String publicKeyMultibase(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (!"X.509".equals(key.getFormat()) || encoded.length != X509_PREFIX.length + 32
        || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
      throw new IllegalArgumentException("Not an Ed25519 public key: " + key.getAlgorithm());
    }
    byte[] multikey = new byte[MULTICODEC_ED25519_PUB.length + 32];
    System.arraycopy(MULTICODEC_ED25519_PUB, 0, multikey, 0, MULTICODEC_ED25519_PUB.length);
    System.arraycopy(encoded, X509_PREFIX.length, multikey, MULTICODEC_ED25519_PUB.length, 32);
    return Multibase.BASE_58_BTC.encode(multikey);
  }

  /** The public key a {@code publicKeyMultibase} names; an IllegalArgumentException when it names none. */
  static PublicKey publicKey(String publicKeyMultibase) {
    if (publicKeyMultibase == null || !Multibase.BASE_58_BTC.isEncoded(publicKeyMultibase)) {
      throw new IllegalArgumentException("Not a base58btc multibase key");
    }
    byte[] multikey = Multibase.BASE_58_BTC.decode(publicKeyMultibase);
    if (multikey.length != 34 || multikey[0] != MULTICODEC_ED25519_PUB[0] || multikey[1] != MULTICODEC_ED25519_PUB[1]) {
      throw new IllegalArgumentException("Not an Ed25519 Multikey");
    }
    byte[] encoded = new byte[X509_PREFIX.length + 32];
    System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
    System.arraycopy(multikey, 2, encoded, X509_PREFIX.length, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Not an Ed25519 public key", e);
    }
  }

  String privateKeyPkcs8() {
    return Base64.getEncoder().encodeToString(privateKey.getEncoded());
  }

  static PrivateKey privateKey(String pkcs8) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pkcs8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A stored Ed25519 key is broken", e);
    }
  }
}
