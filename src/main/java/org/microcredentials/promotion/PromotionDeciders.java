package org.microcredentials.promotion;

import org.microcredentials.RuleViolation;
import org.microcredentials.framework.FourEyes;
import org.microcredentials.framework.Groups;
import org.microcredentials.process.Actors;
import org.springframework.stereotype.Component;

/** Who interviews and decides a promotion: a member of the SEM team, never the candidate. */
@Component
class PromotionDeciders {

  private final Actors actors;

  PromotionDeciders(Actors actors) {
    this.actors = actors;
  }

  /** Refuses anyone but a SEM member other than the candidate. */
  void check(String userId, PromotionRegister.Promotion promotion) {
    FourEyes.checkDecider(userId, promotion.candidateId());
    if (!actors.isMember(userId, Groups.SEM_TEAM)) {
      throw RuleViolation.forbidden("sem-team-decides", userId + " is not in the SEM team, which interviews and decides promotions.");
    }
  }
}
