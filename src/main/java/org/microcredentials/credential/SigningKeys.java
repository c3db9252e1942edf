package org.microcredentials.credential;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.List;
import java.util.Optional;

/**
 * The issuer's signing keys: one active key signs, every key ever used stays published so that
 * the credentials it signed keep verifying after a rotation. RSA keys sign the VC-JWT form, Ed25519
 * keys the Data Integrity proofs of the JSON-LD form.
 */
public interface SigningKeys {

  /** The key that signs now, with its private half. */
  RSAKey active();

  /** The public halves of every key, active and retired: the issuer's JWKS. */
  JWKSet publicKeys();

  default Optional<RSAKey> publicKey(String kid) {
    return Optional.ofNullable(publicKeys().getKeyByKeyId(kid)).map(key -> (RSAKey) key);
  }

  /** The Ed25519 key that makes Data Integrity proofs now, with its private half. */
  Ed25519Key activeEd25519();

  /** The public halves of every Ed25519 key, active and retired, newest first. */
  List<Ed25519Key> publishedEd25519();

  default Optional<Ed25519Key> publishedEd25519(String id) {
    return publishedEd25519().stream().filter(key -> key.id().equals(id)).findFirst();
  }
}
