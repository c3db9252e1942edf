package org.microcredentials.credential;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.microcredentials.MicroCredentialsProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The register of issued credentials. */
@Repository
public class CredentialRegister {

  /** What an outcome hands over to be issued, with the score the holder had to reach (recorded on the credential). */
  public record Issue(
      String sourceKey,
      String holderId,
      String skillCode,
      int skillLevel,
      int score,
      CredentialSource source,
      String assessorId,
      List<String> reviewerIds,
      int frameworkVersion,
      String evidenceSummary,
      int requiredScore) {
  }

  private static final String COLUMNS = """
      id, source_key, holder_id, skill_code, skill_level, score, source, assessor_id, reviewer_ids,
      framework_version, evidence_summary, issued_at, valid_for_promotion_until, revoked, revocation_reason,
      required_score""";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final MicroCredentialsProperties properties;

  CredentialRegister(JdbcClient jdbc, Clock clock, MicroCredentialsProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Issues the credential an application or endorsement earned, at most once: a retried or
   * repeated call with the same source key returns the credential issued first. The unique
   * source key makes a concurrent second insert fail, and its retry then finds the first.
   */
  public Credential issue(Issue issue) {
    Optional<Credential> existing = findBySourceKey(issue.sourceKey());
    if (existing.isPresent()) {
      return existing.get();
    }
    OffsetDateTime issuedAt = OffsetDateTime.now(clock);
    OffsetDateTime validUntil = issuedAt.plus(properties.credentialValidity());
    jdbc.sql("insert into credential (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, null, ?)")
        .params(UUID.randomUUID().toString(), issue.sourceKey(), issue.holderId(), issue.skillCode(),
            issue.skillLevel(), issue.score(), issue.source().name(), issue.assessorId(),
            String.join(",", issue.reviewerIds()), issue.frameworkVersion(), issue.evidenceSummary(), issuedAt,
            validUntil, issue.requiredScore())
        .update();
    return findBySourceKey(issue.sourceKey()).orElseThrow();
  }

  public Optional<Credential> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from credential where id = ?").param(id).query(this::credential).optional();
  }

  public Optional<Credential> findBySourceKey(String sourceKey) {
    return jdbc.sql("select " + COLUMNS + " from credential where source_key = ?")
        .param(sourceKey).query(this::credential).optional();
  }

  public List<Credential> heldBy(String holderId) {
    return jdbc.sql("select " + COLUMNS + " from credential where holder_id = ? order by issued_at desc, id")
        .param(holderId).query(this::credential).list();
  }

  /**
   * The holder's {@code credentialSubject.id}: a {@code urn:uuid} drawn on their first export and kept,
   * so that every credential of one holder names the same subject without naming the person.
   */
  public String subjectId(String holderId) {
    Optional<String> existing = jdbc.sql("select subject_id from credential_holder_subject where holder_id = ?")
        .param(holderId).query(String.class).optional();
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      jdbc.sql("insert into credential_holder_subject (holder_id, subject_id) values (?, ?)")
          .params(holderId, "urn:uuid:" + UUID.randomUUID()).update();
    } catch (DuplicateKeyException concurrentFirstExport) {
      // another export drew it at the same moment: theirs stands
    }
    return jdbc.sql("select subject_id from credential_holder_subject where holder_id = ?")
        .param(holderId).query(String.class).single();
  }

  /** Whether the engineer endorsed any issued credential: only then is their endorser Profile public. */
  public boolean isEndorser(String userId) {
    return jdbc.sql("select count(*) from credential where source = 'ENDORSEMENT' and assessor_id = ?")
        .param(userId).query(Long.class).single() > 0;
  }

  private Credential credential(ResultSet rs, int row) throws SQLException {
    String reviewers = rs.getString("reviewer_ids");
    return new Credential(rs.getString("id"), rs.getString("source_key"), rs.getString("holder_id"),
        rs.getString("skill_code"), rs.getInt("skill_level"), rs.getInt("score"),
        Optional.ofNullable(rs.getObject("required_score", Integer.class)),
        CredentialSource.valueOf(rs.getString("source")), rs.getString("assessor_id"),
        reviewers == null || reviewers.isEmpty() ? List.of() : Arrays.asList(reviewers.split(",")),
        rs.getInt("framework_version"), rs.getString("evidence_summary"),
        rs.getObject("issued_at", OffsetDateTime.class), rs.getObject("valid_for_promotion_until", OffsetDateTime.class),
        rs.getBoolean("revoked"), rs.getString("revocation_reason"));
  }
}
