package org.microcredentials.submission;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;
import static org.microcredentials.submission.ResubmissionProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
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
  private final ResubmissionSteps steps;

  ApplicationAmendedListener(Actors actors, ResubmissionSteps steps) {
    this.actors = actors;
    this.steps = steps;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Amend the application");
    String businessKey = ApplicationRegister.keyOf(execution);
    VariableReader input = VariableReader.of(execution);
    if (!input.requiredBoolean(RESUBMIT)) {
      steps.letGo(businessKey, actor);
      return;
    }
    String amendments = input.requiredText(AMENDMENTS);
    ImpactStatement.required(execution);
    String changes = steps.resubmit(businessKey, actor, EvidenceHistory.Evidence.of(execution, amendments));
    CHANGES_SINCE_LAST_ASSESSMENT.on(execution, changes);
    MORE_EVIDENCE_REQUESTED.on(execution, false);
  }
}
