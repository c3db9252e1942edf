package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When the SEM team is asked to hand overdue work to someone else: who may take it over
 * ({@link WorkReassignment#replacements}), as the options of the form's select: a variable of the task alone, its
 * form being its one reader.
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
    ELIGIBLE_REPLACEMENTS.localOn(task,
        options.of(reassignment.replacements(log.roundOf(task.getExecution()), task.getTaskDefinitionKey())));
  }
}
