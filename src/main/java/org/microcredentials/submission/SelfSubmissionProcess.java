package org.microcredentials.submission;

import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.ProcessVariable;
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
   * application's by {@link CredentialVariables} and {@link ImpactStatement}, the round's by
   * {@link ReviewRoundProcess.Variables}.
   */
  public static final class Variables {
    public static final ProcessVariable<Boolean> REVIEWED_WITH_LINE_MANAGER =
        ProcessVariable.flag("reviewedWithLineManager");

    private Variables() {
    }
  }

  private SelfSubmissionProcess() {
  }
}
