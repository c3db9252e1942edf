package org.microcredentials.wallet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Client ids and secrets, codes and tokens: 256 random bits, base64url; stored only as SHA-256. */
final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {
  }

  static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String secret) {
    return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
  }

  /** PKCE S256 (RFC 7636 4.2): BASE64URL(SHA256(ASCII(code_verifier))). */
  static String s256(String verifier) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Compares in constant time. */
  static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
