package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.framework.Engineer;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/** Completion of {@code Task_AssignAssessor}: a SEM-team member picks an eligible assessor. */
@Component
class AssessorAssignedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final ReviewRoundSteps steps;

  AssessorAssignedListener(Actors actors, ReviewRoundSteps steps) {
    this.actors = actors;
    this.steps = steps;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Assign an assessor");
    VariableReader input = VariableReader.of(execution);
    Engineer assessor = steps.assignAssessor(ApplicationRegister.keyOf(execution), actor, input.requiredText(ASSESSOR_ID));
    input.keepAs(ASSESSOR_ID, assessor.userId());
    ASSESSOR_NAME.on(execution, assessor.displayName());
  }
}
