package org.microcredentials.endorsement;

import org.microcredentials.credential.ImpactStatement;

/**
 * The contract of {@code processes/endorsement.bpmn}: its key, element ids and variable names.
 * BPMN, forms and Java take their names from here (and docs/contract.md); the impact statement's fields are
 * {@link ImpactStatement}'s.
 */
public final class EndorsementProcess {

  public static final String KEY = "EndorsementProcess";

  /** Business keys of endorsements a leader starts directly; one started from a request keeps the request's key. */
  public static final String BUSINESS_KEY_PREFIX = "END";

  public static final class Tasks {
    public static final String REVIEW_ENDORSEMENT = "Task_ReviewEndorsement";
    public static final String PROVIDE_JUSTIFICATION = "Task_ProvideJustification";

    private Tasks() {
    }
  }

  public static final class Elements {
    public static final String START = "StartEvent_EndorsementStarted";
    public static final String INFORM_LINE_MANAGER = "ServiceTask_InformLineManager";
    public static final String ISSUE_CREDENTIAL = "ServiceTask_IssueCredential";
    public static final String NOTIFY_APPROVED = "ServiceTask_NotifyEndorsementApproved";
    public static final String NOTIFY_ENDORSER_WITHDRAWN = "ServiceTask_NotifyEndorserOfWithdrawal";
    public static final String NOTIFY_CANDIDATE_WITHDRAWN = "ServiceTask_NotifyCandidateOfWithdrawal";
    public static final String END_APPROVED = "EndEvent_EndorsementApproved";
    public static final String END_WITHDRAWN = "EndEvent_EndorsementWithdrawn";

    private Elements() {
    }
  }

  /** The reviewer's decisions ({@code reviewDecision}). */
  public static final class Decisions {
    public static final String APPROVE = "approve";
    public static final String REQUEST_JUSTIFICATION = "request-justification";
    public static final String WITHDRAW = "withdraw";

    private Decisions() {
    }
  }

  public static final class Variables {
    // start
    public static final String ENDORSER_ID = "endorserId";
    public static final String CANDIDATE_ID = "candidateId";
    public static final String SKILL_CODE = "skillCode";
    public static final String SKILL_LEVEL = "skillLevel";
    public static final String SCORE = "score";
    public static final String JUSTIFICATION = "justification";
    // set at start, for people, forms and notifications
    public static final String ENDORSER_NAME = "endorserName";
    public static final String CANDIDATE_NAME = "candidateName";
    public static final String CANDIDATE_LEVEL = "candidateLevel";
    public static final String LINE_MANAGER_ID = "lineManagerId";
    public static final String SKILL_NAME = "skillName";
    // review and the further-justification loop
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String ADDITIONAL_JUSTIFICATION = "additionalJustification";
    /** Every round so far, as text the reviewer reads: each question and the endorser's answer. */
    public static final String JUSTIFICATION_HISTORY = "justificationHistory";
    /**
     * The endorsement's (or the request's) business key, a local variable of the tasks whose forms name it: a form
     * reads only variables, and the business key is none.
     */
    public static final String BUSINESS_KEY = "businessKey";
    // outcome
    public static final String APPROVED = "approved";
    public static final String CREDENTIAL_ID = "credentialId";

    private Variables() {
    }
  }

  private EndorsementProcess() {
  }
}
