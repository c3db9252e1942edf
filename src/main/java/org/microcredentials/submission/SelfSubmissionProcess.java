package org.microcredentials.submission;

/**
 * The contract of {@code processes/self-submission.bpmn}: its key, element ids and variable
 * names. Its review tasks (the ids below, CONTRACT.md's) are in the review round it calls
 * ({@code org.microcredentials.review.ReviewRoundProcess}), with the same business key, as are the
 * round's variables. BPMN, forms and Java take their names from here (and ../shared/CONTRACT.md).
 */
public final class SelfSubmissionProcess {

  public static final String KEY = "SelfSubmissionProcess";

  public static final class Tasks {
    public static final String ASSIGN_ASSESSOR = "Task_AssignAssessor";
    public static final String ASSESS_EVIDENCE = "Task_AssessEvidence";
    public static final String PROVIDE_MORE_EVIDENCE = "Task_ProvideMoreEvidence";
    public static final String PEER_REVIEW = "Task_PeerReview";
    public static final String MODERATE_SCORE = "Task_ModerateScore";
    public static final String REASSIGN_ASSESSOR = "Task_ReassignAssessor";
    public static final String REASSIGN_REVIEWER = "Task_ReassignReviewer";

    private Tasks() {
    }
  }

  public static final class Elements {
    public static final String START = "StartEvent_ApplicationSubmitted";
    public static final String END_CREDENTIAL_ISSUED = "EndEvent_CredentialIssued";
    public static final String END_APPLICATION_CLOSED = "EndEvent_ApplicationClosed";
    public static final String CALL_RESUBMISSION = "CallActivity_Resubmission";

    private Elements() {
    }
  }

  public static final class Variables {
    // start
    public static final String CANDIDATE_ID = "candidateId";
    public static final String SKILL_CODE = "skillCode";
    public static final String SKILL_LEVEL = "skillLevel";
    public static final String IMPACT_PROBLEM = "impactProblem";
    public static final String IMPACT_ACTIONS = "impactActions";
    public static final String IMPACT_RESULTS = "impactResults";
    public static final String EVIDENCE_LINKS = "evidenceLinks";
    public static final String REVIEWED_WITH_LINE_MANAGER = "reviewedWithLineManager";
    // set at start, for people and gateways
    public static final String CANDIDATE_NAME = "candidateName";
    public static final String SKILL_NAME = "skillName";
    public static final String FRAMEWORK_VERSION = "frameworkVersion";
    public static final String REVIEWER_COUNT = "reviewerCount";
    // assignment
    public static final String ELIGIBLE_ASSESSORS = "eligibleAssessors";
    public static final String ASSESSOR_ID = "assessorId";
    public static final String ASSESSOR_NAME = "assessorName";
    // assessment
    public static final String MORE_EVIDENCE_REQUESTED = "moreEvidenceRequested";
    public static final String EVIDENCE_REQUEST = "evidenceRequest";
    public static final String SCORE = "score";
    public static final String JUSTIFICATION = "justification";
    public static final String IMPROVEMENT_AREAS = "improvementAreas";
    // peer review, per reviewer: moved into peerReviews when the review is done
    public static final String REVIEW_AGREES = "reviewAgrees";
    public static final String PROPOSED_SCORE = "proposedScore";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String PEER_REVIEWS = "peerReviews";
    public static final String PEER_REVIEW_SUMMARY = "peerReviewSummary";
    public static final String REVIEWERS_AGREE = "reviewersAgree";
    // moderation and outcome
    public static final String FINAL_SCORE = "finalScore";
    public static final String MODERATION_JUSTIFICATION = "moderationJustification";
    public static final String PASSED = "passed";
    public static final String CREDENTIAL_ID = "credentialId";
    /** The justification the candidate receives: the moderator's where the score was moderated. */
    public static final String OUTCOME_JUSTIFICATION = "outcomeJustification";
    // evidence versions and SLAs
    public static final String ELIGIBLE_REPLACEMENTS = "eligibleReplacements";
    public static final String NEW_ASSIGNEE_ID = "newAssigneeId";

    private Variables() {
    }
  }

  private SelfSubmissionProcess() {
  }
}
