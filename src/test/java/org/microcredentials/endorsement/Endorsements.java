package org.microcredentials.endorsement;

import static org.microcredentials.credential.CredentialVariables.CANDIDATE_ID;
import static org.microcredentials.credential.CredentialVariables.SKILL_CODE;
import static org.microcredentials.credential.CredentialVariables.SKILL_LEVEL;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.JUSTIFICATION;
import static org.microcredentials.review.ReviewRoundProcess.Variables.REVIEW_COMMENT;
import static org.microcredentials.review.ReviewRoundProcess.Variables.SCORE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.testing.SelfSubmissions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives endorsements and endorsement requests through the engine's Java API as the demo people
 * would: every call runs as the named, authenticated user, like Tasklist and the REST API do.
 */
class Endorsements {

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final SelfSubmissions people;

  Endorsements(ProcessEngine engine, JdbcClient jdbc) {
    this(engine, jdbc, new SelfSubmissions(engine, jdbc));
  }

  private Endorsements(ProcessEngine engine, JdbcClient jdbc, SelfSubmissions people) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.people = people;
  }

  /** See {@link SelfSubmissions#grantingEverything()}: for the tests of the rules themselves. */
  Endorsements grantingEverything() {
    return new Endorsements(engine, jdbc, people.grantingEverything());
  }

  /** What a leader fills in: evidence, a justification and a score. */
  static Map<String, Object> endorsementFields(int score) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SCORE.name(), score);
    variables.put(ImpactStatement.PROBLEM.name(), "Our services mixed three Java styles and reviews stalled on them.");
    variables.put(ImpactStatement.ACTIONS.name(), "She wrote the team's language guide and led four sessions on modern Java.");
    variables.put(ImpactStatement.RESULTS.name(), "Review turnaround fell from 3 days to 1; style comments dropped by 80%.");
    variables.put(ImpactStatement.LINKS.name(), "https://git.example.org/guides/java");
    variables.put(JUSTIFICATION.name(), "I reviewed her pull requests for six months: well beyond level 2 in language knowledge.");
    return variables;
  }

  static Map<String, Object> endorsement(String candidateId, String skillCode, int skillLevel, int score) {
    Map<String, Object> variables = endorsementFields(score);
    variables.put(CANDIDATE_ID.name(), candidateId);
    variables.put(SKILL_CODE.name(), skillCode);
    variables.put(SKILL_LEVEL.name(), skillLevel);
    return variables;
  }

  static Map<String, Object> request(String leaderId, String skillCode, int skillLevel) {
    Map<String, Object> variables = new HashMap<>();
    EndorsementRequestProcess.Variables.LEADER_ID.in(variables, leaderId);
    variables.put(SKILL_CODE.name(), skillCode);
    variables.put(SKILL_LEVEL.name(), skillLevel);
    EndorsementRequestProcess.Variables.MESSAGE.in(variables, "You saw my profiling work on the checkout service.");
    return variables;
  }

  ProcessInstance endorse(String endorser, String candidateId, String skillCode, int skillLevel, int score) {
    return endorse(endorser, endorsement(candidateId, skillCode, skillLevel, score));
  }

  ProcessInstance endorse(String endorser, Map<String, Object> variables) {
    return as(endorser, () -> engine.getRuntimeService().startProcessInstanceByKey(EndorsementProcess.KEY, variables));
  }

  ProcessInstance ask(String candidate, String leaderId, String skillCode, int skillLevel) {
    return ask(candidate, request(leaderId, skillCode, skillLevel));
  }

  ProcessInstance ask(String candidate, Map<String, Object> variables) {
    return as(candidate,
        () -> engine.getRuntimeService().startProcessInstanceByKey(EndorsementRequestProcess.KEY, variables));
  }

  /** The endorsement a request started: the instance called with the request's business key. */
  ProcessInstance calledEndorsement(ProcessInstance request) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(request.getId()).singleResult();
  }

  Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
        .singleResult();
  }

  void claim(String user, Task task) {
    people.claim(user, task);
  }

  /** Completes as the user and leaves the jobs it creates for the test to run (runJobs). */
  void complete(String user, Task task, Map<String, Object> variables) {
    people.as(user, () -> {
      engine.getTaskService().complete(task.getId(), variables);
      return null;
    });
  }

  /** Claims (unless it is assigned already), then completes: what a person does in Tasklist. */
  void work(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    Task task = task(instance, taskKey);
    if (task.getAssignee() == null) {
      claim(user, task);
    }
    complete(user, task, variables);
  }

  void review(String reviewer, ProcessInstance instance, String decision, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REVIEW_DECISION.name(), decision);
    variables.put(REVIEW_COMMENT.name(), comment);
    work(reviewer, instance, EndorsementProcess.Tasks.REVIEW_ENDORSEMENT, variables);
  }

  void justify(String endorser, ProcessInstance instance, String added) {
    work(endorser, instance, EndorsementProcess.Tasks.PROVIDE_JUSTIFICATION, Map.of(ADDITIONAL_JUSTIFICATION.name(), added));
  }

  /** Runs the due jobs (notifications, issuing) of every instance with this business key, as the job executor would. */
  void runJobs(String businessKey) {
    for (int round = 0; round < 20; round++) {
      java.util.Set<String> instanceIds = new java.util.HashSet<>();
      engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
          .forEach(instance -> instanceIds.add(instance.getId()));
      if (instanceIds.isEmpty()) {
        return;
      }
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceIds(instanceIds)
          .messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs keep coming for " + businessKey);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  long instances() {
    return engine.getRuntimeService().createProcessInstanceQuery().count();
  }

  /** Leaves no instance, endorsement, request or credential of an earlier test behind. */
  void clear() {
    org.microcredentials.testing.CleanSlate.clear(engine, jdbc);
  }

  <T> T as(String user, Supplier<T> action) {
    return people.as(user, action);
  }
}
