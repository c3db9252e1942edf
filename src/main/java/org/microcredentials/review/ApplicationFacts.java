package org.microcredentials.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.application.RecordedRound;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/**
 * What the models' gateways and the peer review's loop ask, answered from the application's record
 * ({@link ApplicationRegister}), never from a variable a task completion or a start could set:
 * {@code ${applicationFacts.reviewerCount(execution)}}, {@code ${applicationFacts.reviewersAgree(execution)}},
 * {@code ${applicationFacts.passed(execution)}}; the review round's {@code ${applicationFacts.assessorNamed(execution)}}
 * and {@code ${applicationFacts.resubmitted(execution)}}; and the callers' {@code ${applicationFacts.credentialIssued(execution)}}.
 */
@Component("applicationFacts")
public class ApplicationFacts {

  private final ApplicationRegister applications;
  private final RoundSettlement settlement;
  private final ReviewsLoggedEarlier loggedEarlier;
  private final PeerReviewLog log;

  ApplicationFacts(ApplicationRegister applications, RoundSettlement settlement, ReviewsLoggedEarlier loggedEarlier,
      PeerReviewLog log) {
    this.applications = applications;
    this.settlement = settlement;
    this.loggedEarlier = loggedEarlier;
    this.log = log;
  }

  public int reviewerCount(DelegateExecution execution) {
    return settlement.reviewerCount(round(execution));
  }

  public boolean reviewersAgree(DelegateExecution execution) {
    return settlement.reviewersAgree(round(execution));
  }

  public boolean passed(DelegateExecution execution) {
    return settlement.settle(round(execution)).passed();
  }

  /** An assessor is on record (a resubmission keeps the first round's): the round skips the assignment. */
  public boolean assessorNamed(DelegateExecution execution) {
    return applications.application(ApplicationRegister.keyOf(execution)).assessorId() != null;
  }

  /** The round re-assesses a resubmission (round 2 onwards): Task_ReassessEvidence instead of Task_AssessEvidence. */
  public boolean resubmitted(DelegateExecution execution) {
    return applications.reviewRound(ApplicationRegister.keyOf(execution)) > 1;
  }

  /** The round that just ended issued the application's credential (its status is PASSED). */
  public boolean credentialIssued(DelegateExecution execution) {
    return applications.status(ApplicationRegister.keyOf(execution)) == ApplicationRegister.Status.PASSED;
  }

  private RecordedRound round(DelegateExecution execution) {
    // A round begun on an earlier release has reviews in the instance's log only.
    return loggedEarlier.completeRound(log.roundOf(execution));
  }
}
