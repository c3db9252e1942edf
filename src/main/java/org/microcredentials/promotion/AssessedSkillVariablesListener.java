package org.microcredentials.promotion;

import static org.microcredentials.credential.CredentialVariables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.ProcessVariable;
import org.springframework.stereotype.Component;

/**
 * One assessed skill of a promotion application, the scope of the multi-instance {@code SubProcess_AssessSkill}: on
 * its start, what its evidence task and its review round show is written locally, once, from the skill's record
 * ({@link PromotionSkills#skillToAssess}); the evidence fields start empty here, so that each skill's evidence stays
 * in its own scope however many skills run in parallel. On the evidence task's creation, the task gets the skill as
 * its own local variable ({@code skillCode}, CONTRACT.md).
 */
// Named as before: every version of the promotion model binds ${assessedSkillScope}, running instances of older ones too.
@Component("assessedSkillScope")
class AssessedSkillVariablesListener implements ExecutionListener, TaskListener {

  /** The impact statement's fields: each skill's evidence starts empty in its own scope. */
  private static final List<ProcessVariable<String>> EVIDENCE_FIELDS =
      List.of(ImpactStatement.PROBLEM, ImpactStatement.ACTIONS, ImpactStatement.RESULTS, ImpactStatement.LINKS);

  private final PromotionSkills skills;

  AssessedSkillVariablesListener(PromotionSkills skills) {
    this.skills = skills;
  }

  @Override
  public void notify(DelegateExecution scope) {
    PromotionSkills.SkillToAssess skill = skills.skillToAssess(ApplicationRegister.keyOf(scope));
    SKILL_CODE.localOn(scope, skill.skillCode());
    SKILL_NAME.localOn(scope, skill.skillName());
    SKILL_LEVEL.localOn(scope, skill.skillLevel());
    PromotionApplicationProcess.Variables.SKILL_CRITERIA.localOn(scope, skill.criteria());
    EVIDENCE_FIELDS.forEach(field -> field.localOn(scope, null));
  }

  @Override
  public void notify(DelegateTask task) {
    SKILL_CODE.localOn(task, skills.skillCodeOf(ApplicationRegister.keyOf(task.getExecution())));
  }
}
