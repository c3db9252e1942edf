package org.microcredentials.endorsement;

import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.ProcessVariable;
import org.microcredentials.review.ReviewRoundProcess;

/**
 * The contract of {@code processes/endorsement.bpmn}: its key, element ids and variables.
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

  /**
   * The endorsement's own variables. The candidate, the skill and level, their names and the credential issued are
   * {@link CredentialVariables}'s; the endorser's score (out of 10) and justification and the reviewer's comment are
   * the same facts as an assessor's score and justification and a peer reviewer's comment, and keep the review
   * round's declarations ({@link ReviewRoundProcess.Variables}: {@code score}, {@code justification},
   * {@code reviewComment}).
   */
  public static final class Variables {
    // start (with candidateId, skillCode, skillLevel, score and justification)
    public static final ProcessVariable<String> ENDORSER_ID = ProcessVariable.text("endorserId");
    // set at start, for people, forms and notifications (with candidateName and skillName)
    public static final ProcessVariable<String> ENDORSER_NAME = ProcessVariable.text("endorserName");
    public static final ProcessVariable<Integer> CANDIDATE_LEVEL = ProcessVariable.integer("candidateLevel");
    public static final ProcessVariable<String> LINE_MANAGER_ID = ProcessVariable.text("lineManagerId");
    // review and the further-justification loop (with reviewComment)
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.text("reviewDecision");
    public static final ProcessVariable<String> ADDITIONAL_JUSTIFICATION =
        ProcessVariable.text("additionalJustification");
    /** Every round so far, as text the reviewer reads: each question and the endorser's answer. */
    public static final ProcessVariable<String> JUSTIFICATION_HISTORY = ProcessVariable.text("justificationHistory");
    /**
     * The endorsement's (or the request's) business key, a local variable of the tasks whose forms name it: a form
     * reads only variables, and the business key is none.
     */
    public static final ProcessVariable<String> BUSINESS_KEY = ProcessVariable.text("businessKey");
    // outcome (with credentialId)
    public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.flag("approved");

    private Variables() {
    }
  }

  private EndorsementProcess() {
  }
}
