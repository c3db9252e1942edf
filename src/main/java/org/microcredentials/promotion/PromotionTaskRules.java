package org.microcredentials.promotion;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.framework.FourEyes;
import org.microcredentials.process.Holder;
import org.microcredentials.process.HolderCheckingTaskListener;
import org.microcredentials.process.ModelledHolder;
import org.springframework.stereotype.Component;

/**
 * Who holds the promotion's tasks, by the role their model declares ({@link Holder}; the review rounds' tasks follow
 * the round's rules): the candidate the promotion's record names gives the evidence; a SEM member other than the
 * candidate interviews and decides ({@code promotion-decider}), and those group tasks are hidden from the candidate,
 * though they may be in the SEM team.
 */
@Component
class PromotionTaskRules extends HolderCheckingTaskListener {

  private final PromotionRegister promotions;
  private final PromotionDeciders deciders;
  private final ParticipantAccess access;

  PromotionTaskRules(PromotionRegister promotions, PromotionDeciders deciders, ParticipantAccess access) {
    this.promotions = promotions;
    this.deciders = deciders;
    this.access = access;
  }

  @Override
  public void created(DelegateTask task) {
    if (ModelledHolder.of(task).orElse(null) == Holder.PROMOTION_DECIDER) {
      promotion(task).ifPresent(promotion -> access.hideFrom(task, FourEyes.hiddenFromPromotionDecision(promotion.candidateId())));
    }
  }

  @Override
  protected void checkHolder(DelegateTask task, Holder holder, String assignee) {
    if (holder == Holder.PROMOTION_DECIDER) {
      promotion(task).ifPresent(promotion -> deciders.check(assignee, promotion));
    } else if (holder == Holder.CANDIDATE && ofThePromotion(task)) {
      promotion(task).ifPresent(promotion -> holder.require(assignee, promotion.candidateId()));
    }
  }

  /**
   * A task of the promotion's own model (its evidence), not of a round or resubmission it calls: those are the
   * skill application's, which {@code TaskAssignmentGuard} holds to its record; nor a self-submission's.
   */
  private static boolean ofThePromotion(DelegateTask task) {
    return PromotionApplicationProcess.KEY.equals(ModelledHolder.processOf(task.getBpmnModelElementInstance()));
  }

  private java.util.Optional<PromotionRegister.Promotion> promotion(DelegateTask task) {
    return promotions.find(task.getExecution().getProcessBusinessKey());
  }
}
