package org.microcredentials.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_AssessEvidence}: the assessor either asks the candidate for more evidence, or scores 0..10
 * with a justification (and, below the pass mark, improvement areas): {@link ReviewRoundSteps#decideOnEvidence}.
 */
@Component
class EvidenceAssessedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final ReviewRoundSteps steps;
  private final PeerReviewLog peerReviewLog;

  EvidenceAssessedListener(Actors actors, ReviewRoundSteps steps, PeerReviewLog peerReviewLog) {
    this.actors = actors;
    this.steps = steps;
    this.peerReviewLog = peerReviewLog;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Assess the evidence");
    steps.decideOnEvidence(ApplicationRegister.keyOf(execution), actor, ReviewRoundSteps.AssessmentForm.of(execution))
        .keepOn(execution, peerReviewLog);
  }
}
