package org.microcredentials.review;

/**
 * The contract of {@code processes/review-round.bpmn}: one review round of an application, called
 * with the caller's business key and variables ({@code camunda:in businessKey}, {@code variables="all"}),
 * by {@code SelfSubmissionProcess} for the first round and by {@code ResubmissionProcess} for each
 * re-assessment. Its user tasks keep the ids of CONTRACT.md ({@code SelfSubmissionProcess.Tasks},
 * {@code ResubmissionProcess.Tasks.REASSESS_EVIDENCE}).
 *
 * <p>Where the round's facts live: who applied, for which skill and level, who assesses, the
 * assessor's score and justification, each peer review and the moderated score are rows of the
 * application ({@code ApplicationRegister}: {@code application}, {@code peer_review}); the round's
 * gateways and loop read them through {@code applicationFacts}. The variables it writes are for
 * forms and clients: {@code assessorId}/{@code assessorName}, {@code peerReviews}/{@code peerReviewSummary}
 * (the moderator's form), and its outcome {@code finalScore}, {@code passed}, which the caller gets back
 * ({@code camunda:out variables="all"}) and reads only in its own gateway through {@code applicationFacts}.
 */
public final class ReviewRoundProcess {

  public static final String KEY = "ReviewRoundProcess";

  public static final class Elements {
    public static final String START = "StartEvent_RoundStarted";
    public static final String ASSESSOR_NAMED = "Gateway_AssessorNamed";
    public static final String FIRST_ASSESSMENT = "Gateway_FirstAssessment";
    public static final String END_SETTLED = "EndEvent_RoundSettled";
    /** A resubmission's assessor asked for more evidence: the caller's candidate amends again. */
    public static final String END_MORE_EVIDENCE_REQUESTED = "EndEvent_MoreEvidenceRequested";
    public static final String ESCALATE_ASSESSMENT = "ServiceTask_EscalateAssessment";

    private Elements() {
    }
  }

  /** Where a caller calls the round. */
  public static final String CALL_ACTIVITY = "CallActivity_ReviewRound";

  private ReviewRoundProcess() {
  }
}
