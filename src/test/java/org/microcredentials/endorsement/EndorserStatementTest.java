package org.microcredentials.endorsement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.review.ReviewRoundProcess;

class EndorserStatementTest {

  @Test
  void theEvidenceThenTheEndorsersJustification() {
    Map<String, Object> given = statement();
    given.put(ImpactStatement.LINKS.name(), "https://wiki.example/postmortem");

    assertThat(EndorserStatement.of(given::get, "carol")).isEqualTo("""
        Problem: Releases failed at night.
        Actions: Wrote the rollback plan.
        Results: No failed release since March.
        Links: https://wiki.example/postmortem
        Endorsed by carol: Owned it beyond her level.""");
  }

  @Test
  void noLinksLineWithoutLinks() {
    Map<String, Object> given = statement();
    given.put(ImpactStatement.LINKS.name(), "  ");

    assertThat(EndorserStatement.of(given::get, "carol")).doesNotContain("Links:")
        .endsWith("Results: No failed release since March.\nEndorsed by carol: Owned it beyond her level.");
  }

  private static Map<String, Object> statement() {
    Map<String, Object> given = new HashMap<>();
    given.put(ImpactStatement.PROBLEM.name(), "Releases failed at night.");
    given.put(ImpactStatement.ACTIONS.name(), "Wrote the rollback plan.");
    given.put(ImpactStatement.RESULTS.name(), "No failed release since March.");
    given.put(ReviewRoundProcess.Variables.JUSTIFICATION.name(), "Owned it beyond her level.");
    return given;
  }
}
