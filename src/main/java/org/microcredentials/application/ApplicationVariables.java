package org.microcredentials.application;

import org.microcredentials.credential.ImpactStatement;

/**
 * The names under which every flow that makes an application (a self-submission, each skill of a
 * promotion application) and the review round that assesses it carry the application's own facts.
 * The facts themselves live in the application's row ({@link ApplicationRegister}); these variables
 * are what the candidate sent and what forms show. The process contracts
 * ({@code SelfSubmissionProcess.Variables}, {@code ReviewRoundProcess.Variables}) take these names from here.
 */
public final class ApplicationVariables {

  public static final String CANDIDATE_ID = "candidateId";
  public static final String SKILL_CODE = "skillCode";
  public static final String SKILL_LEVEL = "skillLevel";
  public static final String IMPACT_PROBLEM = ImpactStatement.PROBLEM;
  public static final String IMPACT_ACTIONS = ImpactStatement.ACTIONS;
  public static final String IMPACT_RESULTS = ImpactStatement.RESULTS;
  public static final String EVIDENCE_LINKS = ImpactStatement.LINKS;

  private ApplicationVariables() {
  }
}
