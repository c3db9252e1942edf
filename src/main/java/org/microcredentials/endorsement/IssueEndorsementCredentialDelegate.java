package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.credential.ImpactStatement;
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
  private final EndorsementsBegunEarlier begunEarlier;
  private final Clock clock;

  IssueEndorsementCredentialDelegate(CredentialRegister credentials, EndorsementRegister endorsements,
      EndorsementsBegunEarlier begunEarlier, Clock clock) {
    this.credentials = credentials;
    this.endorsements = endorsements;
    this.begunEarlier = begunEarlier;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    // An endorsement begun on a release before its record held the evidence and the approval gets them
    // from the engine's history first (EndorsementsBegunEarlier); approved there, it came here through the
    // review's approval.
    if (begunEarlier.completeRecord(execution) && endorsements.approved(businessKey).isEmpty()) {
      begunEarlier.recordEarlierApproval(execution, clock.instant());
    }
    // Everything the credential says comes from the endorsement's record, and only an endorsement
    // a reviewer approved, still open, yields one: a process that reached this step any other way
    // (started part-way by an administrator, say) fails here, an incident in Cockpit.
    EndorsementRegister.Endorsement endorsement = endorsements.endorsement(businessKey);
    EndorsementRegister.Approved approved = endorsements.approved(businessKey).orElseThrow(() -> new IllegalStateException(
        "Endorsement " + businessKey + " is " + endorsement.status() + " without a recorded approval: no credential."));
    String history = approved.justificationHistory();
    Credential credential = credentials.issue(new CredentialRegister.Issue(
        businessKey,
        endorsement.candidateId(),
        endorsement.skillCode(),
        endorsement.skillLevel(),
        endorsement.score(),
        CredentialSource.ENDORSEMENT,
        endorsement.endorserId(),
        List.of(approved.reviewerId()),
        endorsements.frameworkVersion(businessKey),
        history == null || history.isBlank() ? approved.evidenceSummary() : approved.evidenceSummary() + "\n" + history));
    endorsements.recordOutcome(businessKey, EndorsementRegister.Status.APPROVED, approved.reviewerId(), clock.instant());
    execution.setVariable(CREDENTIAL_ID, credential.id());
  }

  /** The endorser's statement at the start, as the credential carries it: evidence and justification. */
  static String statement(DelegateExecution execution, String endorserId) {
    return statement(execution::getVariable, endorserId);
  }

  /** The statement from the endorser's values as given at the start, whatever holds them. */
  static String statement(java.util.function.Function<String, Object> asStarted, String endorserId) {
    StringBuilder summary = new StringBuilder()
        .append("Problem: ").append(asStarted.apply(ImpactStatement.PROBLEM)).append('\n')
        .append("Actions: ").append(asStarted.apply(ImpactStatement.ACTIONS)).append('\n')
        .append("Results: ").append(asStarted.apply(ImpactStatement.RESULTS));
    Object links = asStarted.apply(ImpactStatement.LINKS);
    if (links != null && !links.toString().isBlank()) {
      summary.append('\n').append("Links: ").append(links);
    }
    summary.append('\n').append("Endorsed by ").append(endorserId).append(": ")
        .append(asStarted.apply(JUSTIFICATION));
    return summary.toString();
  }

}
