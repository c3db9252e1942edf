package org.microcredentials.submission;

import org.microcredentials.process.ProcessVariable;

/**
 * The contract of {@code processes/resubmission.bpmn}: a failed application amended and
 * re-assessed by the same assessor, called from {@link SelfSubmissionProcess} with the same
 * business key and variables. Its peer review and moderation use the names of the first round.
 */
public final class ResubmissionProcess {

  public static final String KEY = "ResubmissionProcess";

  public static final class Tasks {
    public static final String AMEND_APPLICATION = "Task_AmendApplication";

    private Tasks() {
    }
  }

  public static final class Elements {
    public static final String CANDIDATE_IDLE = "BoundaryEvent_CandidateIdle";
    public static final String END_LET_GO = "EndEvent_ApplicationLetGo";
    public static final String END_CLOSED_IDLE = "EndEvent_ApplicationClosedIdle";
    public static final String END_CREDENTIAL_ISSUED = "EndEvent_CredentialIssued";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final ProcessVariable<Boolean> RESUBMIT = ProcessVariable.flag("resubmit");
    public static final ProcessVariable<String> AMENDMENTS = ProcessVariable.text("amendments");
    public static final ProcessVariable<String> CHANGES_SINCE_LAST_ASSESSMENT =
        ProcessVariable.text("changesSinceLastAssessment");

    private Variables() {
    }
  }

  private ResubmissionProcess() {
  }
}
