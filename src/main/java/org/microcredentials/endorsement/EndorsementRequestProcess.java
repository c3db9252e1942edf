package org.microcredentials.endorsement;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.ProcessVariable;

/**
 * The contract of {@code processes/endorsement-request.bpmn}: a candidate asks a leader for an
 * endorsement. Accepting calls {@link EndorsementProcess} with the request's business key and the
 * endorsement's start variables, which the request carries under the endorsement's names
 * ({@link EndorsementProcess.Variables}).
 */
public final class EndorsementRequestProcess {

  public static final String KEY = "EndorsementRequestProcess";

  public static final String BUSINESS_KEY_PREFIX = "REQ";

  public static final class Tasks {
    public static final String CONSIDER_REQUEST = "Task_ConsiderEndorsementRequest";

    private Tasks() {
    }
  }

  public static final class Elements {
    public static final String START = "StartEvent_EndorsementRequested";
    public static final String NOTIFY_LEADER = "ServiceTask_NotifyLeaderOfRequest";
    public static final String REQUEST_EXPIRED = "BoundaryEvent_RequestExpired";
    public static final String RECORD_EXPIRY = "ServiceTask_RecordRequestExpiry";
    public static final String NOTIFY_EXPIRED = "ServiceTask_NotifyCandidateOfExpiry";
    public static final String ENDORSEMENT = "CallActivity_Endorsement";
    public static final String NOTIFY_DECLINED = "ServiceTask_NotifyCandidateOfDecline";
    public static final String END_ENDORSEMENT_CONCLUDED = "EndEvent_EndorsementConcluded";
    public static final String END_DECLINED = "EndEvent_RequestDeclined";
    public static final String END_EXPIRED = "EndEvent_RequestExpired";

    private Elements() {
    }
  }

  public static final class Variables {
    // start, with the endorsement's candidateId (set from the authenticated user), skillCode and skillLevel
    public static final ProcessVariable<String> LEADER_ID = ProcessVariable.text("leaderId");
    public static final ProcessVariable<String> MESSAGE = ProcessVariable.text("message");
    // set at start, with the endorsement's candidateName and skillName
    public static final ProcessVariable<String> LEADER_NAME = ProcessVariable.text("leaderName");
    /** ISO-8601 duration of the expiry timer, from configuration. */
    public static final ProcessVariable<String> REQUEST_EXPIRY = ProcessVariable.text("requestExpiry");
    // the leader's answer; when accepting, the endorsement's start variables as well
    public static final ProcessVariable<Boolean> ACCEPT_REQUEST = ProcessVariable.flag("acceptRequest");
    public static final ProcessVariable<String> DECLINE_MESSAGE = ProcessVariable.text("declineMessage");
    /** The configured minimum score of an endorsement, a local variable of the leader's task: its form validates against it. */
    public static final ProcessVariable<Integer> MINIMUM_SCORE = ProcessVariable.integer("minimumScore");

    private Variables() {
    }
  }

  /**
   * The request an endorsement answers: the business key of the request whose model called it, or empty. Only the
   * request model calls the endorsement: a business key a REST client passes with a direct start is never trusted,
   * the instance gets a fresh one.
   */
  static Optional<String> answeredBy(DelegateExecution endorsement) {
    DelegateExecution caller = endorsement.getSuperExecution();
    if (caller == null) {
      return Optional.empty();
    }
    String callerKey = caller.getProcessEngineServices().getRepositoryService()
        .getProcessDefinition(caller.getProcessDefinitionId()).getKey();
    return KEY.equals(callerKey) ? Optional.of(caller.getProcessBusinessKey()) : Optional.empty();
  }

  private EndorsementRequestProcess() {
  }
}
