package org.microcredentials.credential;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Optional;

/**
 * The issuer's signing keys: one active key signs, every key ever used stays published so that
 * the credentials it signed keep verifying after a rotation.
 */
public interface SigningKeys {

  /** The key that signs now, with its private half. */
  RSAKey active();

  /** The public halves of every key, active and retired: the issuer's JWKS. */
  JWKSet publicKeys();

  default Optional<RSAKey> publicKey(String kid) {
    return Optional.ofNullable(publicKeys().getKeyByKeyId(kid)).map(key -> (RSAKey) key);
  }
}
