package org.microcredentials.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_DecidePromotion}: whether the candidate is promoted ({@code promoted}) and why
 * ({@code decisionJustification}), decided and recorded by {@link PromotionSteps#decide}.
 */
@Component
class PromotionDecidedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final PromotionSteps steps;

  PromotionDecidedListener(Actors actors, PromotionSteps steps) {
    this.actors = actors;
    this.steps = steps;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Decide the promotion");
    PromotionSteps.Decision decision = steps.decide(execution.getProcessBusinessKey(), actor,
        () -> PromotionSteps.Decision.asSent(execution));
    decision.showOn(execution);
  }
}
