package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/**
 * A failed round keeps its outcome (final score, justification, areas to improve and goals), read
 * from the recorded round; a self-submission stays open for a resubmission until the candidate lets it go,
 * a promotion's skill closes (the promotion's decision weighs it).
 */
@Component
class RecordFailureDelegate implements JavaDelegate {

  private final ApplicationRegister applications;
  private final ApplicationFacts facts;
  private final Clock clock;

  RecordFailureDelegate(ApplicationRegister applications, ApplicationFacts facts, Clock clock) {
    this.applications = applications;
    this.facts = facts;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String businessKey = ApplicationRegister.keyOf(execution);
    // A promotion's skill is not resubmitted: its outcome counts in the promotion's decision.
    ApplicationRegister.Status status = applications.application(businessKey).partOfPromotion()
        ? ApplicationRegister.Status.FAILED : ApplicationRegister.Status.AWAITING_RESUBMISSION;
    RoundSettlement.Settled round = facts.settled(execution);
    ApplicationRegister.RoundFeedback feedback = applications.feedback(businessKey);
    execution.setVariable(OUTCOME_JUSTIFICATION, feedback.justification());
    applications.recordOutcome(businessKey, status,
        round.finalScore(), feedback.justification(), feedback.improvementAreas(), clock.instant());
  }
}
