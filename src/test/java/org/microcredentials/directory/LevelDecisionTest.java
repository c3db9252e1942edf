package org.microcredentials.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.microcredentials.directory.DirectoryLevelDecisions.Decision;

/** When the directory has caught up with a level decided in the app, and which groups a level gives. */
class LevelDecisionTest {

  private static final OffsetDateTime DECIDED = OffsetDateTime.parse("2026-12-01T10:00:00Z");

  @Test
  void aPromotionIsCaughtUpWhenTheDirectoryShowsItOrMore() {
    Decision promotion = new Decision("bob", 3, 4, DECIDED, 3);
    assertThat(promotion.caughtUpBy(3)).isFalse();
    assertThat(promotion.caughtUpBy(2)).isFalse();
    assertThat(promotion.caughtUpBy(4)).isTrue();
    assertThat(promotion.caughtUpBy(5)).as("HR went further").isTrue();
  }

  @Test
  void aLevelLoweredInTheAppIsCaughtUpWhenTheDirectoryShowsItOrLess() {
    Decision lowered = new Decision("bob", 4, 3, DECIDED, 4);
    assertThat(lowered.caughtUpBy(4)).isFalse();
    assertThat(lowered.caughtUpBy(3)).isTrue();
    assertThat(lowered.caughtUpBy(2)).isTrue();
  }
}
