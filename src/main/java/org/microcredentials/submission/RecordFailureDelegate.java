package org.microcredentials.submission;

import static org.microcredentials.submission.SelfSubmissionProcess.Variables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A failed round keeps its outcome (final score, justification, areas to improve and goals); the
 * application stays open for a resubmission until the candidate lets it go.
 */
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
    execution.setVariable(OUTCOME_JUSTIFICATION, Outcome.justification(execution));
    applications.recordOutcome(execution.getProcessBusinessKey(), ApplicationRegister.Status.AWAITING_RESUBMISSION,
        ((Number) execution.getVariable(FINAL_SCORE)).intValue(), Outcome.justification(execution),
        (String) execution.getVariable(IMPROVEMENT_AREAS), clock.instant());
  }
}
