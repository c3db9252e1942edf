package org.microcredentials.review;

/**
 * The contract of {@code processes/review-round.bpmn}: one review round of an application, modelled
 * once and called with the caller's business key and variables ({@code camunda:in businessKey},
 * {@code variables="all"} in and out) by {@code SelfSubmissionProcess} for the first round and by
 * {@code ResubmissionProcess} for each re-assessment. Its user tasks keep the ids of CONTRACT.md
 * ({@code SelfSubmissionProcess.Tasks}, {@code ResubmissionProcess.Tasks.REASSESS_EVIDENCE}), and
 * {@code GET /engine-rest/task?processInstanceBusinessKey=} lists them with the caller's.
 *
 * <p>Where the round's facts live: who applied, for which skill and level, who assesses, the
 * assessor's score and justification, each peer review and the moderated score are rows of the
 * application ({@code ApplicationRegister}: {@code application}, {@code peer_review}); the round's
 * gateways and loop read them through {@code applicationFacts}, and issuing reads them from there,
 * never from a variable. The variables the round writes are for forms and clients ({@code assessorId},
 * {@code assessorName}, {@code peerReviews}, {@code peerReviewSummary}, {@code finalScore},
 * {@code passed}, {@code outcomeJustification}); the callers decide on {@code applicationFacts} too.
 *
 * <p>How a round ends: {@link Elements#END_PASSED} (the credential is issued and the candidate told),
 * {@link Elements#END_FAILED} (the outcome recorded, the candidate told in the assessor's name), or,
 * on a resubmission only, {@link Elements#END_MORE_EVIDENCE_REQUESTED} (the caller's candidate amends).
 */
public final class ReviewRoundProcess {

  public static final String KEY = "ReviewRoundProcess";

  /** Where a caller calls the round. */
  public static final String CALL_ACTIVITY = "CallActivity_ReviewRound";

  public static final class Elements {
    public static final String START = "StartEvent_RoundStarted";
    public static final String ASSESSOR_NAMED = "Gateway_AssessorNamed";
    public static final String FIRST_ASSESSMENT = "Gateway_FirstAssessment";
    public static final String ISSUE_CREDENTIAL = "ServiceTask_IssueCredential";
    public static final String RECORD_FAILURE = "ServiceTask_RecordFailure";
    public static final String NOTIFY_CANDIDATE_OF_FAILURE = "ServiceTask_NotifyCandidateOfFailure";
    public static final String END_PASSED = "EndEvent_RoundPassed";
    public static final String END_FAILED = "EndEvent_RoundFailed";
    /** A resubmission's assessor asked for more evidence: the caller's candidate amends again. */
    public static final String END_MORE_EVIDENCE_REQUESTED = "EndEvent_MoreEvidenceRequested";
    public static final String ESCALATE_ASSESSMENT = "ServiceTask_EscalateAssessment";

    private Elements() {
    }
  }

  private ReviewRoundProcess() {
  }
}
