package org.microcredentials.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Completion of one {@code Task_PeerReview}: an eligible reviewer agrees with the score or proposes another with a
 * comment ({@link PeerReviewSteps#review}). The form fields are cleared so the next reviewer starts from an empty form.
 */
@Component
class PeerReviewedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final PeerReviewSteps steps;
  private final PeerReviewLog log;

  PeerReviewedListener(Actors actors, PeerReviewSteps steps, PeerReviewLog log) {
    this.actors = actors;
    this.steps = steps;
    this.log = log;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Peer review");
    PeerReviewSteps.Verdict verdict = PeerReviewSteps.Verdict.read(VariableReader.of(execution));
    // Each review runs in its own execution of the multi-instance: it names this review's task.
    steps.review(log.roundOf(execution), execution.getId(), actor, verdict);
    PeerReviewSteps.Verdict.clearForm(execution);
  }
}
