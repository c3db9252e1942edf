package org.microcredentials.review;

import java.util.function.Predicate;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.FourEyes;
import org.microcredentials.framework.Groups;
import org.microcredentials.process.Actors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who assigns an application's assessor and who hands its overdue work to someone else: only the
 * SEM team, and never for their own application ({@link FourEyes}). Asked on claim of the SEM
 * team's tasks and on their completion. The membership is asked first, so a candidate outside the
 * SEM team hears that the SEM team assigns.
 */
@Component
public class AssignmentPolicy {

  private final Predicate<String> inSemTeam;

  @Autowired
  AssignmentPolicy(Actors actors) {
    this(userId -> actors.isMember(userId, Groups.SEM_TEAM));
  }

  AssignmentPolicy(Predicate<String> inSemTeam) {
    this.inSemTeam = inSemTeam;
  }

  /** The person assigning (or about to hold a task that assigns) the assessor of an application. */
  public void checkAssigner(String userId, String candidateId) {
    checkInSemTeam(userId, "assigns assessors");
    FourEyes.checkAssigner(userId, candidateId);
  }

  /** The person completing the reassignment of an application's overdue assessment or review. */
  public void checkReassigner(String userId, String candidateId) {
    checkInSemTeam(userId, "reassigns work");
    FourEyes.checkReassigner(userId, candidateId);
  }

  private void checkInSemTeam(String userId, String whatTheTeamDoes) {
    if (!inSemTeam.test(userId)) {
      throw RuleViolation.forbidden("sem-team-assigns", userId + " is not in the SEM team, which " + whatTheTeamDoes + ".");
    }
  }
}
