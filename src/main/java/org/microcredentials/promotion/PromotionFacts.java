package org.microcredentials.promotion;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.springframework.stereotype.Component;

/**
 * What the promotion model's gateways, its multi-instance and its window timer ask, answered from
 * the promotion's record ({@link PromotionRegister}) and the configured windows, never from a
 * variable: {@code ${promotionFacts.skillsToAssess(execution)}}, {@code ${promotionFacts.interviewRequired(execution)}},
 * the decision form's {@code ${promotionFacts.interviewFromLevel()}}, {@code ${promotionFacts.windowOpen()}}, {@code ${promotionFacts.nextWindowCheck()}}, and the
 * outcome mail's {@code ${promotionFacts.candidateAndLineManager(execution)}}.
 */
@Component("promotionFacts")
public class PromotionFacts {

  /** Without a window ahead, the application checks again each day (a window may be configured meanwhile). */
  static final Duration RECHECK_WITHOUT_WINDOW = Duration.ofDays(1);

  private final PromotionRegister promotions;
  private final PromotionWindows windows;
  private final Organisation organisation;
  private final Clock clock;

  PromotionFacts(PromotionRegister promotions, PromotionWindows windows, Organisation organisation, Clock clock) {
    this.promotions = promotions;
    this.windows = windows;
    this.organisation = organisation;
    this.clock = clock;
  }

  /** The required skills no credential valid for promotion covered on the day the application started. */
  public List<String> skillsToAssess(DelegateExecution execution) {
    return promotions.skillsToAssess(execution.getProcessBusinessKey());
  }

  public boolean anySkillToAssess(DelegateExecution execution) {
    return !skillsToAssess(execution).isEmpty();
  }

  /** From level 4 (TTL / Senior Engineer II and above) an interview comes before the decision. */
  public boolean interviewRequired(DelegateExecution execution) {
    return PromotionDecision.interviewRequired(promotions.promotion(execution.getProcessBusinessKey()).targetLevel());
  }

  /** The level from which an interview comes first, for the decision's form: the rule, not a configured value. */
  public int interviewFromLevel() {
    return PromotionApplicationProcess.INTERVIEW_FROM_LEVEL;
  }

  /** Whether a promotion may be decided now. */
  public boolean windowOpen() {
    return windows.isOpen(clock.instant());
  }

  /** When the waiting application looks again: the next window's opening, or tomorrow when none is configured ahead. */
  public Date nextWindowCheck() {
    return Date.from(windows.nextOpening(clock.instant()).orElse(clock.instant().plus(RECHECK_WITHOUT_WINDOW)));
  }

  /** Who hears the outcome: the candidate and their line manager (if they have one). */
  public String candidateAndLineManager(DelegateExecution execution) {
    Engineer candidate = organisation.engineer(promotions.promotion(execution.getProcessBusinessKey()).candidateId());
    return candidate.lineManagerId() == null ? candidate.userId() : candidate.userId() + "," + candidate.lineManagerId();
  }
}
