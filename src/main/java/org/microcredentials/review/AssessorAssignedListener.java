package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/** Completion of {@code Task_AssignAssessor}: a SEM-team member picks an eligible assessor. */
@Component
class AssessorAssignedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final Organisation organisation;
  private final ReviewPolicy reviewPolicy;
  private final AssignmentPolicy assignmentPolicy;
  private final ApplicationRegister applications;

  AssessorAssignedListener(Actors actors, Organisation organisation, ReviewPolicy reviewPolicy,
      AssignmentPolicy assignmentPolicy, ApplicationRegister applications) {
    this.actors = actors;
    this.organisation = organisation;
    this.reviewPolicy = reviewPolicy;
    this.assignmentPolicy = assignmentPolicy;
    this.applications = applications;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Assign an assessor");
    // Candidate and level from the application's record: the completion may have set the variables.
    ApplicationRegister.Application application = applications.application(ApplicationRegister.keyOf(execution));
    String candidateId = application.candidateId();
    assignmentPolicy.checkAssigner(actor, candidateId);
    int skillLevel = application.skillLevel();
    String assessorId = VariableReader.of(execution).requiredText(ASSESSOR_ID);
    Engineer assessor = organisation.find(assessorId).orElseThrow(() -> RuleViolation.invalid("assessor-eligible",
        "'assessorId': '" + assessorId + "' is not an engineer of the organisation; pick one of the eligible assessors."));
    reviewPolicy.checkAssessor(assessor, candidateId, skillLevel);
    applications.assignAssessor(ApplicationRegister.keyOf(execution), assessorId);
    execution.setVariable(ASSESSOR_ID, assessorId);
    execution.setVariable(ASSESSOR_NAME, assessor.displayName());
  }
}
