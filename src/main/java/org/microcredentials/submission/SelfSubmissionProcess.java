package org.microcredentials.submission;

import org.microcredentials.application.ApplicationVariables;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.review.ReviewRoundProcess;

/**
 * The contract of {@code processes/self-submission.bpmn}: its key, element ids and variable
 * names. Its review tasks (the ids below, CONTRACT.md's) are in the review round it calls
 * ({@code org.microcredentials.review.ReviewRoundProcess}), with the same business key, as are the
 * round's variables, whose names are the round's ({@link ReviewRoundProcess.Variables}) alone. BPMN, forms and
 * Java take their names from those homes (and docs/contract.md).
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

  /**
   * The self-submission's own start variable. The others it carries are named where they belong: the
   * application's by {@link ApplicationVariables} and {@link ImpactStatement}, the round's by
   * {@link ReviewRoundProcess.Variables}.
   */
  public static final class Variables {
    public static final String REVIEWED_WITH_LINE_MANAGER = "reviewedWithLineManager";

    /** @deprecated the application's name: {@link ApplicationVariables#CANDIDATE_ID} */
    @Deprecated public static final String CANDIDATE_ID = ApplicationVariables.CANDIDATE_ID;
    /** @deprecated the application's name: {@link ApplicationVariables#SKILL_CODE} */
    @Deprecated public static final String SKILL_CODE = ApplicationVariables.SKILL_CODE;
    /** @deprecated the application's name: {@link ApplicationVariables#SKILL_LEVEL} */
    @Deprecated public static final String SKILL_LEVEL = ApplicationVariables.SKILL_LEVEL;
    /** @deprecated the statement's name: {@link ImpactStatement#PROBLEM} */
    @Deprecated public static final String IMPACT_PROBLEM = ImpactStatement.PROBLEM;
    /** @deprecated the statement's name: {@link ImpactStatement#ACTIONS} */
    @Deprecated public static final String IMPACT_ACTIONS = ImpactStatement.ACTIONS;
    /** @deprecated the statement's name: {@link ImpactStatement#RESULTS} */
    @Deprecated public static final String IMPACT_RESULTS = ImpactStatement.RESULTS;
    /** @deprecated the statement's name: {@link ImpactStatement#LINKS} */
    @Deprecated public static final String EVIDENCE_LINKS = ImpactStatement.LINKS;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#ASSESSOR_ID} */
    @Deprecated public static final String ASSESSOR_ID = ReviewRoundProcess.Variables.ASSESSOR_ID;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#MORE_EVIDENCE_REQUESTED} */
    @Deprecated public static final String MORE_EVIDENCE_REQUESTED = ReviewRoundProcess.Variables.MORE_EVIDENCE_REQUESTED;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#EVIDENCE_REQUEST} */
    @Deprecated public static final String EVIDENCE_REQUEST = ReviewRoundProcess.Variables.EVIDENCE_REQUEST;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#SCORE} */
    @Deprecated public static final String SCORE = ReviewRoundProcess.Variables.SCORE;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#JUSTIFICATION} */
    @Deprecated public static final String JUSTIFICATION = ReviewRoundProcess.Variables.JUSTIFICATION;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#IMPROVEMENT_AREAS} */
    @Deprecated public static final String IMPROVEMENT_AREAS = ReviewRoundProcess.Variables.IMPROVEMENT_AREAS;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#REVIEW_AGREES} */
    @Deprecated public static final String REVIEW_AGREES = ReviewRoundProcess.Variables.REVIEW_AGREES;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#PROPOSED_SCORE} */
    @Deprecated public static final String PROPOSED_SCORE = ReviewRoundProcess.Variables.PROPOSED_SCORE;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#REVIEW_COMMENT} */
    @Deprecated public static final String REVIEW_COMMENT = ReviewRoundProcess.Variables.REVIEW_COMMENT;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#FINAL_SCORE} */
    @Deprecated public static final String FINAL_SCORE = ReviewRoundProcess.Variables.FINAL_SCORE;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#MODERATION_JUSTIFICATION} */
    @Deprecated public static final String MODERATION_JUSTIFICATION = ReviewRoundProcess.Variables.MODERATION_JUSTIFICATION;
    /** @deprecated the round's name: {@link ReviewRoundProcess.Variables#NEW_ASSIGNEE_ID} */
    @Deprecated public static final String NEW_ASSIGNEE_ID = ReviewRoundProcess.Variables.NEW_ASSIGNEE_ID;

    private Variables() {
    }
  }

  private SelfSubmissionProcess() {
  }
}
