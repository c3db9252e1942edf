package org.microcredentials.promotion;

import static org.microcredentials.credential.CredentialVariables.CANDIDATE_NAME;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.credential.CredentialVariables;
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
    CredentialVariables.CANDIDATE_ID.on(execution, candidateId);
    CANDIDATE_NAME.on(execution, accepted.candidate().displayName());
    CURRENT_LEVEL.on(execution, accepted.candidate().seniorityLevel());
    TARGET_LEVEL.on(execution, request.targetLevel());
    STATEMENT.on(execution, request.statement().orElse(""));
    EXISTING_CREDENTIALS.on(execution, accepted.existingCredentials());
    access.letFollow(execution, candidateId);
  }
}
