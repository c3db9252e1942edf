package org.microcredentials.promotion;

import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.*;

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
    PromotionRequest request = PromotionRequest.of(execution);
    PromotionIntake.Accepted accepted = intake.accept(candidateId, request);
    execution.setProcessBusinessKey(accepted.businessKey());
    execution.setVariable(CANDIDATE_ID, candidateId);
    execution.setVariable(CANDIDATE_NAME, accepted.candidate().displayName());
    execution.setVariable(CURRENT_LEVEL, accepted.candidate().seniorityLevel());
    execution.setVariable(TARGET_LEVEL, request.targetLevel());
    execution.setVariable(STATEMENT, request.statement().orElse(""));
    execution.setVariable(EXISTING_CREDENTIALS, accepted.existingCredentials());
    access.letFollow(execution, candidateId);
  }
}
