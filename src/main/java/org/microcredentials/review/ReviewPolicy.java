package org.microcredentials.review;

import java.util.Collection;
import java.util.List;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;
import org.springframework.stereotype.Component;

/**
 * Who may assess and who may review an application, and how many reviewers it needs.
 * An assessor is level 4 or above, at or above the applied level, and never the candidate.
 * A peer reviewer is level 4 or above, and neither the candidate, the assessor nor the other reviewer.
 */
@Component
public class ReviewPolicy {

  private final int minimumLevel;
  private final int twoReviewersFromLevel;

  public ReviewPolicy(MicroCredentialsProperties properties) {
    this.minimumLevel = properties.minimumAssessorLevel();
    this.twoReviewersFromLevel = properties.twoReviewersFromLevel();
  }

  /** One peer reviewer below level 4, two at level 4 and above. */
  public int reviewerCount(int appliedLevel) {
    return appliedLevel >= twoReviewersFromLevel ? 2 : 1;
  }

  public boolean mayAssess(Engineer person, String candidateId, int appliedLevel) {
    return !person.userId().equals(candidateId)
        && person.seniorityLevel() >= minimumLevel
        && person.seniorityLevel() >= appliedLevel;
  }

  public void checkAssessor(Engineer person, String candidateId, int appliedLevel) {
    if (person.userId().equals(candidateId)) {
      throw RuleViolation.forbidden("assessor-not-candidate", "A candidate never assesses their own application.");
    }
    if (person.seniorityLevel() < minimumLevel || person.seniorityLevel() < appliedLevel) {
      throw RuleViolation.forbidden("assessor-level",
          person.userId() + " (level " + person.seniorityLevel() + ") may not assess level " + appliedLevel
              + ": an assessor is level " + minimumLevel + " or above and at or above the applied level.");
    }
  }

  public List<Engineer> eligibleAssessors(Collection<Engineer> people, String candidateId, int appliedLevel) {
    return people.stream().filter(person -> mayAssess(person, candidateId, appliedLevel)).toList();
  }

  /**
   * @param otherReviewers who else reviews this round: those who reviewed already and those who
   *     hold another review task of the same application
   */
  public void checkReviewer(Engineer person, String candidateId, String assessorId, Collection<String> otherReviewers) {
    String who = person.userId();
    if (who.equals(candidateId)) {
      throw RuleViolation.forbidden("reviewer-not-candidate", "A candidate never reviews their own application.");
    }
    if (who.equals(assessorId)) {
      throw RuleViolation.forbidden("reviewer-not-assessor",
          who + " assessed this application and may not peer-review their own assessment.");
    }
    if (otherReviewers.contains(who)) {
      throw RuleViolation.forbidden("reviewers-distinct",
          who + " already reviews this application; the second review needs another person.");
    }
    if (person.seniorityLevel() < minimumLevel) {
      throw RuleViolation.forbidden("reviewer-level",
          who + " (level " + person.seniorityLevel() + ") may not peer-review: a reviewer is level " + minimumLevel + " or above.");
    }
  }
}
