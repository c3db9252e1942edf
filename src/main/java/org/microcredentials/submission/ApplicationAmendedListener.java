package org.microcredentials.submission;

import static org.microcredentials.submission.ResubmissionProcess.Variables.RESUBMIT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_AmendApplication}: the candidate resubmits with the additions and
 * changes marked, or lets the application go. Every resubmitted version is kept, and the
 * assessor is shown what changed since the version they assessed.
 */
@Component
class ApplicationAmendedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final ResubmissionSteps steps;

  ApplicationAmendedListener(Actors actors, ResubmissionSteps steps) {
    this.actors = actors;
    this.steps = steps;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Amend the application");
    boolean resubmit = VariableReader.of(execution).requiredBoolean(RESUBMIT);
    ResubmissionSteps.Amended amended = steps.amend(ApplicationRegister.keyOf(execution), actor, resubmit,
        () -> ResubmissionSteps.amendedAsSent(execution));
    amended.showOn(execution);
  }
}
