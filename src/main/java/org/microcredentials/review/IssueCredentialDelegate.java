package org.microcredentials.review;

import static org.microcredentials.credential.CredentialVariables.CREDENTIAL_ID;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A passed round yields its credential ({@link RoundOutcome#issueCredential}). Runs as an async job: the issue and
 * the job's end commit together, and a retry or a crash never issues twice. A process that reaches this step without
 * a settled, passed round (started past its start event, say) fails here: an incident in Cockpit, never a credential.
 */
@Component
class IssueCredentialDelegate implements JavaDelegate {

  private final RoundOutcome outcome;
  private final PeerReviewLog log;

  IssueCredentialDelegate(RoundOutcome outcome, PeerReviewLog log) {
    this.outcome = outcome;
    this.log = log;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RoundOutcome.Issued issued = outcome.issueCredential(log.roundOf(execution));
    CREDENTIAL_ID.on(execution, issued.credentialId());
    OUTCOME_JUSTIFICATION.on(execution, issued.justification());
  }
}
