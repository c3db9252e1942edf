package org.microcredentials.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code PromotionApplicationProcess}: the authenticated user applies with what the start takes
 * ({@link PromotionRequest}), accepted or refused by {@link PromotionIntake#accept} before anything is kept; the
 * instance gets the application's business key and what its forms show.
 */
@Component
class PromotionStartListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final PromotionIntake intake;
  private final ParticipantAccess access;

  PromotionStartListener(Actors actors, PromotionIntake intake, ParticipantAccess access) {
    this.actors = actors;
    this.intake = intake;
    this.access = access;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String candidateId = actors.requireCurrentUser("apply for promotion");
    PromotionIntake.Accepted accepted = intake.accept(candidateId, PromotionRequest.of(execution));
    accepted.showOn(execution);
    access.letFollow(execution, candidateId);
  }
}
