package org.microcredentials.review;

import java.util.Collection;
import java.util.List;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.FourEyes;
import org.microcredentials.framework.Organisation;
import org.springframework.stereotype.Component;

/**
 * Who may assess and who may review an application, and how many reviewers it needs.
 * An assessor is level 4 or above and at or above the applied level; a peer reviewer is level 4 or
 * above. Who is excluded from either role (the candidate, the assessor, the other reviewer) is
 * {@link FourEyes}, asked first.
 */
@Component
public class ReviewPolicy {

  private final int minimumLevel;
  private final int twoReviewersFromLevel;

  public ReviewPolicy(MicroCredentialsProperties properties) {
    this.minimumLevel = properties.minimumAssessorLevel();
    this.twoReviewersFromLevel = properties.twoReviewersFromLevel();
  }

  /** The lowest seniority of an assessor or a peer reviewer (configured: {@code minimum-assessor-level}). */
  public int minimumLevel() {
    return minimumLevel;
  }

  /** One peer reviewer below level 4, two at level 4 and above. */
  public int reviewerCount(int appliedLevel) {
    return appliedLevel >= twoReviewersFromLevel ? 2 : 1;
  }

  public boolean mayAssess(Engineer person, String candidateId, int appliedLevel) {
    return FourEyes.mayAssess(person.userId(), candidateId) && seniorEnoughToAssess(person, appliedLevel);
  }

  public void checkAssessor(Engineer person, String candidateId, int appliedLevel) {
    FourEyes.checkAssessor(person.userId(), candidateId);
    if (!seniorEnoughToAssess(person, appliedLevel)) {
      throw RuleViolation.forbidden("assessor-level",
          person.userId() + " (level " + person.seniorityLevel() + ") may not assess level " + appliedLevel
              + ": an assessor is level " + minimumLevel + " or above and at or above the applied level.");
    }
  }

  private boolean seniorEnoughToAssess(Engineer person, int appliedLevel) {
    return person.seniorityLevel() >= lowestAssessorLevel(appliedLevel);
  }

  /** The lowest seniority that may assess an application at {@code appliedLevel}: the minimum, and the applied level. */
  public int lowestAssessorLevel(int appliedLevel) {
    return Math.max(minimumLevel, appliedLevel);
  }

  /**
   * Who may assess an application at {@code appliedLevel}: only the engineers senior enough are read
   * ({@link #lowestAssessorLevel}, in the organisation's order), then every rule decides on each.
   */
  public List<Engineer> eligibleAssessors(Organisation organisation, String candidateId, int appliedLevel) {
    return eligibleAssessors(organisation.allFromLevel(lowestAssessorLevel(appliedLevel)), candidateId, appliedLevel);
  }

  public List<Engineer> eligibleAssessors(Collection<Engineer> people, String candidateId, int appliedLevel) {
    return people.stream().filter(person -> mayAssess(person, candidateId, appliedLevel)).toList();
  }

  /**
   * @param otherReviewers who else reviews this round: those who reviewed already and those who
   *     hold another review task of the same application
   */
  public void checkReviewer(Engineer person, String candidateId, String assessorId, Collection<String> otherReviewers) {
    FourEyes.checkPeerReviewer(person.userId(), candidateId, assessorId, otherReviewers);
    if (person.seniorityLevel() < minimumLevel) {
      throw RuleViolation.forbidden("reviewer-level",
          person.userId() + " (level " + person.seniorityLevel() + ") may not peer-review: a reviewer is level " + minimumLevel + " or above.");
    }
  }
}
