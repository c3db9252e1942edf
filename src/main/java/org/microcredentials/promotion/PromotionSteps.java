package org.microcredentials.promotion;

import java.time.Clock;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.OrganisationAdministration;
import org.microcredentials.review.ScorePolicy;
import org.springframework.stereotype.Service;

/**
 * The SEM team's steps of a promotion application, as the promotion's record keeps them: the interview and the
 * decision. Each checks the rules of its step and records in {@code promotion_application} what was decided; who the
 * candidate is comes from that row, never from a variable, and who acts from the engine. The listeners on
 * {@code Task_InterviewCandidate} and {@code Task_DecidePromotion} read the form, call one step, and keep on the
 * instance what the next steps, forms and mails read.
 */
@Service
class PromotionSteps {

  private final PromotionRegister promotions;
  private final PromotionDeciders deciders;
  private final PromotionWindows windows;
  private final ScorePolicy scores;
  private final PromotionTexts texts;
  private final OrganisationAdministration administration;
  private final Clock clock;

  PromotionSteps(PromotionRegister promotions, PromotionDeciders deciders, PromotionWindows windows, ScorePolicy scores,
      PromotionTexts texts, OrganisationAdministration administration, Clock clock) {
    this.promotions = promotions;
    this.deciders = deciders;
    this.windows = windows;
    this.scores = scores;
    this.texts = texts;
    this.administration = administration;
    this.clock = clock;
  }

  /**
   * A SEM member other than the candidate records whether the interview passed, with their notes, where the
   * decision's rule reads it; the interview as the decision's form shows it.
   */
  String recordInterview(String businessKey, String interviewer, boolean passed, String notes) {
    deciders.check(interviewer, promotions.promotion(businessKey));
    promotions.recordInterview(businessKey, passed, notes, interviewer);
    return texts.interview(passed, interviewer, notes);
  }

  /**
   * A SEM member other than the candidate decides, inside a promotion window ({@link PromotionWindows#checkOpenForDecision}:
   * the task may outlive the window it was created in), once; {@code promoted} only as {@link PromotionDecision}
   * allows, from the record. On promotion the candidate's seniority becomes the target level, and the groups that
   * follow from the level with it, in the same transaction as the decision.
   */
  void decide(String businessKey, String decider, boolean promoted, String justification) {
    PromotionRegister.Promotion promotion = promotions.promotion(businessKey);
    deciders.check(decider, promotion);
    windows.checkOpenForDecision(clock.instant());
    PromotionDecision.check(promoted, promotion, promotions.skills(businessKey), scores);
    if (!promotions.recordDecision(businessKey, promoted, justification, decider, clock.instant())) {
      throw RuleViolation.conflict("promotion-decided-once", businessKey + " is decided already.");
    }
    if (promoted) {
      administration.changeLevel(promotion.candidateId(), promotion.targetLevel());
    }
  }
}
