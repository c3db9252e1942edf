package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the SEM team is asked to hand overdue work to someone else: who may take it over ({@link WorkReassignment}),
 * as the options of the form's select (assessors for an assessment, reviewers for a review): a variable of the task
 * alone, its form being its one reader.
 */
@Component
class ReplacementCandidatesListener implements TaskListener {

  private final WorkReassignment reassignment;
  private final PeopleOptions options;
  private final PeerReviewLog log;

  ReplacementCandidatesListener(WorkReassignment reassignment, PeopleOptions options, PeerReviewLog log) {
    this.reassignment = reassignment;
    this.options = options;
    this.log = log;
  }

  @Override
  public void notify(DelegateTask task) {
    RunningRound round = log.roundOf(task.getExecution());
    ELIGIBLE_REPLACEMENTS.localOn(task, options.of(
        ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR.equals(task.getTaskDefinitionKey())
            ? reassignment.assessorReplacements(round) : reassignment.reviewerReplacements(round)));
  }
}
