package org.microcredentials.testing;

import static org.microcredentials.submission.SelfSubmissionProcess.Variables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives self-submissions through the engine's Java API as the demo people would: every call
 * runs as the named, authenticated user, like Tasklist and the REST API do.
 */
public class SelfSubmissions {

  private final ProcessEngine engine;
  private final JdbcClient jdbc;

  public SelfSubmissions(ProcessEngine engine, JdbcClient jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  public static Map<String, Object> evidence(String skillCode, int skillLevel) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SKILL_CODE, skillCode);
    variables.put(SKILL_LEVEL, skillLevel);
    variables.put(IMPACT_PROBLEM, "Our build took 40 minutes and blocked releases.");
    variables.put(IMPACT_ACTIONS, "I profiled the build, parallelised the test suites and cached dependencies.");
    variables.put(IMPACT_RESULTS, "Build time fell to 9 minutes; we release daily instead of weekly.");
    variables.put(EVIDENCE_LINKS, "https://git.example.org/build/pull/42");
    return variables;
  }

  public ProcessInstance submit(String candidate, String skillCode, int skillLevel) {
    return submit(candidate, evidence(skillCode, skillLevel));
  }

  public ProcessInstance submit(String candidate, Map<String, Object> variables) {
    return as(candidate, () -> runtime().startProcessInstanceByKey(SelfSubmissionProcess.KEY, variables));
  }

  public Task task(ProcessInstance instance, String taskKey) {
    return tasks(instance, taskKey).get(0);
  }

  public List<Task> tasks(ProcessInstance instance, String taskKey) {
    return tasks().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
  }

  public void claim(String user, Task task) {
    as(user, () -> {
      tasks().claim(task.getId(), user);
      return null;
    });
  }

  public void complete(String user, Task task, Map<String, Object> variables) {
    as(user, () -> {
      tasks().complete(task.getId(), variables);
      return null;
    });
  }

  /** Claims, then completes: what a person does in Tasklist. */
  public void work(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    Task task = tasks().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .taskUnassigned().list().stream().findFirst()
        .orElseGet(() -> tasks().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
            .taskAssignee(user).singleResult());
    if (task.getAssignee() == null) {
      claim(user, task);
    }
    complete(user, task, variables);
  }

  public void assignAssessor(ProcessInstance instance, String semMember, String assessorId) {
    work(semMember, instance, SelfSubmissionProcess.Tasks.ASSIGN_ASSESSOR, Map.of(ASSESSOR_ID, assessorId));
  }

  public void score(ProcessInstance instance, String assessorId, int score) {
    Map<String, Object> variables = new HashMap<>(Map.of(SCORE, score, JUSTIFICATION, "Clear impact, measured results."));
    if (score < 8) {
      variables.put(IMPROVEMENT_AREAS, "Show the effect on the team; goal: a measured before/after for one release.");
    }
    work(assessorId, instance, SelfSubmissionProcess.Tasks.ASSESS_EVIDENCE, variables);
  }

  public void agree(ProcessInstance instance, String reviewer) {
    work(reviewer, instance, SelfSubmissionProcess.Tasks.PEER_REVIEW,
        Map.of(REVIEW_AGREES, true, REVIEW_COMMENT, "Agreed."));
  }

  public void propose(ProcessInstance instance, String reviewer, int proposedScore) {
    work(reviewer, instance, SelfSubmissionProcess.Tasks.PEER_REVIEW,
        Map.of(REVIEW_AGREES, false, PROPOSED_SCORE, proposedScore, REVIEW_COMMENT, "The results are not the candidate's alone."));
  }

  /** Runs the instance's jobs (async joins, issuing) as the job executor would, until none is left. */
  public void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = management().createJobQuery().processInstanceId(instance.getId()).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management().executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs keep coming for " + instance.getId());
  }

  public long applications() {
    return jdbc.sql("select count(*) from application").query(Long.class).single();
  }

  public long credentials() {
    return jdbc.sql("select count(*) from credential").query(Long.class).single();
  }

  /** Leaves no instance, application or credential of an earlier test behind. */
  public void clear() {
    runtime().createProcessInstanceQuery().list()
        .forEach(instance -> runtime().deleteProcessInstance(instance.getId(), "test clean-up", true, true));
    jdbc.sql("delete from credential_revocation").update();
    jdbc.sql("delete from credential_lapse_reminder").update();
    jdbc.sql("delete from credential").update();
    jdbc.sql("delete from application").update();
  }

  public <T> T as(String user, java.util.function.Supplier<T> action) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList());
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private RuntimeService runtime() {
    return engine.getRuntimeService();
  }

  private TaskService tasks() {
    return engine.getTaskService();
  }

  private ManagementService management() {
    return engine.getManagementService();
  }
}
