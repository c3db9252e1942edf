package org.microcredentials.endorsement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A request its leader left unanswered past {@code requestExpiry} is closed: it no longer counts as open. */
@Component
class ExpireEndorsementRequestDelegate implements JavaDelegate {

  private final EndorsementRequestSteps steps;

  ExpireEndorsementRequestDelegate(EndorsementRequestSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.expire(execution.getProcessBusinessKey());
  }
}
