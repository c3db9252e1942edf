package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.RuleCheckingTaskListener;
import org.springframework.stereotype.Component;

/**
 * On claim or assignment of an endorsement or request task: only a person the rules allow may
 * hold it. (Unclaiming, an empty assignee, is always allowed.)
 */
@Component
class EndorsementTaskGuard extends RuleCheckingTaskListener {

  private final Organisation organisation;
  private final EndorsementPolicy policy;

  EndorsementTaskGuard(Organisation organisation, EndorsementPolicy policy) {
    this.organisation = organisation;
    this.policy = policy;
  }

  @Override
  protected void check(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    switch (task.getTaskDefinitionKey()) {
      case EndorsementProcess.Tasks.REVIEW_ENDORSEMENT -> {
        Engineer reviewer = organisation.find(assignee).orElseThrow(() -> RuleViolation.forbidden("reviewer-level",
            assignee + " is not an engineer of the organisation and may not review an endorsement."));
        policy.checkReviewer(reviewer, (String) task.getVariable(ENDORSER_ID), (String) task.getVariable(CANDIDATE_ID));
      }
      case EndorsementProcess.Tasks.PROVIDE_JUSTIFICATION ->
          requireSame(assignee, (String) task.getVariable(ENDORSER_ID), "endorser-justifies", "the endorser");
      case EndorsementRequestProcess.Tasks.CONSIDER_REQUEST ->
          requireSame(assignee, (String) task.getVariable(EndorsementRequestProcess.Variables.LEADER_ID),
              "asked-leader-answers", "the leader asked");
      default -> {
      }
    }
  }

  static void requireSame(String actor, String expected, String rule, String who) {
    if (!actor.equals(expected)) {
      throw RuleViolation.forbidden(rule, "This task belongs to " + who + " " + expected + "; " + actor + " may not take it.");
    }
  }
}
