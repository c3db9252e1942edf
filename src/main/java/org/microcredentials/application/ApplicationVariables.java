package org.microcredentials.application;

import org.microcredentials.process.ProcessVariable;

/**
 * The names under which every flow that makes an application (a self-submission, each skill of a
 * promotion application) and the review round that assesses it carry the application's own facts.
 * The facts themselves live in the application's row ({@link ApplicationRegister}); these variables
 * are what the candidate sent and what forms show. The statement's fields are named by
 * {@code ImpactStatement}; the round's own variables by {@code ReviewRoundProcess.Variables}.
 */
public final class ApplicationVariables {

  public static final ProcessVariable<String> CANDIDATE_ID = ProcessVariable.text("candidateId");
  public static final ProcessVariable<String> SKILL_CODE = ProcessVariable.text("skillCode");
  public static final ProcessVariable<Integer> SKILL_LEVEL = ProcessVariable.integer("skillLevel");

  private ApplicationVariables() {
  }
}
