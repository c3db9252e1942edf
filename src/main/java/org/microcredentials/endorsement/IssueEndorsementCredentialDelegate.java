package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.springframework.stereotype.Component;

/**
 * An approved endorsement yields its credential (source ENDORSEMENT; the endorser as assessor,
 * the reviewer as reviewer). Runs as an async job: the issue and the job's end commit together,
 * and the register returns the credential already issued for this business key, so a retry or a
 * crash never issues twice.
 */
@Component
class IssueEndorsementCredentialDelegate implements JavaDelegate {

  private final CredentialRegister credentials;
  private final EndorsementRegister endorsements;
  private final Clock clock;

  IssueEndorsementCredentialDelegate(CredentialRegister credentials, EndorsementRegister endorsements, Clock clock) {
    this.credentials = credentials;
    this.endorsements = endorsements;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    // What is issued, to whom and in whose name comes from the endorsement's record: a task
    // completion may have set candidateId, skillCode, skillLevel, score or endorserId.
    EndorsementRegister.Endorsement endorsement = endorsements.endorsement(businessKey);
    String reviewerId = endorsement.reviewerId() != null ? endorsement.reviewerId()
        : (String) execution.getVariable(REVIEWER_ID);
    Credential credential = credentials.issue(new CredentialRegister.Issue(
        businessKey,
        endorsement.candidateId(),
        endorsement.skillCode(),
        endorsement.skillLevel(),
        endorsement.score(),
        CredentialSource.ENDORSEMENT,
        endorsement.endorserId(),
        List.of(reviewerId),
        endorsements.frameworkVersion(businessKey),
        evidenceSummary(execution, endorsement.endorserId())));
    endorsements.recordOutcome(businessKey, EndorsementRegister.Status.APPROVED, reviewerId, clock.instant());
    execution.setVariable(CREDENTIAL_ID, credential.id());
  }

  /** The impact statement and the endorser's justification, every further round included. */
  static String evidenceSummary(DelegateExecution execution, String endorserId) {
    StringBuilder summary = new StringBuilder()
        .append("Problem: ").append(execution.getVariable(IMPACT_PROBLEM)).append('\n')
        .append("Actions: ").append(execution.getVariable(IMPACT_ACTIONS)).append('\n')
        .append("Results: ").append(execution.getVariable(IMPACT_RESULTS));
    Object links = execution.getVariable(EVIDENCE_LINKS);
    if (links != null && !links.toString().isBlank()) {
      summary.append('\n').append("Links: ").append(links);
    }
    summary.append('\n').append("Endorsed by ").append(endorserId).append(": ")
        .append(execution.getVariable(JUSTIFICATION));
    Object history = execution.getVariable(JUSTIFICATION_HISTORY);
    if (history != null && !history.toString().isBlank()) {
      summary.append('\n').append(history);
    }
    return summary.toString();
  }
}
