package org.microcredentials.endorsement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.review.ReviewRoundProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The endorsements: what the anti-abuse cap counts, and the list of endorsements per endorser. */
@Repository
public class EndorsementRegister {

  public enum Status { OPEN, APPROVED, WITHDRAWN }

  /** One endorsement as kept. */
  public record Endorsement(String businessKey, String endorserId, String candidateId, String skillCode,
      int skillLevel, int score, Status status, OffsetDateTime startedAt, String reviewerId, int justificationRounds,
      OffsetDateTime closedAt) {
  }

  /** What a new endorsement records. */
  public record NewEndorsement(String endorserId, String candidateId, String skillCode, int skillLevel, int score,
      int frameworkVersion, Instant startedAt) {
  }

  private static final String COLUMNS = """
      business_key, endorser_id, candidate_id, skill_code, skill_level, score, status, started_at, reviewer_id,
      justification_rounds, closed_at""";

  private final JdbcClient jdbc;

  EndorsementRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The skills an endorser endorsed a candidate for since the moment given. */
  public List<String> skillsEndorsedSince(String endorserId, String candidateId, Instant since) {
    return jdbc.sql("""
            select distinct skill_code from endorsement
            where endorser_id = ? and candidate_id = ? and started_at >= ? order by skill_code""")
        .params(endorserId, candidateId, utc(since))
        .query(String.class).list();
  }

  public boolean hasOpenEndorsement(String candidateId, String skillCode) {
    return jdbc.sql("select count(*) from endorsement where candidate_id = ? and skill_code = ? and status = ?")
        .params(candidateId, skillCode, Status.OPEN.name())
        .query(Long.class).single() > 0;
  }

  public boolean exists(String businessKey) {
    return jdbc.sql("select count(*) from endorsement where business_key = ?").param(businessKey)
        .query(Long.class).single() > 0;
  }

  /** Registers a new endorsement under a fresh business key, e.g. {@code END-2026-000001}, and returns it. */
  public String register(NewEndorsement endorsement) {
    String provisionalKey = "NEW-" + UUID.randomUUID().toString().substring(0, 24);
    long id = insert(provisionalKey, endorsement);
    String businessKey = "%s-%d-%06d".formatted(EndorsementProcess.BUSINESS_KEY_PREFIX,
        endorsement.startedAt().atZone(ZoneOffset.UTC).getYear(), id);
    jdbc.sql("update endorsement set business_key = ? where id = ?").params(businessKey, id).update();
    return businessKey;
  }

  /** Registers an endorsement under a business key it inherits (that of the request it answers). */
  public void register(String businessKey, NewEndorsement endorsement) {
    insert(businessKey, endorsement);
  }

  private long insert(String businessKey, NewEndorsement endorsement) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into endorsement (business_key, endorser_id, candidate_id, skill_code, skill_level, score,
              framework_version, status, started_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(businessKey, endorsement.endorserId(), endorsement.candidateId(), endorsement.skillCode(),
            endorsement.skillLevel(), endorsement.score(), endorsement.frameworkVersion(), Status.OPEN.name(),
            utc(endorsement.startedAt()))
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  /** The evidence and justification the endorser gave, as the credential will carry them. */
  public void recordEvidence(String businessKey, String evidenceSummary) {
    jdbc.sql("update endorsement set evidence_summary = ?, justification_history = '' where business_key = ?")
        .params(evidenceSummary, businessKey).update();
  }

  /** Whether the row holds the endorser's evidence: false for an endorsement begun on a release before it did. */
  public boolean hasRecordedEvidence(String businessKey) {
    return jdbc.sql("select count(*) from endorsement where business_key = ? and evidence_summary is not null")
        .param(businessKey).query(Long.class).single() > 0;
  }

  /** The evidence and the justification rounds of an endorsement begun before the row held them. */
  void recordEarlierFacts(String businessKey, String evidenceSummary, String justificationHistory) {
    jdbc.sql("update endorsement set evidence_summary = ?, justification_history = ? where business_key = ?")
        .params(evidenceSummary, justificationHistory, businessKey).update();
  }

  /**
   * One more entry of the justification rounds (a reviewer's question or the endorser's addition);
   * answers the whole history as kept, for the forms that show it.
   */
  public String appendJustificationHistory(String businessKey, String entry) {
    jdbc.sql("""
            update endorsement set justification_history = case when justification_history is null or justification_history = ''
              then ? else justification_history || ? end where business_key = ?""")
        .params(entry, "\n\n" + entry, businessKey).update();
    return jdbc.sql("select justification_history from endorsement where business_key = ?")
        .param(businessKey).query(String.class).single();
  }

  /** The reviewer approved: the endorsement may now, and only now, yield its credential. */
  public void recordApproval(String businessKey, String reviewerId, Instant approvedAt) {
    jdbc.sql("update endorsement set reviewer_id = ?, approved_at = ? where business_key = ? and status = ?")
        .params(reviewerId, utc(approvedAt), businessKey, Status.OPEN.name()).update();
  }

  /** What an approved, still open endorsement yields; empty when it was not approved or is closed. */
  public record Approved(String reviewerId, String evidenceSummary, String justificationHistory) {
  }

  public Optional<Approved> approved(String businessKey) {
    return jdbc.sql("""
            select reviewer_id, evidence_summary, justification_history from endorsement
            where business_key = ? and status = ? and approved_at is not null and reviewer_id is not null
              and evidence_summary is not null""")
        .params(businessKey, Status.OPEN.name())
        .query((rs, row) -> new Approved(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  public void recordJustificationRequested(String businessKey) {
    jdbc.sql("update endorsement set justification_rounds = justification_rounds + 1 where business_key = ?")
        .param(businessKey).update();
  }

  public void recordOutcome(String businessKey, Status status, String reviewerId, Instant closedAt) {
    jdbc.sql("update endorsement set status = ?, reviewer_id = ?, closed_at = ? where business_key = ?")
        .params(status.name(), reviewerId, utc(closedAt), businessKey)
        .update();
  }

  public List<Endorsement> byEndorser(String endorserId) {
    return jdbc.sql("select " + COLUMNS + " from endorsement where endorser_id = ? order by started_at desc, id desc")
        .param(endorserId)
        .query(EndorsementRegister::endorsement)
        .list();
  }

  /**
   * The endorsement as started: who endorses whom, for which skill, level and score. Rules and
   * issuing read these facts from here, never from process variables, which any task completion can set.
   */
  public Endorsement endorsement(String businessKey) {
    return jdbc.sql("select " + COLUMNS + " from endorsement where business_key = ?")
        .param(businessKey)
        .query(EndorsementRegister::endorsement)
        .single();
  }

  public int frameworkVersion(String businessKey) {
    return jdbc.sql("select framework_version from endorsement where business_key = ?")
        .param(businessKey).query(Integer.class).single();
  }

  private static Endorsement endorsement(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Endorsement(rs.getString("business_key"), rs.getString("endorser_id"),
        rs.getString("candidate_id"), rs.getString("skill_code"), rs.getInt("skill_level"), rs.getInt("score"),
        Status.valueOf(rs.getString("status")), rs.getObject("started_at", OffsetDateTime.class),
        rs.getString("reviewer_id"), rs.getInt("justification_rounds"),
        rs.getObject("closed_at", OffsetDateTime.class));
  }

  /** Puts the facts back into the instance's variables, so forms and notifications show what is kept. */
  public static void restoreFacts(org.camunda.bpm.engine.delegate.VariableScope scope, Endorsement endorsement) {
    EndorsementProcess.Variables.ENDORSER_ID.on(scope, endorsement.endorserId());
    CredentialVariables.CANDIDATE_ID.on(scope, endorsement.candidateId());
    CredentialVariables.SKILL_CODE.on(scope, endorsement.skillCode());
    CredentialVariables.SKILL_LEVEL.on(scope, endorsement.skillLevel());
    ReviewRoundProcess.Variables.SCORE.on(scope, endorsement.score());
  }

  public Status status(String businessKey) {
    return Status.valueOf(jdbc.sql("select status from endorsement where business_key = ?")
        .param(businessKey).query(String.class).single());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
