package org.microcredentials.review;

/**
 * The contract of {@code processes/review-round.bpmn}: one review round of an application, modelled
 * once and called with the caller's business key and variables ({@code camunda:in businessKey},
 * {@code variables="all"} in and out) by {@code SelfSubmissionProcess} for the first round and by
 * {@code ResubmissionProcess} for each re-assessment. Its user tasks keep the ids of CONTRACT.md
 * ({@link Tasks}, their one home: a self-submission's and a resubmission's assessment tasks are these), and
 * {@code GET /engine-rest/task?processInstanceBusinessKey=} lists
 * them with the caller's. The round's listeners and delegates are in this package; the application
 * they work on is {@code org.microcredentials.application}.
 *
 * <p>Where the round's facts live: who applied, for which skill and level, who assesses, the
 * assessor's score and justification, each peer review and the moderated score are rows of the
 * application ({@code ApplicationRegister}: {@code application}, {@code peer_review}); the round's
 * gateways and loop read them through {@code applicationFacts}, and issuing reads them from there,
 * never from a variable. The variables the round writes are for forms and clients ({@code assessorId},
 * {@code assessorName}, {@code peerReviewSummary} when a reviewer disagrees, {@code finalScore},
 * {@code passed}, {@code outcomeJustification}); the callers decide on {@code applicationFacts} too.
 * {@code peerReviews} and {@code reviewersAgree} are read or written only for instances begun on an
 * earlier release (see {@code ReviewsLoggedEarlier}, {@code EvaluatePeerReviewsDelegate}).
 *
 * <p>How a round ends: {@link Elements#END_PASSED} (the credential is issued and the candidate told),
 * {@link Elements#END_FAILED} (the outcome recorded, the candidate told in the assessor's name), or,
 * on a resubmission only, {@link Elements#END_MORE_EVIDENCE_REQUESTED} (the caller's candidate amends).
 */
public final class ReviewRoundProcess {

  public static final String KEY = "ReviewRoundProcess";

  /** Where a caller calls the round. */
  public static final String CALL_ACTIVITY = "CallActivity_ReviewRound";

  /** The round's user tasks; the ids of CONTRACT.md, which the callers' contracts repeat. */
  public static final class Tasks {
    public static final String ASSIGN_ASSESSOR = "Task_AssignAssessor";
    public static final String ASSESS_EVIDENCE = "Task_AssessEvidence";
    /** On a resubmission: the same assessor scores the amended evidence, seeing what changed. */
    public static final String REASSESS_EVIDENCE = "Task_ReassessEvidence";
    public static final String PROVIDE_MORE_EVIDENCE = "Task_ProvideMoreEvidence";
    public static final String PEER_REVIEW = "Task_PeerReview";
    public static final String MODERATE_SCORE = "Task_ModerateScore";
    public static final String REASSIGN_ASSESSOR = "Task_ReassignAssessor";
    public static final String REASSIGN_REVIEWER = "Task_ReassignReviewer";

    private Tasks() {
    }
  }

  /**
   * The variables the round writes (for forms and callers) and the names it adds to the application's, which its
   * caller started it with ({@link org.microcredentials.application.ApplicationVariables},
   * {@link org.microcredentials.credential.ImpactStatement}).
   */
  public static final class Variables {
    public static final String CANDIDATE_NAME = "candidateName";
    public static final String SKILL_NAME = "skillName";
    // assignment
    public static final String ELIGIBLE_ASSESSORS = "eligibleAssessors";
    /** The configured lowest level of an assessor, a local variable of the assignment: its form names it. */
    public static final String MINIMUM_ASSESSOR_LEVEL = "minimumAssessorLevel";
    public static final String ASSESSOR_ID = "assessorId";
    public static final String ASSESSOR_NAME = "assessorName";
    // assessment
    public static final String MORE_EVIDENCE_REQUESTED = "moreEvidenceRequested";
    public static final String EVIDENCE_REQUEST = "evidenceRequest";
    public static final String SCORE = "score";
    public static final String JUSTIFICATION = "justification";
    public static final String IMPROVEMENT_AREAS = "improvementAreas";
    // peer review, per reviewer: recorded in its row and cleared when the review is done
    public static final String REVIEW_AGREES = "reviewAgrees";
    public static final String PROPOSED_SCORE = "proposedScore";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String PEER_REVIEWS = "peerReviews";
    public static final String PEER_REVIEW_SUMMARY = "peerReviewSummary";
    public static final String REVIEWERS_AGREE = "reviewersAgree";
    // moderation and outcome
    /** The configured pass mark, a local variable of the scoring tasks and the failure mail (and the promotion's decision). */
    public static final String PASS_MARK = "passMark";
    public static final String FINAL_SCORE = "finalScore";
    public static final String MODERATION_JUSTIFICATION = "moderationJustification";
    public static final String PASSED = "passed";
    public static final String CREDENTIAL_ID = "credentialId";
    /** The justification the candidate receives: the moderator's where the score was moderated. */
    public static final String OUTCOME_JUSTIFICATION = "outcomeJustification";
    // deadlines and reassignment
    public static final String ELIGIBLE_REPLACEMENTS = "eligibleReplacements";
    public static final String NEW_ASSIGNEE_ID = "newAssigneeId";

    private Variables() {
    }
  }

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
