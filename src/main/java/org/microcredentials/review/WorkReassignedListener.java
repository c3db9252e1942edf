package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Completion of a SEM reassignment task ({@code Task_ReassignAssessor}, {@code Task_ReassignReviewer}): the overdue
 * assessment or review goes to the person chosen ({@link WorkReassignment#reassignOverdueWork}).
 */
@Component
class WorkReassignedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final WorkReassignment reassignment;
  private final PeerReviewLog log;

  WorkReassignedListener(Actors actors, WorkReassignment reassignment, PeerReviewLog log) {
    this.actors = actors;
    this.reassignment = reassignment;
    this.log = log;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Reassign overdue work");
    String newAssigneeId = VariableReader.of(execution).requiredText(NEW_ASSIGNEE_ID);
    reassignment.reassignOverdueWork(log.roundOf(execution), execution.getCurrentActivityId(), actor, newAssigneeId)
        .ifPresent(assessor -> ReviewRoundSteps.nameAssessor(execution, assessor));
  }
}
