package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_ProvideMoreEvidence}: the candidate updates the impact statement. */
@Component
class MoreEvidenceProvidedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final ReviewRoundSteps steps;

  MoreEvidenceProvidedListener(Actors actors, ReviewRoundSteps steps) {
    this.actors = actors;
    this.steps = steps;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Provide more evidence");
    ImpactStatement.required(execution);
    steps.provideEvidence(ApplicationRegister.keyOf(execution), actor, EvidenceHistory.Evidence.of(execution, null));
    // The assessor's next form starts with a fresh decision.
    MORE_EVIDENCE_REQUESTED.on(execution, false);
  }
}
