package org.microcredentials.submission;

import static org.microcredentials.submission.SelfSubmissionProcess.Variables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A failed application keeps its outcome: final score, justification, areas to improve and goals. */
@Component
class RecordFailureDelegate implements JavaDelegate {

  private final ApplicationRegister applications;
  private final Clock clock;

  RecordFailureDelegate(ApplicationRegister applications, Clock clock) {
    this.applications = applications;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    applications.recordOutcome(execution.getProcessBusinessKey(), ApplicationRegister.Status.FAILED,
        ((Number) execution.getVariable(FINAL_SCORE)).intValue(), Outcome.justification(execution),
        (String) execution.getVariable(IMPROVEMENT_AREAS), clock.instant());
  }
}
