package org.microcredentials.framework;

import org.microcredentials.process.Actors;

/**
 * The Camunda groups of the contract: candidate groups in the models, logins, authorizations. Which of them follow
 * from the level, and from which level on: {@link LevelGroups}.
 */
public final class Groups {

  public static final String ENGINEERS = "engineers";
  public static final String ASSESSORS = "assessors";
  public static final String LEADERS = "leaders";
  public static final String ENDORSEMENT_REVIEWERS = "endorsement-reviewers";
  public static final String SEM_TEAM = "sem-team";
  public static final String ADMINISTRATORS = Actors.ADMINISTRATORS;

  private Groups() {
  }
}
