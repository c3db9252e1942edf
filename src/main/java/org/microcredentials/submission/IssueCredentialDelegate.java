package org.microcredentials.submission;

import static org.microcredentials.submission.SelfSubmissionProcess.Variables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.review.PeerReview;
import org.microcredentials.review.PeerReviewLog;
import org.springframework.stereotype.Component;

/**
 * A passed application yields its credential. Runs as an async job: the issue and the job's end
 * commit together, and the register returns the credential already issued for this business key,
 * so a retry or a crash never issues twice.
 */
@Component
class IssueCredentialDelegate implements JavaDelegate {

  private final CredentialRegister credentials;
  private final ApplicationRegister applications;
  private final PeerReviewLog peerReviewLog;
  private final Clock clock;

  IssueCredentialDelegate(CredentialRegister credentials, ApplicationRegister applications, PeerReviewLog peerReviewLog,
      Clock clock) {
    this.credentials = credentials;
    this.applications = applications;
    this.peerReviewLog = peerReviewLog;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = execution.getProcessBusinessKey();
    int finalScore = ((Number) execution.getVariable(FINAL_SCORE)).intValue();
    // Who, what and by whom come from the application's record, not from variables tasks may set.
    ApplicationRegister.Application application = applications.application(businessKey);
    Credential credential = credentials.issue(new CredentialRegister.Issue(
        businessKey,
        application.candidateId(),
        application.skillCode(),
        application.skillLevel(),
        finalScore,
        CredentialSource.SELF_SUBMISSION,
        application.assessorId(),
        peerReviewLog.read(execution, PEER_REVIEWS).stream().map(PeerReview::reviewerId).toList(),
        application.frameworkVersion(),
        EvidenceSummary.of(execution)));
    applications.recordOutcome(businessKey, ApplicationRegister.Status.PASSED, finalScore,
        Outcome.justification(execution), null, clock.instant());
    execution.setVariable(CREDENTIAL_ID, credential.id());
    execution.setVariable(OUTCOME_JUSTIFICATION, Outcome.justification(execution));
  }
}
