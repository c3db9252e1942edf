package org.microcredentials.review;

import java.time.Clock;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.springframework.stereotype.Service;

/**
 * How a settled round ends, as the application records it: a pass yields the credential, a fail keeps its outcome
 * for the candidate. Every fact comes from the application's record (who applied for what, who assessed and reviewed,
 * the settled round's final score, the evidence as last submitted), never from a variable; a round that is not
 * settled ends nowhere ({@link RoundSettlement.UnsettledRound}: an incident, not a credential).
 */
@Service
public class RoundOutcome {

  /** The credential a passed round yielded, and the justification its holder is told. */
  public record Issued(String credentialId, String justification) {
  }

  private final ApplicationRegister applications;
  private final CredentialRegister credentials;
  private final RoundSettlement settlement;
  private final ReviewsLoggedEarlier loggedEarlier;
  private final EvidenceHistory evidenceHistory;
  private final ScorePolicy scorePolicy;
  private final Clock clock;

  RoundOutcome(ApplicationRegister applications, CredentialRegister credentials, RoundSettlement settlement,
      ReviewsLoggedEarlier loggedEarlier, EvidenceHistory evidenceHistory, ScorePolicy scorePolicy, Clock clock) {
    this.applications = applications;
    this.credentials = credentials;
    this.settlement = settlement;
    this.loggedEarlier = loggedEarlier;
    this.evidenceHistory = evidenceHistory;
    this.scorePolicy = scorePolicy;
    this.clock = clock;
  }

  /**
   * A passed round yields its credential and closes the application as passed. Issued once: the register returns
   * the credential already issued for this business key, so a retry or a crash never issues twice.
   */
  public Issued issueCredential(RunningRound round) {
    String businessKey = round.businessKey();
    ApplicationRegister.Application application = applications.application(businessKey);
    if (application.status() != ApplicationRegister.Status.OPEN) {
      throw new IllegalStateException("Application " + businessKey + " is " + application.status()
          + ": only an open application under assessment yields a credential.");
    }
    RoundSettlement.Settled settled = settled(round);
    if (!settled.passed()) {
      throw new IllegalStateException("Application " + businessKey + " scored " + settled.finalScore()
          + ", below the pass mark: no credential.");
    }
    ApplicationRegister.RoundFeedback feedback = applications.feedback(businessKey);
    Credential credential = credentials.issue(new CredentialRegister.Issue(
        businessKey,
        application.candidateId(),
        application.skillCode(),
        application.skillLevel(),
        settled.finalScore(),
        application.source(),
        application.assessorId(),
        settled.reviewerIds(),
        application.frameworkVersion(),
        evidenceHistory.latest(businessKey).statement().summary(),
        scorePolicy.passMark()));
    applications.recordOutcome(businessKey, ApplicationRegister.Status.PASSED, settled.finalScore(),
        feedback.justification(), null, clock.instant());
    return new Issued(credential.id(), feedback.justification());
  }

  /**
   * A failed round keeps its outcome (final score, justification, areas to improve and goals): a self-submission
   * awaits the candidate's resubmission until they let it go; a promotion's skill is not resubmitted and closes (its
   * outcome counts in the promotion's decision). The justification the candidate is told.
   */
  public String recordFailure(RunningRound round) {
    String businessKey = round.businessKey();
    ApplicationRegister.Status status = applications.application(businessKey).partOfPromotion()
        ? ApplicationRegister.Status.FAILED : ApplicationRegister.Status.AWAITING_RESUBMISSION;
    RoundSettlement.Settled settled = settled(round);
    ApplicationRegister.RoundFeedback feedback = applications.feedback(businessKey);
    applications.recordOutcome(businessKey, status,
        settled.finalScore(), feedback.justification(), feedback.improvementAreas(), clock.instant());
    return feedback.justification();
  }

  private RoundSettlement.Settled settled(RunningRound round) {
    // A round begun on an earlier release has reviews in the instance's log only.
    return settlement.settle(loggedEarlier.completeRound(round));
  }
}
