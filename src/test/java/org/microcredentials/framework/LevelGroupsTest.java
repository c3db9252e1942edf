package org.microcredentials.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcredentials.framework.LevelGroups.Threshold;

class LevelGroupsTest {

  /** The minimum levels as shipped (the properties records' defaults): assessors and leaders from 4, endorsement reviewers from 5. */
  private final LevelGroups asConfigured = new LevelGroups(List.of(
      new Threshold(Groups.ENDORSEMENT_REVIEWERS, "Endorsement reviewers", 5),
      new Threshold(Groups.ASSESSORS, "Assessors", 4),
      new Threshold(Groups.LEADERS, "Engineering leaders", 4)));

  @Test
  void theLevelGroupsFollowTheLevel() {
    assertThat(asConfigured.ofLevel(1)).containsExactly(Groups.ENGINEERS);
    assertThat(asConfigured.ofLevel(3)).containsExactly(Groups.ENGINEERS);
    assertThat(asConfigured.ofLevel(4)).containsExactly(Groups.ENGINEERS, Groups.ASSESSORS, Groups.LEADERS);
    assertThat(asConfigured.ofLevel(5)).containsExactly(Groups.ENGINEERS, Groups.ASSESSORS, Groups.LEADERS,
        Groups.ENDORSEMENT_REVIEWERS);
    assertThat(asConfigured.ofLevel(6)).isEqualTo(asConfigured.ofLevel(5));
    assertThat(asConfigured.ids()).containsExactly(Groups.ENGINEERS, Groups.ASSESSORS, Groups.LEADERS,
        Groups.ENDORSEMENT_REVIEWERS);
    assertThat(asConfigured.name(Groups.ASSESSORS)).isEqualTo("Assessors (level 4+)");
    assertThat(asConfigured.name(Groups.ENGINEERS)).isEqualTo("Engineers");
  }

  @Test
  void aMinimumLevelChangedInConfigurationMovesItsGroup() {
    LevelGroups assessorsFromThree = new LevelGroups(List.of(
        new Threshold(Groups.ASSESSORS, "Assessors", 3),
        new Threshold(Groups.LEADERS, "Engineering leaders", 4),
        new Threshold(Groups.ENDORSEMENT_REVIEWERS, "Endorsement reviewers", 5)));
    assertThat(assessorsFromThree.ofLevel(3)).containsExactly(Groups.ENGINEERS, Groups.ASSESSORS);
    assertThat(assessorsFromThree.name(Groups.ASSESSORS)).isEqualTo("Assessors (level 3+)");
    assertThat(assessorsFromThree.isLevelGroup(Groups.SEM_TEAM)).isFalse();
  }
}
