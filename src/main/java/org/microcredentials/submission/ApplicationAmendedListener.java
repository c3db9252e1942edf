package org.microcredentials.submission;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;
import static org.microcredentials.submission.ResubmissionProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.TaskHolder;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_AmendApplication}: the candidate resubmits with the additions and
 * changes marked, or lets the application go. Every resubmitted version is kept, and the
 * assessor is shown what changed since the version they assessed.
 */
@Component
class ApplicationAmendedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final EvidenceHistory evidenceHistory;
  private final ApplicationRegister applications;

  ApplicationAmendedListener(Actors actors, EvidenceHistory evidenceHistory, ApplicationRegister applications) {
    this.actors = actors;
    this.evidenceHistory = evidenceHistory;
    this.applications = applications;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Amend the application");
    // From the application's record: the completion may have set candidateId.
    String candidateId = applications.application(ApplicationRegister.keyOf(execution)).candidateId();
    TaskHolder.require(actor, candidateId, "candidate-amends", "the candidate");
    VariableReader input = VariableReader.of(execution);
    boolean resubmit = input.requiredBoolean(RESUBMIT);
    if (!resubmit) {
      return;
    }
    String amendments = input.requiredText(AMENDMENTS);
    ImpactStatement.required(execution);

    String businessKey = ApplicationRegister.keyOf(execution);
    EvidenceHistory.Evidence amended = EvidenceHistory.Evidence.of(execution, amendments);
    // Compared with the version the assessor last scored, as the application records it.
    EvidenceHistory.Evidence before = applications.assessedEvidenceVersion(businessKey)
        .flatMap(version -> evidenceHistory.version(businessKey, version)).orElse(null);
    evidenceHistory.record(businessKey, amended);
    applications.startNextRound(businessKey);
    execution.setVariable(CHANGES_SINCE_LAST_ASSESSMENT,
        before == null ? "The candidate's note: " + amendments : EvidenceHistory.changes(before, amended));
    execution.setVariable(MORE_EVIDENCE_REQUESTED, false);
  }
}
