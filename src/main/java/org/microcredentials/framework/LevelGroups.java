package org.microcredentials.framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The groups that follow from a person's level and from nothing else: everyone is in {@code engineers}; each other
 * level group from the level its rule sets, declared as a {@link Threshold} by the package that owns the rule
 * (assessors from {@code microcredentials.minimum-assessor-level}, leaders and endorsement reviewers from the
 * endorsement's minimum levels). Camunda's groups, the directory's view of them and the organisation's memberships
 * all ask here, so changing a minimum level moves the group with it.
 */
@Component
public class LevelGroups {

  /** A group a person is in from {@code minimumLevel} on; {@code name} without the level, which is added. */
  public record Threshold(String groupId, String name, int minimumLevel) {
  }

  private final List<Threshold> thresholds;

  public LevelGroups(List<Threshold> thresholds) {
    this.thresholds = thresholds.stream().sorted(Comparator.comparingInt(Threshold::minimumLevel)
        .thenComparing(Threshold::groupId)).toList();
  }

  /** Every level group: {@code engineers} first, then the others by their level. */
  public List<String> ids() {
    List<String> ids = new ArrayList<>(List.of(Groups.ENGINEERS));
    thresholds.forEach(threshold -> ids.add(threshold.groupId()));
    return ids;
  }

  public boolean isLevelGroup(String groupId) {
    return ids().contains(groupId);
  }

  /** The level groups of a person at this seniority level. */
  public List<String> ofLevel(int level) {
    List<String> groups = new ArrayList<>(List.of(Groups.ENGINEERS));
    thresholds.stream().filter(threshold -> level >= threshold.minimumLevel())
        .forEach(threshold -> groups.add(threshold.groupId()));
    return groups;
  }

  /** The group's name as Camunda Admin and Tasklist show it, e.g. "Assessors (level 4+)". */
  public String name(String groupId) {
    if (Groups.ENGINEERS.equals(groupId)) {
      return "Engineers";
    }
    return thresholds.stream().filter(threshold -> threshold.groupId().equals(groupId)).findFirst()
        .map(threshold -> threshold.name() + " (level " + threshold.minimumLevel() + "+)")
        .orElseThrow(() -> new IllegalArgumentException("Not a level group: " + groupId));
  }
}
