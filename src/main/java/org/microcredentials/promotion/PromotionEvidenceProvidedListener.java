package org.microcredentials.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.review.ReviewRoundSteps;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ProvidePromotionEvidence}: only the candidate gives the evidence for a
 * skill of their promotion, an impact statement (problem, actions, results, required; links
 * optional); it is kept as the first version of the skill's evidence, which its round assesses and
 * its credential carries.
 */
@Component
class PromotionEvidenceProvidedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final ReviewRoundSteps steps;

  PromotionEvidenceProvidedListener(Actors actors, ReviewRoundSteps steps) {
    this.actors = actors;
    this.steps = steps;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Provide promotion evidence");
    ImpactStatement.required(execution);
    steps.provideEvidence(ApplicationRegister.keyOf(execution), actor, EvidenceHistory.Evidence.of(execution, null));
  }
}
