package org.microcredentials.application;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.credential.CredentialVariables;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The applications: what the monthly cap and the one-open-application rule count, and the facts a
 * review round decides on. An application is a self-submission (business key {@code APP-2026-000123},
 * the process's) or one skill of a promotion application (source PROMOTION, key
 * {@code PRO-2026-000007:iARCH}, under the promotion's business key, which every process it calls carries).
 */
@Repository
public class ApplicationRegister {

  /** Business keys of promotion applications start so ({@code PRO-YYYY-NNNNNN}). */
  public static final String PROMOTION_PREFIX = "PRO-";

  /**
   * The application a step of a review round (or of its caller) works on: the process's business key,
   * or, in a promotion application, the row of the skill in the step's scope ({@code skillCode}: the
   * promotion's multi-instance element, passed into the round it calls). Without a skill in scope, a
   * promotion's own step names no application (its interview and decision are the promotion's).
   */
  public static String keyOf(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null && businessKey.startsWith(PROMOTION_PREFIX)) {
      String skillCode = CredentialVariables.SKILL_CODE.from(execution);
      return skillCode == null ? businessKey : promotionSkillKey(businessKey, skillCode);
    }
    return businessKey;
  }

  /** The key of one skill's application in a promotion application. */
  public static String promotionSkillKey(String promotionKey, String skillCode) {
    return promotionKey + ":" + skillCode;
  }

  /**
   * OPEN while assessed; AWAITING_RESUBMISSION after a failed round, while the candidate may
   * amend (both count as open); PASSED, or FAILED once the candidate lets it go or stays silent.
   */
  public enum Status { OPEN, AWAITING_RESUBMISSION, PASSED, FAILED }

  /**
   * The facts of an application as the rules read them: kept here, not only in process variables,
   * because any task completion may set variables, and no task but the assignment may change who
   * assesses, nor any but the assessment the score.
   */
  public record Application(String businessKey, String candidateId, String skillCode, int skillLevel,
      int frameworkVersion, Status status, String assessorId, Integer assessedScore, CredentialSource source) {

    /** A skill of a promotion application: no resubmission; its credential's source is PROMOTION. */
    public boolean partOfPromotion() {
      return source == CredentialSource.PROMOTION;
    }
  }

  private final JdbcClient jdbc;

  ApplicationRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The application's row as this register reads it: the facts, the round's number and its moderated score. */
  private record Row(Application application, int reviewRound, Integer moderatedScore) {
  }

  /**
   * What the current transaction read of the applications. One command asks for the same row many times (the guard
   * of a claim, the listener of a task's creation, the step's rule, the gateway after it, the round's evaluation): it
   * is read once, and read again after any write of this register in the transaction. Kept with the transaction's
   * synchronizations, so it ends with the transaction and stays apart from one suspended around it; a command the
   * engine runs again is a new transaction and reads afresh. A row another transaction commits meanwhile is seen as the
   * first read found it, as under repeatable read: no rule here depends on reading that sooner (the peer reviews'
   * key and the engine's optimistic locking decide races).
   */
  private static final class ReadInTransaction implements TransactionSynchronization {
    final Map<String, Optional<Row>> rows = new HashMap<>();
    final Map<String, List<PeerReview>> reviews = new HashMap<>();
  }

  private static Optional<ReadInTransaction> readInTransaction(boolean create) {
    if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return Optional.empty();
    }
    for (TransactionSynchronization each : TransactionSynchronizationManager.getSynchronizations()) {
      if (each instanceof ReadInTransaction read) {
        return Optional.of(read);
      }
    }
    if (!create) {
      return Optional.empty();
    }
    ReadInTransaction read = new ReadInTransaction();
    TransactionSynchronizationManager.registerSynchronization(read);
    return Optional.of(read);
  }

  /** Every write of this register: what the transaction read of the applications is read again. */
  private static void forgetReads() {
    readInTransaction(false).ifPresent(read -> {
      read.rows.clear();
      read.reviews.clear();
    });
  }

  private Optional<Row> row(String businessKey) {
    Optional<ReadInTransaction> read = readInTransaction(true);
    if (read.isPresent()) {
      Optional<Row> known = read.get().rows.get(businessKey);
      if (known != null) {
        return known;
      }
    }
    Optional<Row> row = jdbc.sql("""
            select business_key, candidate_id, skill_code, skill_level, framework_version, status, assessor_id, assessed_score, source,
              review_round, moderated_score
            from application where business_key = ?""")
        .param(businessKey)
        .query((rs, number) -> new Row(new Application(rs.getString("business_key"), rs.getString("candidate_id"),
            rs.getString("skill_code"), rs.getInt("skill_level"), rs.getInt("framework_version"),
            Status.valueOf(rs.getString("status")), rs.getString("assessor_id"),
            (Integer) rs.getObject("assessed_score", Integer.class), CredentialSource.valueOf(rs.getString("source"))),
            rs.getInt("review_round"), (Integer) rs.getObject("moderated_score", Integer.class)))
        .optional();
    read.ifPresent(known -> known.rows.put(businessKey, row));
    return row;
  }

  private Row existingRow(String businessKey) {
    return row(businessKey).orElseThrow(() -> new IllegalStateException("No application " + businessKey));
  }

  /** The peer reviews of the application's current round, in the order they were given. */
  private List<PeerReview> reviews(String businessKey, int reviewRound) {
    Optional<ReadInTransaction> read = readInTransaction(true);
    if (read.isPresent()) {
      List<PeerReview> known = read.get().reviews.get(businessKey);
      if (known != null) {
        return known;
      }
    }
    List<PeerReview> reviews = List.copyOf(jdbc.sql("""
            select reviewer_id, agrees, proposed_score, review_comment from peer_review
            where business_key = ? and review_round = ? order by reviewed_at, reviewer_id""")
        .params(businessKey, reviewRound)
        .query((rs, row) -> new PeerReview(rs.getString("reviewer_id"), rs.getBoolean("agrees"),
            (Integer) rs.getObject("proposed_score", Integer.class), rs.getString("review_comment")))
        .list());
    read.ifPresent(known -> known.reviews.put(businessKey, reviews));
    return reviews;
  }

  /** Self-submissions the candidate made from {@code start} (inclusive) to {@code end} (exclusive). */
  public long countSubmitted(String candidateId, Instant start, Instant end) {
    return jdbc.sql("""
            select count(*) from application where candidate_id = ? and submitted_at >= ? and submitted_at < ? and source = ?""")
        .params(candidateId, utc(start), utc(end), CredentialSource.SELF_SUBMISSION.name())
        .query(Long.class).single();
  }

  public boolean hasOpenApplication(String candidateId, String skillCode) {
    return jdbc.sql("select count(*) from application where candidate_id = ? and skill_code = ? and status in (?, ?)")
        .params(candidateId, skillCode, Status.OPEN.name(), Status.AWAITING_RESUBMISSION.name())
        .query(Long.class).single() > 0;
  }

  /** Registers a new application and returns its business key, e.g. {@code APP-2026-000123}. */
  public String register(String candidateId, String skillCode, int skillLevel, int frameworkVersion, Instant submittedAt) {
    forgetReads();
    String provisionalKey = "NEW-" + java.util.UUID.randomUUID().toString().substring(0, 24);
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into application (business_key, candidate_id, skill_code, skill_level, framework_version, status, submitted_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(provisionalKey, candidateId, skillCode, skillLevel, frameworkVersion, Status.OPEN.name(), utc(submittedAt))
        .update(keys, "id");
    long id = keys.getKeyAs(Long.class);
    String businessKey = "APP-%d-%06d".formatted(submittedAt.atZone(ZoneOffset.UTC).getYear(), id);
    jdbc.sql("update application set business_key = ? where id = ?").params(businessKey, id).update();
    return businessKey;
  }

  /**
   * Registers one skill of a promotion application for assessment at the target level, and returns
   * its key. It does not count toward the monthly cap.
   */
  public String registerPromotionSkill(String promotionKey, String candidateId, String skillCode, int targetLevel,
      int frameworkVersion, Instant submittedAt) {
    forgetReads();
    String key = promotionSkillKey(promotionKey, skillCode);
    jdbc.sql("""
            insert into application (business_key, candidate_id, skill_code, skill_level, framework_version, status, submitted_at,
              source, promotion_key)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(key, candidateId, skillCode, targetLevel, frameworkVersion, Status.OPEN.name(), utc(submittedAt),
            CredentialSource.PROMOTION.name(), promotionKey)
        .update();
    return key;
  }

  /** The final score of an application's last settled round; empty while it is assessed. */
  public java.util.Optional<Integer> finalScore(String businessKey) {
    return jdbc.sql("select final_score from application where business_key = ?").param(businessKey)
        .query((rs, row) -> (Integer) rs.getObject(1, Integer.class)).optional().flatMap(java.util.Optional::ofNullable);
  }

  public Application application(String businessKey) {
    return find(businessKey).orElseThrow(() -> new IllegalStateException("No application " + businessKey));
  }

  /** The application with this business key, if the key names one (an endorsement's does not). */
  public java.util.Optional<Application> find(String businessKey) {
    if (businessKey == null) {
      return java.util.Optional.empty();
    }
    return row(businessKey).map(Row::application);
  }

  /** The version of the evidence the assessor last scored, if they scored one. */
  public java.util.Optional<Integer> assessedEvidenceVersion(String businessKey) {
    return jdbc.sql("select assessed_evidence_version from application where business_key = ?").param(businessKey)
        .query((rs, row) -> (Integer) rs.getObject(1, Integer.class)).optional().flatMap(java.util.Optional::ofNullable);
  }

  /** The application's review round: 1 for the first assessment, one more for each resubmission. */
  public int reviewRound(String businessKey) {
    return existingRow(businessKey).reviewRound();
  }

  /** The assessor's score of this round; a new assessment starts the round's review and moderation afresh. */
  public void recordAssessment(String businessKey, int score, String justification, String improvementAreas) {
    forgetReads();
    jdbc.sql("""
            update application set assessed_score = ?, assessment_justification = ?, round_improvement_areas = ?,
              moderated_score = null, moderation_justification = null,
              assessed_evidence_version = (select max(version) from evidence_version where business_key = ?)
            where business_key = ?""")
        .params(score, justification, improvementAreas, businessKey, businessKey).update();
    jdbc.sql("delete from peer_review where business_key = ? and review_round = (select review_round from application where business_key = ?)")
        .params(businessKey, businessKey).update();
  }

  /** A resubmission: the application is under assessment again, and the next round starts with nothing assessed, reviewed or moderated. */
  public void startNextRound(String businessKey) {
    forgetReads();
    jdbc.sql("""
            update application set status = 'OPEN', review_round = review_round + 1, assessed_score = null, assessment_justification = null,
              round_improvement_areas = null, moderated_score = null, moderation_justification = null
            where business_key = ?""")
        .param(businessKey).update();
  }

  /** One peer review of the current round; a second by the same person fails on the key, however requests race. */
  public void recordPeerReview(String businessKey, PeerReview review, Instant reviewedAt) {
    forgetReads();
    jdbc.sql("""
            insert into peer_review (business_key, review_round, reviewer_id, agrees, proposed_score, review_comment, reviewed_at)
            select business_key, review_round, ?, ?, ?, ?, ? from application where business_key = ?""")
        .params(review.reviewerId(), review.agrees(), review.proposedScore(), review.comment(), utc(reviewedAt), businessKey)
        .update();
  }

  public void recordModeration(String businessKey, int finalScore, String justification, String improvementAreas) {
    forgetReads();
    jdbc.sql("""
            update application set moderated_score = ?, moderation_justification = ?,
              round_improvement_areas = coalesce(?, round_improvement_areas)
            where business_key = ?""")
        .params(finalScore, justification, improvementAreas, businessKey).update();
  }

  /** The current round as recorded: what the evaluation, the gateways and the issuing step decide on. */
  public RecordedRound round(String businessKey) {
    Row row = existingRow(businessKey);
    Application application = row.application();
    return new RecordedRound(businessKey, application.candidateId(), application.assessorId(), application.skillLevel(),
        application.assessedScore(), reviews(businessKey, row.reviewRound()), row.moderatedScore());
  }


  /** What the candidate is told, in the assessor's name: the moderator's justification where the score was moderated. */
  public record RoundFeedback(String justification, String improvementAreas) {
  }

  public RoundFeedback feedback(String businessKey) {
    return jdbc.sql("""
            select coalesce(moderation_justification, assessment_justification), round_improvement_areas
            from application where business_key = ?""")
        .param(businessKey)
        .query((rs, row) -> new RoundFeedback(rs.getString(1), rs.getString(2))).single();
  }

  public void assignAssessor(String businessKey, String assessorId) {
    forgetReads();
    jdbc.sql("update application set assessor_id = ? where business_key = ?").params(assessorId, businessKey).update();
  }

  public void recordOutcome(String businessKey, Status status, int finalScore, String justification,
      String improvementAreas, Instant closedAt) {
    forgetReads();
    jdbc.sql("""
            update application set status = ?, final_score = ?, justification = ?, improvement_areas = ?, closed_at = ?
            where business_key = ?""")
        .params(status.name(), finalScore, justification, improvementAreas,
            status == Status.AWAITING_RESUBMISSION ? null : utc(closedAt), businessKey)
        .update();
  }

  /** Closes an application for good, keeping the outcome of its last round. */
  public void close(String businessKey, Status status, Instant closedAt) {
    forgetReads();
    jdbc.sql("update application set status = ?, closed_at = ? where business_key = ?")
        .params(status.name(), utc(closedAt), businessKey).update();
  }

  public Status status(String businessKey) {
    return existingRow(businessKey).application().status();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
