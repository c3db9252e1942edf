package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.microcredentials.RuleViolation;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/**
 * Completion of a SEM reassignment task: the overdue assessment or review goes to the person
 * chosen, who must be eligible. The task itself, its variables and its history stay: all work
 * done so far is kept.
 */
@Component
class WorkReassignedListener extends RuleCheckingExecutionListener {

  private static final Set<String> ASSESSOR_TASKS = Set.of(ReviewRoundProcess.Tasks.ASSESS_EVIDENCE,
      ReviewRoundProcess.Tasks.MODERATE_SCORE, ReviewRoundProcess.Tasks.REASSESS_EVIDENCE);

  private final Actors actors;
  private final Organisation organisation;
  private final ReviewPolicy reviewPolicy;
  private final AssignmentPolicy assignmentPolicy;
  private final PeerReviewers peerReviewers;
  private final ApplicationRegister applications;
  private final TaskService tasks;
  private final ParticipantAccess access;

  WorkReassignedListener(Actors actors, Organisation organisation, ReviewPolicy reviewPolicy,
      AssignmentPolicy assignmentPolicy, PeerReviewers peerReviewers, ApplicationRegister applications,
      TaskService tasks, ParticipantAccess access) {
    this.actors = actors;
    this.organisation = organisation;
    this.reviewPolicy = reviewPolicy;
    this.assignmentPolicy = assignmentPolicy;
    this.peerReviewers = peerReviewers;
    this.applications = applications;
    this.tasks = tasks;
    this.access = access;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Reassign overdue work");
    ApplicationRegister.Application application = applications.application(ApplicationRegister.keyOf(execution));
    String candidateId = application.candidateId();
    assignmentPolicy.checkReassigner(actor, candidateId);
    String newAssigneeId = VariableReader.of(execution).requiredText(NEW_ASSIGNEE_ID);
    Engineer newcomer = organisation.find(newAssigneeId).orElseThrow(() -> RuleViolation.invalid("known-engineer",
        "'" + newAssigneeId + "' is not an engineer of the organisation."));
    String processInstanceId = execution.getProcessInstanceId();
    if (ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR.equals(execution.getCurrentActivityId())) {
      reviewPolicy.checkAssessor(newcomer, candidateId, application.skillLevel());
      execution.setVariable(ASSESSOR_ID, newAssigneeId);
      execution.setVariable(ASSESSOR_NAME, newcomer.displayName());
      applications.assignAssessor(ApplicationRegister.keyOf(execution), newAssigneeId);
      for (Task open : openTasks(processInstanceId)) {
        if (ASSESSOR_TASKS.contains(open.getTaskDefinitionKey())) {
          access.withdraw(open.getAssignee(), open.getId());
          tasks.setAssignee(open.getId(), newAssigneeId);
        }
      }
    } else {
      Task review = openTasks(processInstanceId).stream()
          .filter(task -> ReviewRoundProcess.Tasks.PEER_REVIEW.equals(task.getTaskDefinitionKey()))
          .findFirst()
          .orElseThrow(() -> RuleViolation.conflict("review-open", "No review of this application is waiting any more."));
      reviewPolicy.checkReviewer(newcomer, candidateId, application.assessorId(),
          peerReviewers.others(execution, ApplicationRegister.keyOf(execution), processInstanceId, review.getExecutionId()));
      access.withdraw(review.getAssignee(), review.getId());
      tasks.setAssignee(review.getId(), newAssigneeId);
    }
  }

  private List<Task> openTasks(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).active().listPage(0, 50);
  }
}
