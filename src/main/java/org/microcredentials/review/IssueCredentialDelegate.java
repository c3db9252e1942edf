package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.springframework.stereotype.Component;
import org.microcredentials.application.EvidenceSummary;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.application.ApplicationRegister;

/**
 * A passed application yields its credential. Every fact the credential carries comes from the
 * application's record: who applied for what, who assessed and reviewed, the final score of the
 * settled round, and the evidence as last submitted. A process that reaches this step without a
 * settled, passed round (started past its start event, say) fails here: an incident in Cockpit,
 * never a credential. Runs as an async job: the issue and the job's end commit together, and the
 * register returns the credential already issued for this business key, so a retry or a crash
 * never issues twice.
 */
@Component
class IssueCredentialDelegate implements JavaDelegate {

  private final CredentialRegister credentials;
  private final ApplicationRegister applications;
  private final ApplicationFacts facts;
  private final EvidenceHistory evidenceHistory;
  private final Clock clock;

  IssueCredentialDelegate(CredentialRegister credentials, ApplicationRegister applications, ApplicationFacts facts,
      EvidenceHistory evidenceHistory, Clock clock) {
    this.credentials = credentials;
    this.applications = applications;
    this.facts = facts;
    this.evidenceHistory = evidenceHistory;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = ApplicationRegister.keyOf(execution);
    ApplicationRegister.Application application = applications.application(businessKey);
    if (application.status() != ApplicationRegister.Status.OPEN) {
      throw new IllegalStateException("Application " + businessKey + " is " + application.status()
          + ": only an open application under assessment yields a credential.");
    }
    RoundSettlement.Settled round = facts.settled(execution);
    if (!round.passed()) {
      throw new IllegalStateException("Application " + businessKey + " scored " + round.finalScore()
          + ", below the pass mark: no credential.");
    }
    ApplicationRegister.RoundFeedback feedback = applications.feedback(businessKey);
    Credential credential = credentials.issue(new CredentialRegister.Issue(
        businessKey,
        application.candidateId(),
        application.skillCode(),
        application.skillLevel(),
        round.finalScore(),
        application.source(),
        application.assessorId(),
        round.reviewerIds(),
        application.frameworkVersion(),
        EvidenceSummary.of(evidenceHistory.latest(businessKey))));
    applications.recordOutcome(businessKey, ApplicationRegister.Status.PASSED, round.finalScore(),
        feedback.justification(), null, clock.instant());
    execution.setVariable(CREDENTIAL_ID, credential.id());
    execution.setVariable(OUTCOME_JUSTIFICATION, feedback.justification());
  }
}
