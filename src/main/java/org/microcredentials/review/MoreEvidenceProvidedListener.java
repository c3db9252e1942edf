package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.TaskHolder;
import org.springframework.stereotype.Component;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.application.ApplicationRegister;

/** Completion of {@code Task_ProvideMoreEvidence}: the candidate updates the impact statement. */
@Component
class MoreEvidenceProvidedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final EvidenceHistory evidenceHistory;
  private final ApplicationRegister applications;

  MoreEvidenceProvidedListener(Actors actors, EvidenceHistory evidenceHistory, ApplicationRegister applications) {
    this.actors = actors;
    this.evidenceHistory = evidenceHistory;
    this.applications = applications;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Provide more evidence");
    String candidateId = applications.application(ApplicationRegister.keyOf(execution)).candidateId();
    TaskHolder.require(actor, candidateId, "candidate-provides-evidence", "the candidate");
    ImpactStatement.required(execution);
    evidenceHistory.record(ApplicationRegister.keyOf(execution), EvidenceHistory.Evidence.of(execution, null));
    // The assessor's next form starts with a fresh decision.
    execution.setVariable(MORE_EVIDENCE_REQUESTED, false);
  }
}
