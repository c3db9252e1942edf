package org.microcredentials.endorsement;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A request its leader left unanswered past {@code requestExpiry} is closed: it no longer counts as open. */
@Component
class ExpireEndorsementRequestDelegate implements JavaDelegate {

  private final EndorsementRequestRegister requests;
  private final Clock clock;

  ExpireEndorsementRequestDelegate(EndorsementRequestRegister requests, Clock clock) {
    this.requests = requests;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.recordAnswer(execution.getProcessBusinessKey(), EndorsementRequestRegister.Status.EXPIRED, null,
        clock.instant());
  }
}
