package org.microcredentials.promotion;

import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.DECISION_JUSTIFICATION;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.INTERVIEW_NOTES;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.INTERVIEW_PASSED;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.INTERVIEW_SUMMARY;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.PROMOTED;

import java.time.Clock;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.OrganisationAdministration;
import org.microcredentials.process.VariableReader;
import org.microcredentials.review.ScorePolicy;
import org.springframework.stereotype.Service;

/**
 * The SEM team's steps of a promotion application, as the promotion's record keeps them: the interview and the
 * decision. Each checks the rules of its step and records in {@code promotion_application} what was decided; who the
 * candidate is comes from that row, never from a variable, and who acts from the engine. The listeners on
 * {@code Task_InterviewCandidate} and {@code Task_DecidePromotion} read the form, call one step, and keep on the
 * instance what the next steps, forms and mails read. Each step reads its form only once the person is known to be
 * allowed to take it, so that someone refused hears why before anything about what they sent.
 */
@Service
class PromotionSteps {

  /** The interview's form: whether the interview passed, and the interviewer's notes. */
  record Interview(boolean passed, String notes) {

    /** The interview as the interviewer's form sends it: whether it passed, then the notes. */
    static Interview asSent(VariableScope sent) {
      VariableReader input = VariableReader.of(sent);
      return new Interview(input.requiredBoolean(INTERVIEW_PASSED), input.requiredText(INTERVIEW_NOTES));
    }

    /** The interview as the decision's form shows it. */
    String summary(String interviewerId) {
      return (passed ? "Passed" : "Not passed") + " (" + interviewerId + "): " + notes;
    }

    /** The outcome as the decision's gateway reads it, and the interview as the decision's form shows it. */
    void showOn(VariableScope scope, String interviewerId) {
      INTERVIEW_PASSED.on(scope, passed);
      INTERVIEW_SUMMARY.on(scope, summary(interviewerId));
    }
  }

  /** The decision's form: whether the candidate is promoted, and why. */
  record Decision(boolean promoted, String justification) {

    /** The decision as the decider's form sends it: promoted or not, then why. */
    static Decision asSent(VariableScope sent) {
      VariableReader input = VariableReader.of(sent);
      return new Decision(input.requiredBoolean(PROMOTED), input.requiredText(DECISION_JUSTIFICATION));
    }

    /** The outcome as the model's gateway and the mails read it. */
    void showOn(VariableScope scope) {
      PROMOTED.on(scope, promoted);
    }
  }

  private final PromotionRegister promotions;
  private final PromotionDeciders deciders;
  private final PromotionWindows windows;
  private final ScorePolicy scores;
  private final OrganisationAdministration administration;
  private final Clock clock;

  PromotionSteps(PromotionRegister promotions, PromotionDeciders deciders, PromotionWindows windows, ScorePolicy scores,
      OrganisationAdministration administration, Clock clock) {
    this.promotions = promotions;
    this.deciders = deciders;
    this.windows = windows;
    this.scores = scores;
    this.administration = administration;
    this.clock = clock;
  }

  /**
   * A SEM member other than the candidate records whether the interview passed, with their notes, where the
   * decision's rule reads it; the interview as recorded.
   */
  Interview recordInterview(String businessKey, String interviewer, Supplier<Interview> form) {
    deciders.check(interviewer, promotions.promotion(businessKey));
    Interview interview = form.get();
    promotions.recordInterview(businessKey, interview.passed(), interview.notes(), interviewer);
    return interview;
  }

  /**
   * A SEM member other than the candidate decides, inside a promotion window ({@link PromotionWindows#checkOpenForDecision}:
   * the task may outlive the window it was created in), once; {@code promoted} only as {@link PromotionDecision}
   * allows, from the record. On promotion the candidate's seniority becomes the target level, and the groups that
   * follow from the level with it, in the same transaction as the decision.
   */
  Decision decide(String businessKey, String decider, Supplier<Decision> form) {
    PromotionRegister.Promotion promotion = promotions.promotion(businessKey);
    deciders.check(decider, promotion);
    windows.checkOpenForDecision(clock.instant());
    Decision decision = form.get();
    PromotionDecision.check(decision.promoted(), promotion, promotions.skills(businessKey), scores);
    if (!promotions.recordDecision(businessKey, decision.promoted(), decision.justification(), decider, clock.instant())) {
      throw RuleViolation.conflict("promotion-decided-once", businessKey + " is decided already.");
    }
    if (decision.promoted()) {
      administration.changeLevel(promotion.candidateId(), promotion.targetLevel());
    }
    return decision;
  }
}
