package org.microcredentials.promotion;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.microcredentials.application.ApplicationRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The promotion applications and their skills: the home of every fact the promotion's gateways,
 * the decision's rules and the reports read (see {@link PromotionApplicationProcess}).
 */
@Repository
public class PromotionRegister {

  /** OPEN until the SEM team decides; then PROMOTED or NOT_PROMOTED. */
  public enum Status { OPEN, PROMOTED, NOT_PROMOTED }

  public record Promotion(String businessKey, String candidateId, int fromLevel, int targetLevel, int frameworkVersion,
      Status status, Boolean interviewPassed, String interviewNotes, String interviewerId) {
  }

  /**
   * One required skill as it stands: reused (the credential that covered it when the application
   * started, with its score) or assessed (its application's final score once its round settled).
   */
  public record SkillOutcome(String skillCode, String reusedCredentialId, String applicationKey, Integer score,
      String applicationStatus, String justification, String improvementAreas, String assessorId) {

    public boolean reused() {
      return reusedCredentialId != null;
    }

    /** A reused credential counts as it is; an assessed skill once its round settled (passed or failed). */
    public boolean settled() {
      return reused() || ApplicationRegister.Status.PASSED.name().equals(applicationStatus)
          || ApplicationRegister.Status.FAILED.name().equals(applicationStatus);
    }
  }

  private final JdbcClient jdbc;

  PromotionRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean hasOpen(String candidateId) {
    return jdbc.sql("select count(*) from promotion_application where candidate_id = ? and status = ?")
        .params(candidateId, Status.OPEN.name()).query(Long.class).single() > 0;
  }

  /** Registers a new promotion application and returns its business key, e.g. {@code PRO-2026-000007}. */
  public String register(String candidateId, int fromLevel, int targetLevel, int frameworkVersion, String statement,
      Instant startedAt) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into promotion_application (business_key, candidate_id, from_level, target_level, framework_version,
              statement, status, started_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params("NEW-" + UUID.randomUUID().toString().substring(0, 24), candidateId, fromLevel, targetLevel,
            frameworkVersion, statement, Status.OPEN.name(), utc(startedAt))
        .update(keys, "id");
    long id = keys.getKeyAs(Long.class);
    String businessKey = "PRO-%d-%06d".formatted(startedAt.atZone(ZoneOffset.UTC).getYear(), id);
    // The credentials held on applying, a fact of this moment (the credentials-and-promotions report reads it).
    jdbc.sql("""
            update promotion_application set business_key = ?, credentials_held = (
              select count(*) from credential c
              where c.holder_id = ? and c.issued_at <= ? and (not c.revoked or c.revoked_at > ?))
            where id = ?""")
        .params(businessKey, candidateId, utc(startedAt), utc(startedAt), id).update();
    return businessKey;
  }

  public void addReusedSkill(String businessKey, String skillCode, String credentialId) {
    jdbc.sql("insert into promotion_skill (business_key, skill_code, reused_credential_id) values (?, ?, ?)")
        .params(businessKey, skillCode, credentialId).update();
  }

  public void addAssessedSkill(String businessKey, String skillCode, String applicationKey) {
    jdbc.sql("insert into promotion_skill (business_key, skill_code, application_key) values (?, ?, ?)")
        .params(businessKey, skillCode, applicationKey).update();
  }

  public Optional<Promotion> find(String businessKey) {
    if (businessKey == null) {
      return Optional.empty();
    }
    return jdbc.sql("""
            select business_key, candidate_id, from_level, target_level, framework_version, status,
              interview_passed, interview_notes, interviewer_id
            from promotion_application where business_key = ?""")
        .param(businessKey)
        .query((rs, row) -> new Promotion(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
            Status.valueOf(rs.getString(6)), (Boolean) rs.getObject(7, Boolean.class), rs.getString(8), rs.getString(9)))
        .optional();
  }

  public Promotion promotion(String businessKey) {
    return find(businessKey).orElseThrow(() -> new IllegalStateException("No promotion application " + businessKey));
  }

  /** The skills the candidate gives evidence for and a review round assesses, in a stable order. */
  public List<String> skillsToAssess(String businessKey) {
    return jdbc.sql("select skill_code from promotion_skill where business_key = ? and application_key is not null order by skill_code")
        .param(businessKey).query(String.class).list();
  }

  /** Every required skill with its outcome so far, reused ones first. */
  public List<SkillOutcome> skills(String businessKey) {
    return jdbc.sql("""
            select s.skill_code, s.reused_credential_id, s.application_key, coalesce(c.score, a.final_score) as score,
              a.status, a.justification, a.improvement_areas, coalesce(c.assessor_id, a.assessor_id) as assessor_id
            from promotion_skill s
            left join credential c on c.id = s.reused_credential_id
            left join application a on a.business_key = s.application_key
            where s.business_key = ?
            order by case when s.reused_credential_id is null then 1 else 0 end, s.skill_code""")
        .param(businessKey)
        .query((rs, row) -> new SkillOutcome(rs.getString("skill_code"), rs.getString("reused_credential_id"),
            rs.getString("application_key"), (Integer) rs.getObject("score", Integer.class), rs.getString("status"),
            rs.getString("justification"), rs.getString("improvement_areas"), rs.getString("assessor_id")))
        .list();
  }

  public void recordInterview(String businessKey, boolean passed, String notes, String interviewerId) {
    jdbc.sql("update promotion_application set interview_passed = ?, interview_notes = ?, interviewer_id = ? where business_key = ?")
        .params(passed, notes, interviewerId, businessKey).update();
  }

  /** The decision, once: a second decision of the same application updates nothing and is refused by the caller. */
  public boolean recordDecision(String businessKey, boolean promoted, String justification, String decidedBy, Instant decidedAt) {
    return jdbc.sql("""
            update promotion_application set status = ?, promoted = ?, decision_justification = ?, decided_by = ?, decided_at = ?
            where business_key = ? and status = ?""")
        .params((promoted ? Status.PROMOTED : Status.NOT_PROMOTED).name(), promoted, justification, decidedBy,
            utc(decidedAt), businessKey, Status.OPEN.name())
        .update() == 1;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
