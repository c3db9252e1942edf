package org.microcredentials.testing;

import static org.microcredentials.credential.CredentialVariables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.promotion.PromotionApplicationProcess;
import org.microcredentials.review.ReviewRoundProcess;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives promotion applications as their people would, through the engine's API with their
 * authentication ({@link SelfSubmissions} underneath): each assessed skill has its own tasks under
 * the promotion's business key, told apart by the {@code skillCode} in their scope.
 */
public class Promotions {

  private final ProcessEngine engine;
  private final SelfSubmissions app;
  private final CredentialRegister credentials;
  private int seeded;

  public Promotions(ProcessEngine engine, JdbcClient jdbc, CredentialRegister credentials) {
    this.engine = engine;
    this.app = new SelfSubmissions(engine, jdbc);
    this.credentials = credentials;
  }

  public SelfSubmissions app() {
    return app;
  }

  /** A credential the engineer holds from an earlier self-submission (issued now, valid for promotion two years). */
  public void holds(String holder, String skillCode, int level, int score, int frameworkVersion) {
    credentials.issue(new CredentialRegister.Issue("APP-2025-%06d".formatted(900000 + ++seeded), holder, skillCode, level,
        score, CredentialSource.SELF_SUBMISSION, "grace", List.of("frank"), frameworkVersion,
        "Problem: earlier work. Actions: earlier actions. Results: earlier results.", 8));
  }

  public ProcessInstance apply(String candidate, int targetLevel) {
    return app.as(candidate, () -> engine.getRuntimeService().startProcessInstanceByKey(PromotionApplicationProcess.KEY,
        Map.of(PromotionApplicationProcess.Variables.TARGET_LEVEL.name(), targetLevel,
            PromotionApplicationProcess.Variables.STATEMENT.name(), "I lead our architecture work.")));
  }

  /** The open task with that key for that skill (the skill in the task's scope). */
  public Task task(ProcessInstance promotion, String taskKey, String skillCode) {
    return tasks(promotion, taskKey).stream()
        .filter(task -> skillCode.equals(engine.getTaskService().getVariable(task.getId(), SKILL_CODE.name())))
        .findFirst().orElseThrow(() -> new AssertionError("No open " + taskKey + " for " + skillCode));
  }

  public List<Task> tasks(ProcessInstance promotion, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(promotion.getBusinessKey())
        .taskDefinitionKey(taskKey).orderByTaskCreateTime().asc().list();
  }

  /** Claims (when no one holds it) and completes, then runs the jobs it leaves. */
  public void work(String user, Task task, Map<String, Object> variables) {
    if (task.getAssignee() == null) {
      app.claim(user, task);
    }
    app.complete(user, task, variables);
  }

  public void giveEvidence(ProcessInstance promotion, String skillCode) {
    Map<String, Object> evidence = new HashMap<>(SelfSubmissions.evidence(skillCode, 0));
    evidence.remove(SKILL_CODE.name());
    evidence.remove(SKILL_LEVEL.name());
    work(candidate(promotion),
        task(promotion, PromotionApplicationProcess.Tasks.PROVIDE_PROMOTION_EVIDENCE, skillCode), evidence);
  }

  /** One skill through its review round: assignment, a score, and every required review agreeing. */
  public void assess(ProcessInstance promotion, String skillCode, String assessor, int score, String... reviewers) {
    work("erin", task(promotion, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, skillCode), Map.of(ASSESSOR_ID.name(), assessor));
    Map<String, Object> scored = new HashMap<>(Map.of(SCORE.name(), score, JUSTIFICATION.name(), "Clear impact on " + skillCode + "."));
    if (score < 8) {
      scored.put(IMPROVEMENT_AREAS.name(), "Show the effect beyond the team; goal: one measured cross-team change.");
    }
    work(assessor, task(promotion, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, skillCode), scored);
    for (String reviewer : reviewers) {
      Task review = tasks(promotion, ReviewRoundProcess.Tasks.PEER_REVIEW).stream()
          .filter(task -> task.getAssignee() == null
              && skillCode.equals(engine.getTaskService().getVariable(task.getId(), SKILL_CODE.name())))
          .findFirst().orElseThrow(() -> new AssertionError("No open review of " + skillCode));
      work(reviewer, review, Map.of(REVIEW_AGREES.name(), true, REVIEW_COMMENT.name(), "Agreed."));
    }
    app.runJobs(promotion);
  }

  public String candidate(ProcessInstance promotion) {
    return (String) engine.getRuntimeService().getVariable(promotion.getId(), CredentialVariables.CANDIDATE_ID.name());
  }

  public Task only(ProcessInstance promotion, String taskKey) {
    List<Task> open = tasks(promotion, taskKey);
    if (open.size() != 1) {
      throw new AssertionError("Expected one " + taskKey + ", found " + open.size());
    }
    return open.get(0);
  }
}
