package org.microcredentials.endorsement;

import static org.microcredentials.credential.CredentialVariables.CREDENTIAL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An approved endorsement yields its credential ({@link EndorsementSteps#issueCredential}). Runs as an async job:
 * the issue and the job's end commit together, and the register returns the credential already issued for this
 * business key, so a retry or a crash never issues twice.
 */
@Component
class IssueEndorsementCredentialDelegate implements JavaDelegate {

  private final EndorsementSteps steps;

  IssueEndorsementCredentialDelegate(EndorsementSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CREDENTIAL_ID.on(execution, steps.issueCredential(EndorsementInstance.of(execution)).id());
  }
}
