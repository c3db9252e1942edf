package org.microcredentials.review;

import org.camunda.spin.json.SpinJsonNode;
import org.microcredentials.process.ProcessVariable;

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
 * earlier release (see {@code ReviewsLoggedEarlier}, {@code PeerReviewSteps.ReviewsMet}).
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
   * caller started it with: the candidate's and the skill's, and the credential it issues, are
   * {@link org.microcredentials.credential.CredentialVariables}'s, the statement's
   * {@link org.microcredentials.credential.ImpactStatement}'s. The assessor's {@code score} (out of 10) and
   * {@code justification} and a peer reviewer's {@code reviewComment} are declared here once and also name an
   * endorser's score and justification and an endorsement reviewer's comment: the same facts in another flow.
   */
  public static final class Variables {
    // assignment
    public static final ProcessVariable<SpinJsonNode> ELIGIBLE_ASSESSORS = ProcessVariable.json("eligibleAssessors");
    /** The configured lowest level of an assessor, a local variable of the assignment: its form names it. */
    public static final ProcessVariable<Integer> MINIMUM_ASSESSOR_LEVEL =
        ProcessVariable.integer("minimumAssessorLevel");
    public static final ProcessVariable<String> ASSESSOR_ID = ProcessVariable.text("assessorId");
    public static final ProcessVariable<String> ASSESSOR_NAME = ProcessVariable.text("assessorName");
    // assessment
    public static final ProcessVariable<Boolean> MORE_EVIDENCE_REQUESTED =
        ProcessVariable.flag("moreEvidenceRequested");
    public static final ProcessVariable<String> EVIDENCE_REQUEST = ProcessVariable.text("evidenceRequest");
    public static final ProcessVariable<Integer> SCORE = ProcessVariable.integer("score");
    public static final ProcessVariable<String> JUSTIFICATION = ProcessVariable.text("justification");
    public static final ProcessVariable<String> IMPROVEMENT_AREAS = ProcessVariable.text("improvementAreas");
    // peer review, per reviewer: recorded in its row and cleared when the review is done
    public static final ProcessVariable<Boolean> REVIEW_AGREES = ProcessVariable.flag("reviewAgrees");
    public static final ProcessVariable<Integer> PROPOSED_SCORE = ProcessVariable.integer("proposedScore");
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.text("reviewComment");
    public static final ProcessVariable<SpinJsonNode> PEER_REVIEWS = ProcessVariable.json("peerReviews");
    public static final ProcessVariable<String> PEER_REVIEW_SUMMARY = ProcessVariable.text("peerReviewSummary");
    public static final ProcessVariable<Boolean> REVIEWERS_AGREE = ProcessVariable.flag("reviewersAgree");
    // moderation and outcome
    /** The configured pass mark, a local variable of the scoring tasks and the failure mail (and the promotion's decision). */
    public static final ProcessVariable<Integer> PASS_MARK = ProcessVariable.integer("passMark");
    public static final ProcessVariable<Integer> FINAL_SCORE = ProcessVariable.integer("finalScore");
    public static final ProcessVariable<String> MODERATION_JUSTIFICATION =
        ProcessVariable.text("moderationJustification");
    public static final ProcessVariable<Boolean> PASSED = ProcessVariable.flag("passed");
    /** The justification the candidate receives: the moderator's where the score was moderated. */
    public static final ProcessVariable<String> OUTCOME_JUSTIFICATION = ProcessVariable.text("outcomeJustification");
    // deadlines and reassignment
    public static final ProcessVariable<SpinJsonNode> ELIGIBLE_REPLACEMENTS =
        ProcessVariable.json("eligibleReplacements");
    public static final ProcessVariable<String> NEW_ASSIGNEE_ID = ProcessVariable.text("newAssigneeId");

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
