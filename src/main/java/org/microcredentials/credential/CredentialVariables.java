package org.microcredentials.credential;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.framework.Engineer;
import org.microcredentials.process.ProcessVariable;

/**
 * The facts every flow towards a credential carries, under one name each: whose it is (the candidate), for which
 * skill at which level, and, once issued, which credential. A self-submission, each skill of a promotion application,
 * the review round that assesses them, an endorsement and the expiry reminders all use these declarations; the
 * facts themselves live in our tables (an application's row, an endorsement's, the credential's), and these variables
 * are what forms, mails, model expressions and clients read. The impact statement's fields are {@link ImpactStatement}'s;
 * each process's own variables are in its class's {@code Variables}.
 */
public final class CredentialVariables {

  public static final ProcessVariable<String> CANDIDATE_ID = ProcessVariable.text("candidateId");
  public static final ProcessVariable<String> CANDIDATE_NAME = ProcessVariable.text("candidateName");
  public static final ProcessVariable<String> SKILL_CODE = ProcessVariable.text("skillCode");
  public static final ProcessVariable<String> SKILL_NAME = ProcessVariable.text("skillName");
  public static final ProcessVariable<Integer> SKILL_LEVEL = ProcessVariable.integer("skillLevel");
  /**
   * The credential issued (a review round's or an endorsement's outcome), or the one an expiry reminder is about: in
   * each instance of the reminder's subprocess, one of the run's lapsing credentials.
   */
  public static final ProcessVariable<String> CREDENTIAL_ID = ProcessVariable.text("credentialId");

  /** Whom an accepted start is about, as forms and mails name them: the same two variables for every flow. */
  public static void showCandidate(VariableScope scope, String candidateId, Engineer candidate) {
    CANDIDATE_ID.on(scope, candidateId);
    CANDIDATE_NAME.on(scope, candidate.displayName());
  }

  private CredentialVariables() {
  }
}
