package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_ModerateScore}: the assessor sets the final score with a justification. */
@Component
class ScoreModeratedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final ReviewRoundSteps steps;

  ScoreModeratedListener(Actors actors, ReviewRoundSteps steps) {
    this.actors = actors;
    this.steps = steps;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Moderate the score");
    VariableReader input = VariableReader.of(execution);
    ReviewRoundSteps.Score moderation = new ReviewRoundSteps.Score(
        input.requiredWholeNumber(FINAL_SCORE, ScorePolicy.LOWEST_SCORE, ScorePolicy.HIGHEST_SCORE),
        input.requiredText(MODERATION_JUSTIFICATION), input.optionalText(IMPROVEMENT_AREAS));
    boolean passed = steps.moderate(ApplicationRegister.keyOf(execution), actor, moderation);
    FINAL_SCORE.on(execution, moderation.score());
    PASSED.on(execution, passed);
  }
}
