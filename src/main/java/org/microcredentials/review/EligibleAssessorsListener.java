package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.microcredentials.application.ApplicationRegister;
import org.springframework.stereotype.Component;

/**
 * When the SEM team's assignment task is created: the people who may assess this application
 * ({@link ReviewRoundSteps#eligibleAssessors}), as the dynamic options of the form's assessor select: a variable of
 * the task alone (the form is its one reader), so it goes with the task and is not copied into the caller's instance.
 */
@Component
class EligibleAssessorsListener implements TaskListener {

  private final ReviewRoundSteps steps;
  private final PeopleOptions options;

  EligibleAssessorsListener(ReviewRoundSteps steps, PeopleOptions options) {
    this.steps = steps;
    this.options = options;
  }

  @Override
  public void notify(DelegateTask task) {
    ELIGIBLE_ASSESSORS.localOn(task,
        options.of(steps.eligibleAssessors(ApplicationRegister.keyOf(task.getExecution()))));
  }
}
