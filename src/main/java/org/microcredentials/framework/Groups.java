package org.microcredentials.framework;

import java.util.ArrayList;
import java.util.List;
import org.microcredentials.process.Actors;

/** The Camunda groups of CONTRACT.md: candidate groups in the models, logins, authorizations. */
public final class Groups {

  public static final String ENGINEERS = "engineers";
  public static final String ASSESSORS = "assessors";
  public static final String LEADERS = "leaders";
  public static final String ENDORSEMENT_REVIEWERS = "endorsement-reviewers";
  public static final String SEM_TEAM = "sem-team";
  public static final String ADMINISTRATORS = Actors.ADMINISTRATORS;

  /** The groups that follow from the level and from nothing else. */
  public static final List<String> LEVEL_GROUPS = List.of(ENGINEERS, ASSESSORS, LEADERS, ENDORSEMENT_REVIEWERS);

  private Groups() {
  }

  /**
   * The groups a person at this seniority level is in: everyone in {@code engineers}, level 4+ in {@code assessors}
   * and {@code leaders}, level 5+ in {@code endorsement-reviewers}.
   */
  public static List<String> ofLevel(int level) {
    List<String> groups = new ArrayList<>(List.of(ENGINEERS));
    if (level >= 4) {
      groups.add(ASSESSORS);
      groups.add(LEADERS);
    }
    if (level >= 5) {
      groups.add(ENDORSEMENT_REVIEWERS);
    }
    return groups;
  }
}
