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
 * The embedded default: an RSA key (VC-JWT) and an Ed25519 key (Data Integrity) generated on first start and kept in the database, so that
 * restarts keep signing with it. {@link #rotate()} and {@link #rotateEd25519()} retire one for a new one; retired keys stay
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

  @Override
  @Transactional
  public Ed25519Key activeEd25519() {
    // newest first, in one query: two nodes starting at once on an empty table may each have made one
    List<Ed25519Key> active = jdbc.sql("""
            select id, private_pkcs8 from credential_ed25519_key where active = true order by created_at desc, id""")
        .query((rs, row) -> new Ed25519Key(rs.getString("id"), Ed25519Key.publicKey(rs.getString("id")),
            Ed25519Key.privateKey(rs.getString("private_pkcs8"))))
        .list();
    if (active.isEmpty()) {
      return rotateEd25519();
    }
    return active.get(0);
  }

  @Override
  public List<Ed25519Key> publishedEd25519() {
    return jdbc.sql("select id from credential_ed25519_key order by created_at desc, id").query(String.class).list()
        .stream().map(id -> new Ed25519Key(id, Ed25519Key.publicKey(id), null)).toList();
  }

  /** Retires the active Ed25519 key (it stays published) and makes a new one active. */
  @Transactional
  public Ed25519Key rotateEd25519() {
    Ed25519Key key = Ed25519Key.generate();
    jdbc.sql("update credential_ed25519_key set active = false where active = true").update();
    jdbc.sql("insert into credential_ed25519_key (id, private_pkcs8, created_at, active) values (?, ?, ?, true)")
        .params(key.id(), key.privateKeyPkcs8(), OffsetDateTime.now(clock))
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
