package org.microcredentials.credential;

import static org.microcredentials.credential.CredentialVariables.SKILL_CODE;
import static org.microcredentials.credential.CredentialVariables.SKILL_LEVEL;
import static org.microcredentials.credential.CredentialVariables.SKILL_NAME;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.framework.Seniority;
import org.microcredentials.framework.Skill;
import org.microcredentials.process.VariableReader;

/**
 * The skill and level a start names (a self-submission, an endorsement, an endorsement request), read and checked
 * alike by each, and what the endorsements then show of the skill on their forms and mails.
 */
public record RequestedSkill(String code, int level) {

  /** Refuses a missing skill code, then a level off the ladder, in that order. */
  public static RequestedSkill sent(VariableReader input) {
    String code = input.requiredText(SKILL_CODE);
    return new RequestedSkill(code, input.requiredWholeNumber(SKILL_LEVEL, Seniority.LOWEST, Seniority.HIGHEST));
  }

  /** The level as read and the skill's name, as forms and mails show them. */
  public void showOn(VariableScope scope, Skill skill) {
    SKILL_LEVEL.on(scope, level);
    SKILL_NAME.on(scope, skill.name());
  }
}
