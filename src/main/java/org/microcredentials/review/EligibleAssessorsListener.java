package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.microcredentials.framework.Organisation;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/**
 * When the SEM team's assignment task is created: the people who may assess this application,
 * as the dynamic options of the form's assessor select: a variable of the task alone (the form is its one
 * reader), so it goes with the task and is not copied into the caller's instance.
 */
@Component
class EligibleAssessorsListener implements TaskListener {

  private final Organisation organisation;
  private final ReviewPolicy reviewPolicy;
  private final PeopleOptions options;
  private final ApplicationRegister applications;

  EligibleAssessorsListener(Organisation organisation, ReviewPolicy reviewPolicy, PeopleOptions options,
      ApplicationRegister applications) {
    this.organisation = organisation;
    this.reviewPolicy = reviewPolicy;
    this.options = options;
    this.applications = applications;
  }

  @Override
  public void notify(DelegateTask task) {
    ApplicationRegister.Application application = applications.application(ApplicationRegister.keyOf(task.getExecution()));
    task.setVariableLocal(ELIGIBLE_ASSESSORS, options.of(
        reviewPolicy.eligibleAssessors(organisation.all(), application.candidateId(), application.skillLevel())));
  }
}
