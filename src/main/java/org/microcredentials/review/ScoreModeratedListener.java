package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.TaskHolder;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/** Completion of {@code Task_ModerateScore}: the assessor sets the final score with a justification. */
@Component
class ScoreModeratedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final ScorePolicy scorePolicy;
  private final ApplicationRegister applications;

  ScoreModeratedListener(Actors actors, ScorePolicy scorePolicy, ApplicationRegister applications) {
    this.applications = applications;
    this.actors = actors;
    this.scorePolicy = scorePolicy;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Moderate the score");
    String assessorId = applications.application(ApplicationRegister.keyOf(execution)).assessorId();
    TaskHolder.require(actor, assessorId, "assessor-moderates", "the assessor");
    VariableReader input = VariableReader.of(execution);
    int finalScore = input.requiredWholeNumber(FINAL_SCORE, ScorePolicy.LOWEST_SCORE, ScorePolicy.HIGHEST_SCORE);
    String justification = input.requiredText(MODERATION_JUSTIFICATION);
    Optional<String> improvementAreas = input.optionalText(IMPROVEMENT_AREAS);
    scorePolicy.checkImprovementAreas(finalScore, improvementAreas);
    applications.recordModeration(ApplicationRegister.keyOf(execution), finalScore, justification, improvementAreas.orElse(null));
    execution.setVariable(FINAL_SCORE, finalScore);
    execution.setVariable(PASSED, scorePolicy.passes(finalScore));
  }
}
