package org.microcredentials.promotion;

import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.OrganisationAdministration;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.microcredentials.review.ScorePolicy;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_DecidePromotion}: a SEM member, never the candidate, decides
 * ({@code promoted}) with a justification ({@code decisionJustification}), inside a promotion window
 * ({@link PromotionWindows#checkOpenForDecision}: the task may outlive the window it was created in); {@code promoted = true} is
 * refused unless every required skill is at the pass mark and, from level 4, the interview passed
 * (read from the record, not from the task's variables). On promotion the candidate's seniority
 * becomes the target level and the groups that follow from the level with it, in the same
 * transaction as the decision.
 */
@Component
class PromotionDecidedListener extends RuleCheckingExecutionListener {

  private final PromotionDeciders deciders;
  private final PromotionRegister promotions;
  private final OrganisationAdministration administration;
  private final ScorePolicy scores;
  private final PromotionWindows windows;
  private final Clock clock;

  PromotionDecidedListener(PromotionDeciders deciders, PromotionRegister promotions,
      OrganisationAdministration administration, ScorePolicy scores, PromotionWindows windows, Clock clock) {
    this.deciders = deciders;
    this.promotions = promotions;
    this.administration = administration;
    this.scores = scores;
    this.windows = windows;
    this.clock = clock;
  }

  @Override
  protected void check(DelegateExecution execution) {
    PromotionRegister.Promotion promotion = promotions.promotion(execution.getProcessBusinessKey());
    String decider = deciders.completingSemMember(execution, "Decide the promotion", promotion);
    windows.checkOpenForDecision(clock.instant());
    VariableReader input = VariableReader.of(execution);
    boolean promoted = input.requiredBoolean(PROMOTED);
    String justification = input.requiredText(DECISION_JUSTIFICATION);
    PromotionDecision.check(promoted, promotion, promotions.skills(promotion.businessKey()), scores);
    if (!promotions.recordDecision(promotion.businessKey(), promoted, justification, decider, clock.instant())) {
      throw RuleViolation.conflict("promotion-decided-once", promotion.businessKey() + " is decided already.");
    }
    if (promoted) {
      administration.changeLevel(promotion.candidateId(), promotion.targetLevel());
    }
    execution.setVariable(PROMOTED, promoted);
  }
}
