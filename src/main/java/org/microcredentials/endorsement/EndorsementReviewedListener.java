package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;

import java.time.Clock;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ReviewEndorsement}: a level 5+ leader who is neither the endorser nor
 * the candidate approves, asks the endorser for further justification, or withdraws.
 */
@Component
class EndorsementReviewedListener extends RuleCheckingExecutionListener {

  private static final Set<String> DECISIONS = Set.of(EndorsementProcess.Decisions.APPROVE,
      EndorsementProcess.Decisions.REQUEST_JUSTIFICATION, EndorsementProcess.Decisions.WITHDRAW);

  private final Actors actors;
  private final Organisation organisation;
  private final EndorsementPolicy policy;
  private final EndorsementRegister endorsements;
  private final EndorsementsBegunEarlier begunEarlier;
  private final Clock clock;

  EndorsementReviewedListener(Actors actors, Organisation organisation, EndorsementPolicy policy,
      EndorsementRegister endorsements, EndorsementsBegunEarlier begunEarlier, Clock clock) {
    this.actors = actors;
    this.organisation = organisation;
    this.policy = policy;
    this.endorsements = endorsements;
    this.begunEarlier = begunEarlier;
    this.clock = clock;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Review the endorsement");
    Engineer reviewer = organisation.find(actor).orElseThrow(() -> RuleViolation.forbidden("reviewer-level",
        actor + " is not an engineer of the organisation and may not review an endorsement."));
    String businessKey = execution.getProcessBusinessKey();
    EndorsementRegister.Endorsement endorsement = endorsements.endorsement(businessKey);
    policy.checkReviewer(reviewer, endorsement.endorserId(), endorsement.candidateId());
    // Begun on an earlier release: its row gets the evidence and rounds before this decision adds to it.
    begunEarlier.completeRecord(execution);
    EndorsementRegister.restoreFacts(execution, endorsement);
    VariableReader input = VariableReader.of(execution);
    String decision = input.requiredText(REVIEW_DECISION);
    if (!DECISIONS.contains(decision)) {
      throw RuleViolation.invalid("review-decision",
          "'reviewDecision' must be one of approve, request-justification or withdraw, not '" + decision + "'.");
    }
    execution.setVariable(REVIEW_DECISION, decision);
    execution.setVariable(REVIEWER_ID, actor);
    switch (decision) {
      case EndorsementProcess.Decisions.REQUEST_JUSTIFICATION -> {
        String question = requiredComment(input, "what further justification you need");
        int round = endorsement.justificationRounds() + 1;
        endorsements.recordJustificationRequested(businessKey);
        execution.setVariable(JUSTIFICATION_ROUNDS, round);
        execution.setVariable(JUSTIFICATION_HISTORY,
            endorsements.appendJustificationHistory(businessKey, "Round " + round + ", " + actor + " asked: " + question));
      }
      case EndorsementProcess.Decisions.WITHDRAW -> {
        requiredComment(input, "why the endorsement is withdrawn");
        execution.setVariable(APPROVED, false);
        endorsements.recordOutcome(businessKey, EndorsementRegister.Status.WITHDRAWN, actor, clock.instant());
      }
      default -> {
        input.optionalText(REVIEW_COMMENT);
        execution.setVariable(APPROVED, true);
        endorsements.recordApproval(businessKey, actor, clock.instant());
      }
    }
  }

  private static String requiredComment(VariableReader input, String what) {
    return input.optionalText(REVIEW_COMMENT).orElseThrow(() -> RuleViolation.invalid("required-reviewComment",
        "'reviewComment' is required: say " + what + "."));
  }
}
