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
    ReviewRoundSteps.Score moderation =
        ReviewRoundSteps.Score.read(VariableReader.of(execution), FINAL_SCORE, MODERATION_JUSTIFICATION);
    steps.moderate(ApplicationRegister.keyOf(execution), actor, moderation).keepOn(execution);
  }
}
