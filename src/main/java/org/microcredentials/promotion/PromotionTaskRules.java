package org.microcredentials.promotion;

import static org.microcredentials.promotion.PromotionApplicationProcess.Tasks.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.framework.FourEyes;
import org.microcredentials.process.TaskHolder;
import org.microcredentials.process.UserTaskRules;
import org.springframework.stereotype.Component;

/**
 * Who holds the promotion's own tasks (the review rounds' tasks follow the round's rules): the
 * candidate gives the evidence; a SEM member other than the candidate interviews and decides, and
 * those two group tasks are hidden from the candidate, though they may be in the SEM team.
 */
@Component
class PromotionTaskRules implements UserTaskRules {

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
    if (isSemTask(task)) {
      promotion(task).ifPresent(promotion -> access.hideFrom(task, FourEyes.hiddenFromPromotionDecision(promotion.candidateId())));
    }
  }

  @Override
  public void assigned(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return;
    }
    if (isSemTask(task)) {
      promotion(task).ifPresent(promotion -> deciders.check(assignee, promotion));
    } else if (PROVIDE_PROMOTION_EVIDENCE.equals(task.getTaskDefinitionKey())) {
      promotion(task).ifPresent(promotion ->
          TaskHolder.require(assignee, promotion.candidateId(), "candidate-provides-evidence", "the candidate"));
    }
  }

  private static boolean isSemTask(DelegateTask task) {
    return INTERVIEW_CANDIDATE.equals(task.getTaskDefinitionKey()) || DECIDE_PROMOTION.equals(task.getTaskDefinitionKey());
  }

  private java.util.Optional<PromotionRegister.Promotion> promotion(DelegateTask task) {
    return promotions.find(task.getExecution().getProcessBusinessKey());
  }
}
