package org.microcredentials.promotion;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.TaskHolder;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ProvidePromotionEvidence}: only the candidate gives the evidence for a
 * skill of their promotion, an impact statement (problem, actions, results, required; links
 * optional); it is kept as the first version of the skill's evidence, which its round assesses and
 * its credential carries.
 */
@Component
class PromotionEvidenceProvidedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final ApplicationRegister applications;
  private final EvidenceHistory evidenceHistory;

  PromotionEvidenceProvidedListener(Actors actors, ApplicationRegister applications, EvidenceHistory evidenceHistory) {
    this.actors = actors;
    this.applications = applications;
    this.evidenceHistory = evidenceHistory;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Provide promotion evidence");
    String key = ApplicationRegister.keyOf(execution);
    String candidateId = applications.application(key).candidateId();
    TaskHolder.require(actor, candidateId, "candidate-provides-evidence", "the candidate");
    ImpactStatement.required(execution);
    evidenceHistory.record(key, EvidenceHistory.Evidence.of(execution, null));
  }
}
