package org.microcredentials.credential;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embedded default: an RSA key generated on first start and kept in the database, so that
 * restarts keep signing with it. {@link #rotate()} retires it for a new one; retired keys stay
 * published. Production reads a keystore instead ({@link KeystoreSigningKeys}).
 */
public class GeneratedSigningKeys implements SigningKeys {

  private final JdbcClient jdbc;
  private final Clock clock;

  GeneratedSigningKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional
  public RSAKey active() {
    List<String> active = jdbc.sql("select private_jwk from credential_signing_key where active = true")
        .query(String.class).list();
    if (active.isEmpty()) {
      return rotate();
    }
    return parse(active.get(0));
  }

  @Override
  public JWKSet publicKeys() {
    List<JWK> keys = jdbc.sql("select private_jwk from credential_signing_key order by created_at desc, kid")
        .query(String.class).list().stream().map(GeneratedSigningKeys::parse).map(key -> (JWK) key.toPublicJWK())
        .toList();
    return new JWKSet(keys);
  }

  /** Retires the active key (it stays published) and makes a new one active. */
  @Transactional
  public RSAKey rotate() {
    RSAKey key = generate();
    jdbc.sql("update credential_signing_key set active = false where active = true").update();
    jdbc.sql("insert into credential_signing_key (kid, private_jwk, created_at, active) values (?, ?, ?, true)")
        .params(key.getKeyID(), key.toJSONString(), OffsetDateTime.now(clock))
        .update();
    return key;
  }

  static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.RS256)
          .keyIDFromThumbprint(true)
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not generate a signing key", e);
    }
  }

  private static RSAKey parse(String json) {
    try {
      return RSAKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("A stored signing key is not a JWK", e);
    }
  }
}
