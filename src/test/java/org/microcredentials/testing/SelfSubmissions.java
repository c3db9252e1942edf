package org.microcredentials.testing;

import static org.microcredentials.credential.CredentialVariables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives self-submissions through the engine's Java API as the demo people would: every call
 * runs as the named, authenticated user, like Tasklist and the REST API do.
 */
public class SelfSubmissions {

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final boolean grantingEverything;

  public SelfSubmissions(ProcessEngine engine, JdbcClient jdbc) {
    this(engine, jdbc, false);
  }

  private SelfSubmissions(ProcessEngine engine, JdbcClient jdbc, boolean grantingEverything) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.grantingEverything = grantingEverything;
  }

  /**
   * A driver whose people hold, while they act, every Camunda authorization on processes,
   * instances and tasks, as if an administrator had granted too much. What is still refused is
   * refused by our rules in the engine (listeners), not by Camunda's authorizations: the rule
   * tests use it, so each rule is proven on its own. {@code TaskMatrixIT} proves the
   * authorizations with the real grants.
   */
  public SelfSubmissions grantingEverything() {
    return new SelfSubmissions(engine, jdbc, true);
  }

  public static Map<String, Object> evidence(String skillCode, int skillLevel) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SKILL_CODE.name(), skillCode);
    variables.put(SKILL_LEVEL.name(), skillLevel);
    variables.put(ImpactStatement.PROBLEM.name(), "Our build took 40 minutes and blocked releases.");
    variables.put(ImpactStatement.ACTIONS.name(), "I profiled the build, parallelised the test suites and cached dependencies.");
    variables.put(ImpactStatement.RESULTS.name(), "Build time fell to 9 minutes; we release daily instead of weekly.");
    variables.put(ImpactStatement.LINKS.name(), "https://git.example.org/build/pull/42");
    return variables;
  }

  public ProcessInstance submit(String candidate, String skillCode, int skillLevel) {
    return submit(candidate, evidence(skillCode, skillLevel));
  }

  public ProcessInstance submit(String candidate, Map<String, Object> variables) {
    return as(candidate, () -> runtime().startProcessInstanceByKey(SelfSubmissionProcess.KEY, variables));
  }

  /** The application's task with that key, in the first round or in a resubmission (same business key). */
  public Task task(ProcessInstance instance, String taskKey) {
    return tasks(instance, taskKey).get(0);
  }

  public List<Task> tasks(ProcessInstance instance, String taskKey) {
    return tasks().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).taskDefinitionKey(taskKey)
        .orderByTaskCreateTime().asc().list();
  }

  public void claim(String user, Task task) {
    as(user, () -> {
      tasks().claim(task.getId(), user);
      return null;
    });
  }

  /** Completes the task as the user, then runs the jobs it leaves (notifications, joins) as the job executor would. */
  public void complete(String user, Task task, Map<String, Object> variables) {
    ProcessInstance instance = runtime().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
    as(user, () -> {
      tasks().complete(task.getId(), variables);
      return null;
    });
    if (instance != null) {
      runJobs(instance);
    }
  }

  /** Claims, then completes: what a person does in Tasklist. */
  public void work(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    Task task = tasks(instance, taskKey).stream().filter(open -> open.getAssignee() == null).findFirst()
        .orElseGet(() -> tasks().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
            .taskDefinitionKey(taskKey).taskAssignee(user).singleResult());
    if (task.getAssignee() == null) {
      claim(user, task);
    }
    complete(user, task, variables);
  }

  public void assignAssessor(ProcessInstance instance, String semMember, String assessorId) {
    work(semMember, instance, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, Map.of(ASSESSOR_ID.name(), assessorId));
  }

  public void score(ProcessInstance instance, String assessorId, int score) {
    Map<String, Object> variables = new HashMap<>(Map.of(SCORE.name(), score, JUSTIFICATION.name(), "Clear impact, measured results."));
    if (score < 8) {
      variables.put(IMPROVEMENT_AREAS.name(), "Show the effect on the team; goal: a measured before/after for one release.");
    }
    work(assessorId, instance, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, variables);
  }

  public void agree(ProcessInstance instance, String reviewer) {
    work(reviewer, instance, ReviewRoundProcess.Tasks.PEER_REVIEW,
        Map.of(REVIEW_AGREES.name(), true, REVIEW_COMMENT.name(), "Agreed."));
  }

  public void propose(ProcessInstance instance, String reviewer, int proposedScore) {
    work(reviewer, instance, ReviewRoundProcess.Tasks.PEER_REVIEW,
        Map.of(REVIEW_AGREES.name(), false, PROPOSED_SCORE.name(), proposedScore, REVIEW_COMMENT.name(), "The results are not the candidate's alone."));
  }

  /**
   * Runs the due jobs (notifications, async joins, issuing) of every instance with the
   * application's business key, as the job executor would, until none is left. Timers not yet
   * due (the SLAs) stay.
   */
  public void runJobs(ProcessInstance instance) {
    String businessKey = instance.getBusinessKey();
    for (int round = 0; round < 30; round++) {
      List<Job> jobs = runtime().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
          .flatMap(open -> management().createJobQuery().processInstanceId(open.getId()).executable().list().stream())
          .toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management().executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs keep coming for " + businessKey);
  }

  /** Fires the timer of a boundary event now, as if its time had come, then runs what follows. */
  public void fireTimer(ProcessInstance instance, String boundaryEventId) {
    management().executeJob(timer(instance, boundaryEventId).getId());
    runJobs(instance);
  }

  /** The waiting timer of a boundary event, in the first round or a resubmission. */
  public Job timer(ProcessInstance instance, String boundaryEventId) {
    return runtime().createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey()).list().stream()
        .flatMap(open -> management().createJobQuery().processInstanceId(open.getId()).activityId(boundaryEventId).timers()
            .list().stream())
        .findFirst()
        .orElseThrow(() -> new AssertionError("No timer at " + boundaryEventId));
  }

  /** The waiting job (an asynchronous step) at an activity, in whichever instance of the application it is. */
  public Job job(ProcessInstance instance, String activityId) {
    return runtime().createProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey()).list().stream()
        .flatMap(open -> management().createJobQuery().processInstanceId(open.getId()).activityId(activityId).list().stream())
        .findFirst()
        .orElseThrow(() -> new AssertionError("No job at " + activityId));
  }

  /**
   * A variable of the application where its work is now: the innermost running instance (the
   * review round while it runs, inside the resubmission or the self-submission), which sees the
   * caller's variables it was called with and its own.
   */
  public Object variable(ProcessInstance instance, String name) {
    return runtime().getVariable(current(instance), name);
  }

  /** The id of the application's innermost running instance: where its work is now (the review round while it runs). */
  public String current(ProcessInstance instance) {
    String current = instance.getId();
    for (ProcessInstance called = calledBy(current); called != null; called = calledBy(current)) {
      current = called.getId();
    }
    return current;
  }

  private ProcessInstance calledBy(String processInstanceId) {
    return runtime().createProcessInstanceQuery().superProcessInstanceId(processInstanceId).singleResult();
  }

  /** How often the application (every instance with its business key, running or ended) entered an activity. */
  public long entered(ProcessInstance instance, String activityId) {
    return activities(instance, activityId, false);
  }

  /** How often the application (every instance with its business key) completed an activity. */
  public long finished(ProcessInstance instance, String activityId) {
    return activities(instance, activityId, true);
  }

  private long activities(ProcessInstance instance, String activityId, boolean finishedOnly) {
    var history = engine.getHistoryService();
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(instance.getBusinessKey()).list().stream()
        .mapToLong(each -> {
          var query = history.createHistoricActivityInstanceQuery().processInstanceId(each.getId()).activityId(activityId);
          return finishedOnly ? query.finished().count() : query.count();
        })
        .sum();
  }

  public long applications() {
    return jdbc.sql("select count(*) from application").query(Long.class).single();
  }

  public long credentials() {
    return jdbc.sql("select count(*) from credential").query(Long.class).single();
  }

  /** Leaves no instance, application or credential of an earlier test behind. */
  public void clear() {
    CleanSlate.clear(engine, jdbc);
  }

  public <T> T as(String user, java.util.function.Supplier<T> action) {
    IdentityService identity = engine.getIdentityService();
    Runnable takeBack = grantingEverything ? grantEverything(user) : () -> { };
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList());
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
      takeBack.run();
    }
  }

  /**
   * Grants the user ALL on every process definition, instance and task, and lifts the tasks
   * hidden from them (a user's REVOKE wins over any grant); returns what puts it all back.
   */
  private Runnable grantEverything(String user) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    List<Authorization> revokes = authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).userIdIn(user).list();
    revokes.forEach(revoke -> authorizations.deleteAuthorization(revoke.getId()));
    List<String> grants = Stream.of(Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE, Resources.TASK)
        .map(resource -> {
          Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
          grant.setUserId(user);
          grant.setResource(resource);
          grant.setResourceId(Authorization.ANY);
          grant.addPermission(Permissions.ALL);
          return authorizations.saveAuthorization(grant).getId();
        }).toList();
    return () -> {
      grants.forEach(authorizations::deleteAuthorization);
      for (Authorization revoke : revokes) {
        Authorization again = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        again.setUserId(user);
        again.setResourceType(revoke.getResourceType());
        again.setResourceId(revoke.getResourceId());
        ParticipantAccess.HIDDEN.forEach(again::removePermission);
        if (engine.getTaskService().createTaskQuery().taskId(revoke.getResourceId()).count() > 0) {
          authorizations.saveAuthorization(again);
        }
      }
    };
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
