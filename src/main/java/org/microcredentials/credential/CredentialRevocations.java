package org.microcredentials.credential;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.microcredentials.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Revocation by an administrator, with a reason, kept in an audit trail. */
@Repository
public class CredentialRevocations {

  /** One entry of the audit trail. */
  public record Revocation(String credentialId, String revokedBy, String reason, OffsetDateTime revokedAt) {
  }

  static final int REASON_LIMIT = 1000;

  private final JdbcClient jdbc;
  private final CredentialRegister credentials;
  private final Clock clock;

  CredentialRevocations(JdbcClient jdbc, CredentialRegister credentials, Clock clock) {
    this.jdbc = jdbc;
    this.credentials = credentials;
    this.clock = clock;
  }

  /**
   * Revokes the credential. Revoking twice is refused (the first reason stands); the row is locked
   * so that two administrators at once leave one revocation.
   */
  @Transactional
  public Credential revoke(String credentialId, String reason, String administrator) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw RuleViolation.invalid("revocation-reason", "A revocation needs a reason (body: {\"reason\": \"...\"}).");
    }
    if (why.length() > REASON_LIMIT) {
      throw RuleViolation.invalid("revocation-reason",
          "The revocation reason may be at most " + REASON_LIMIT + " characters long.");
    }
    Boolean revoked = jdbc.sql("select revoked from credential where id = ? for update").param(credentialId)
        .query(Boolean.class).optional()
        .orElseThrow(() -> RuleViolation.notFound("known-credential", "No credential " + credentialId + "."));
    if (revoked) {
      throw RuleViolation.conflict("revoke-once", "Credential " + credentialId + " is already revoked.");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("update credential set revoked = true, revocation_reason = ?, revoked_at = ? where id = ?")
        .params(why, now, credentialId).update();
    jdbc.sql("insert into credential_revocation (credential_id, revoked_by, reason, revoked_at) values (?, ?, ?, ?)")
        .params(credentialId, administrator, why, now).update();
    return credentials.find(credentialId).orElseThrow();
  }

  public List<Revocation> trail(String credentialId) {
    return jdbc.sql("""
            select credential_id, revoked_by, reason, revoked_at from credential_revocation
            where credential_id = ? order by revoked_at, id""")
        .param(credentialId)
        .query((rs, row) -> new Revocation(rs.getString("credential_id"), rs.getString("revoked_by"),
            rs.getString("reason"), rs.getObject("revoked_at", OffsetDateTime.class)))
        .list();
  }

  /** Every revoked credential: the public 1EdTech revocation list. */
  public List<Revocation> all() {
    return jdbc.sql("select credential_id, revoked_by, reason, revoked_at from credential_revocation order by revoked_at, id")
        .query((rs, row) -> new Revocation(rs.getString("credential_id"), rs.getString("revoked_by"),
            rs.getString("reason"), rs.getObject("revoked_at", OffsetDateTime.class)))
        .list();
  }
}
