package org.microcredentials.application;

/**
 * The names under which every flow that makes an application (a self-submission, each skill of a
 * promotion application) and the review round that assesses it carry the application's own facts.
 * The facts themselves live in the application's row ({@link ApplicationRegister}); these variables
 * are what the candidate sent and what forms show. The statement's fields are named by
 * {@code ImpactStatement}; the round's own variables by {@code ReviewRoundProcess.Variables}.
 */
public final class ApplicationVariables {

  public static final String CANDIDATE_ID = "candidateId";
  public static final String SKILL_CODE = "skillCode";
  public static final String SKILL_LEVEL = "skillLevel";

  private ApplicationVariables() {
  }
}
