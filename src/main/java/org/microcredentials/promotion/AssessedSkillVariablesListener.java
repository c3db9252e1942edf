package org.microcredentials.promotion;

import static org.microcredentials.credential.CredentialVariables.SKILL_CODE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.microcredentials.application.ApplicationRegister;
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

  private final PromotionSkills skills;

  AssessedSkillVariablesListener(PromotionSkills skills) {
    this.skills = skills;
  }

  @Override
  public void notify(DelegateExecution scope) {
    skills.skillToAssess(ApplicationRegister.keyOf(scope)).showOn(scope);
  }

  @Override
  public void notify(DelegateTask task) {
    SKILL_CODE.localOn(task, skills.skillCodeOf(ApplicationRegister.keyOf(task.getExecution())));
  }
}
