package org.microcredentials.framework;

import org.microcredentials.process.Actors;

/** The Camunda groups of CONTRACT.md: candidate groups in the models, logins, authorizations. */
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
