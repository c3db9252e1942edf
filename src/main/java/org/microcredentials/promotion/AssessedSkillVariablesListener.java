package org.microcredentials.promotion;

import static org.microcredentials.application.ApplicationVariables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.springframework.stereotype.Component;

/**
 * One assessed skill of a promotion application, the scope of the multi-instance
 * {@code SubProcess_AssessSkill}: on its start, the variables its evidence task and its review round
 * show are written locally, once, from the skill's application row and the framework (skill, target
 * level, criteria); the evidence fields start empty here, so that each skill's evidence
 * stays in its own scope however many skills run in parallel. On the evidence task's creation, the
 * task gets the skill as its own local variable ({@code skillCode}, CONTRACT.md).
 */
// Named as before: every version of the promotion model binds ${assessedSkillScope}, running instances of older ones too.
@Component("assessedSkillScope")
class AssessedSkillVariablesListener implements ExecutionListener, TaskListener {

  private final ApplicationRegister applications;
  private final SkillFrameworkRepository frameworks;
  private final PromotionTexts texts;

  AssessedSkillVariablesListener(ApplicationRegister applications, SkillFrameworkRepository frameworks, PromotionTexts texts) {
    this.applications = applications;
    this.frameworks = frameworks;
    this.texts = texts;
  }

  @Override
  public void notify(DelegateExecution scope) {
    ApplicationRegister.Application skill = applications.application(ApplicationRegister.keyOf(scope));
    SkillFramework framework = frameworks.version(skill.frameworkVersion()).orElseThrow();
    scope.setVariableLocal(SKILL_CODE, skill.skillCode());
    scope.setVariableLocal(SKILL_NAME, texts.skillName(framework, skill.skillCode()));
    scope.setVariableLocal(SKILL_LEVEL, skill.skillLevel());
    scope.setVariableLocal(PromotionApplicationProcess.Variables.SKILL_CRITERIA,
        texts.criteria(framework, skill.skillCode(), skill.skillLevel()));
    for (String field : new String[] {
        ImpactStatement.PROBLEM, ImpactStatement.ACTIONS, ImpactStatement.RESULTS, ImpactStatement.LINKS}) {
      scope.setVariableLocal(field, null);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(SKILL_CODE, applications.application(ApplicationRegister.keyOf(task.getExecution())).skillCode());
  }
}
