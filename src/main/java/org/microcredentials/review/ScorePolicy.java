package org.microcredentials.review;

import java.util.Optional;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.RuleViolation;
import org.springframework.stereotype.Component;

/** Scores are whole numbers 0..10; the pass mark (8 by default) passes. */
@Component
public class ScorePolicy {

  public static final int LOWEST_SCORE = 0;
  public static final int HIGHEST_SCORE = 10;

  private final int passMark;

  public ScorePolicy(MicroCredentialsProperties properties) {
    this.passMark = properties.passMark();
  }

  public int passMark() {
    return passMark;
  }

  public boolean passes(int score) {
    return score >= passMark;
  }

  /** Below the pass mark the candidate is told which areas to improve and the goals to reach. */
  public void checkImprovementAreas(int score, Optional<String> improvementAreas) {
    if (!passes(score) && improvementAreas.isEmpty()) {
      throw RuleViolation.invalid("improvement-areas-below-pass-mark",
          "A score of " + score + " is below the pass mark of " + passMark
              + ": 'improvementAreas' must name the areas to improve and specific goals.");
    }
  }
}
