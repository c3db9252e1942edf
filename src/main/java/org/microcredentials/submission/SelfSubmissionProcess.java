package org.microcredentials.submission;

import org.microcredentials.review.ReviewRoundProcess;

/**
 * The contract of {@code processes/self-submission.bpmn}: its key, element ids and variable
 * names. Its review tasks (the ids below, CONTRACT.md's) are in the review round it calls
 * ({@code org.microcredentials.review.ReviewRoundProcess}), with the same business key, as are the
 * round's variables: their names are the round's ({@link ReviewRoundProcess}), repeated here for the
 * clients of CONTRACT.md. BPMN, forms and Java take their names from here (and docs/contract.md).
 */
public final class SelfSubmissionProcess {

  public static final String KEY = "SelfSubmissionProcess";

  public static final class Tasks {
    public static final String ASSIGN_ASSESSOR = ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR;
    public static final String ASSESS_EVIDENCE = ReviewRoundProcess.Tasks.ASSESS_EVIDENCE;
    public static final String PROVIDE_MORE_EVIDENCE = ReviewRoundProcess.Tasks.PROVIDE_MORE_EVIDENCE;
    public static final String PEER_REVIEW = ReviewRoundProcess.Tasks.PEER_REVIEW;
    public static final String MODERATE_SCORE = ReviewRoundProcess.Tasks.MODERATE_SCORE;
    public static final String REASSIGN_ASSESSOR = ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR;
    public static final String REASSIGN_REVIEWER = ReviewRoundProcess.Tasks.REASSIGN_REVIEWER;

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
    public static final String CANDIDATE_ID = ReviewRoundProcess.Variables.CANDIDATE_ID;
    public static final String SKILL_CODE = ReviewRoundProcess.Variables.SKILL_CODE;
    public static final String SKILL_LEVEL = ReviewRoundProcess.Variables.SKILL_LEVEL;
    public static final String IMPACT_PROBLEM = ReviewRoundProcess.Variables.IMPACT_PROBLEM;
    public static final String IMPACT_ACTIONS = ReviewRoundProcess.Variables.IMPACT_ACTIONS;
    public static final String IMPACT_RESULTS = ReviewRoundProcess.Variables.IMPACT_RESULTS;
    public static final String EVIDENCE_LINKS = ReviewRoundProcess.Variables.EVIDENCE_LINKS;
    public static final String REVIEWED_WITH_LINE_MANAGER = "reviewedWithLineManager";
    // set at start, for people and gateways
    public static final String CANDIDATE_NAME = ReviewRoundProcess.Variables.CANDIDATE_NAME;
    public static final String SKILL_NAME = ReviewRoundProcess.Variables.SKILL_NAME;
    // assignment
    public static final String ELIGIBLE_ASSESSORS = ReviewRoundProcess.Variables.ELIGIBLE_ASSESSORS;
    public static final String ASSESSOR_ID = ReviewRoundProcess.Variables.ASSESSOR_ID;
    public static final String ASSESSOR_NAME = ReviewRoundProcess.Variables.ASSESSOR_NAME;
    // assessment
    public static final String MORE_EVIDENCE_REQUESTED = ReviewRoundProcess.Variables.MORE_EVIDENCE_REQUESTED;
    public static final String EVIDENCE_REQUEST = ReviewRoundProcess.Variables.EVIDENCE_REQUEST;
    public static final String SCORE = ReviewRoundProcess.Variables.SCORE;
    public static final String JUSTIFICATION = ReviewRoundProcess.Variables.JUSTIFICATION;
    public static final String IMPROVEMENT_AREAS = ReviewRoundProcess.Variables.IMPROVEMENT_AREAS;
    // peer review, per reviewer: recorded in its row and cleared when the review is done
    public static final String REVIEW_AGREES = ReviewRoundProcess.Variables.REVIEW_AGREES;
    public static final String PROPOSED_SCORE = ReviewRoundProcess.Variables.PROPOSED_SCORE;
    public static final String REVIEW_COMMENT = ReviewRoundProcess.Variables.REVIEW_COMMENT;
    public static final String PEER_REVIEWS = ReviewRoundProcess.Variables.PEER_REVIEWS;
    public static final String PEER_REVIEW_SUMMARY = ReviewRoundProcess.Variables.PEER_REVIEW_SUMMARY;
    public static final String REVIEWERS_AGREE = ReviewRoundProcess.Variables.REVIEWERS_AGREE;
    // moderation and outcome
    public static final String FINAL_SCORE = ReviewRoundProcess.Variables.FINAL_SCORE;
    public static final String MODERATION_JUSTIFICATION = ReviewRoundProcess.Variables.MODERATION_JUSTIFICATION;
    public static final String PASSED = ReviewRoundProcess.Variables.PASSED;
    public static final String CREDENTIAL_ID = ReviewRoundProcess.Variables.CREDENTIAL_ID;
    /** The justification the candidate receives: the moderator's where the score was moderated. */
    public static final String OUTCOME_JUSTIFICATION = ReviewRoundProcess.Variables.OUTCOME_JUSTIFICATION;
    // evidence versions and SLAs
    public static final String ELIGIBLE_REPLACEMENTS = ReviewRoundProcess.Variables.ELIGIBLE_REPLACEMENTS;
    public static final String NEW_ASSIGNEE_ID = ReviewRoundProcess.Variables.NEW_ASSIGNEE_ID;

    private Variables() {
    }
  }

  private SelfSubmissionProcess() {
  }
}
