package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.credential.CredentialVariables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.endorsement.EndorsementRequestProcess;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.ResubmissionProcess;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every user task of every flow × every demo person, through {@code /engine-rest} as a REST
 * client calls it and through Tasklist's own engine API: who sees the task, who may claim it,
 * who may complete it, and that everyone else is refused with nothing changed. The allowed person
 * then does the work, so the flow goes on to its next task with real data.
 *
 * <p>The people (CONTRACT.md's demo organisation) play every role: candidate, assessor, reviewer,
 * SEM team, endorser, endorsement reviewer, engineers below the required level, the administrator.
 * The matrix it saw is written to {@code target/task-matrix.md}. Runs on H2; {@link
 * TaskMatrixPostgresIT} runs the same on PostgreSQL.
 */
@ApplicationTest
class TaskMatrixIT {

  static final List<String> EVERYONE = List.of("demo", "henry", "alice", "bob", "carol", "dave", "erin", "frank",
      "ivan", "grace");

  private static final List<String> MATRIX = new ArrayList<>();
  private static final ParameterizedTypeReference<String> TEXT = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  RestCalls calls;
  SelfSubmissions app;
  Map<String, TasklistSession> tasklist = new LinkedHashMap<>();

  @BeforeEach
  void setUp() {
    calls = new RestCalls(rest);
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
  }

  @AfterAll
  static void writeMatrix() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("| task | sees it | may claim and complete | refused |");
    lines.add("|---|---|---|---|");
    lines.addAll(MATRIX);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/task-matrix.md"), lines);
  }

  /**
   * carol (level 4, an assessor herself) applies for iPERF:4, so two peer reviewers; dave
   * assesses, asks for more evidence, fails her; a reviewer disagrees, dave moderates; she
   * resubmits and passes.
   */
  @Test
  void selfSubmissionAndResubmission() {
    String key = start("carol", SelfSubmissionProcess.KEY, Map.of(SKILL_CODE.name(), "iPERF", SKILL_LEVEL.name(), 4,
        ImpactStatement.PROBLEM.name(), "p99 latency of checkout was 2 s.", ImpactStatement.ACTIONS.name(), "Profiled and removed N+1 queries.",
        ImpactStatement.RESULTS.name(), "p99 fell to 300 ms."));

    groupTask(key, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, Set.of("erin", "ivan"), "erin",
        Map.of(ASSESSOR_ID.name(), "dave"));
    assignedTask(key, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, "dave",
        Map.of(MORE_EVIDENCE_REQUESTED.name(), true, EVIDENCE_REQUEST.name(), "Show the measurements."));
    assignedTask(key, ReviewRoundProcess.Tasks.PROVIDE_MORE_EVIDENCE, "carol",
        Map.of(ImpactStatement.PROBLEM.name(), "p99 latency of checkout was 2 s.", ImpactStatement.ACTIONS.name(), "Profiled and removed N+1 queries.",
            ImpactStatement.RESULTS.name(), "p99 fell to 300 ms (dashboard attached).", ImpactStatement.LINKS.name(), "https://grafana.example.org/d/1"));
    assignedTask(key, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, "dave",
        Map.of(MORE_EVIDENCE_REQUESTED.name(), false, SCORE.name(), 7, JUSTIFICATION.name(), "Good, not yet team-wide.",
            IMPROVEMENT_AREAS.name(), "Spread the practice; goal: a team-wide latency budget."));
    // Reviewers: level 4+, neither carol (candidate) nor dave (assessor). frank takes the first
    // review, and may not take the second.
    groupTask(key, ReviewRoundProcess.Tasks.PEER_REVIEW, Set.of("erin", "frank", "ivan", "grace"), "frank",
        Map.of(REVIEW_AGREES.name(), false, PROPOSED_SCORE.name(), 6, REVIEW_COMMENT.name(), "Lower: no team effect."));
    groupTask(key, ReviewRoundProcess.Tasks.PEER_REVIEW, Set.of("erin", "ivan", "grace"),
        Set.of("erin", "frank", "ivan", "grace"), "grace", Map.of(REVIEW_AGREES.name(), true, REVIEW_COMMENT.name(), "Agreed."));
    assignedTask(key, ReviewRoundProcess.Tasks.MODERATE_SCORE, "dave",
        Map.of(FINAL_SCORE.name(), 7, MODERATION_JUSTIFICATION.name(), "Stays at 7."));

    assignedTask(key, ResubmissionProcess.Tasks.AMEND_APPLICATION, "carol",
        Map.of(ResubmissionProcess.Variables.RESUBMIT.name(), true, ResubmissionProcess.Variables.AMENDMENTS.name(),
            "Added the team-wide latency budget.", ImpactStatement.PROBLEM.name(), "p99 latency of checkout was 2 s.",
            ImpactStatement.ACTIONS.name(), "Profiled, removed N+1 queries, set a team latency budget.",
            ImpactStatement.RESULTS.name(), "p99 300 ms; three teams adopted the budget."));
    assignedTask(key, ReviewRoundProcess.Tasks.REASSESS_EVIDENCE, "dave",
        Map.of(MORE_EVIDENCE_REQUESTED.name(), false, SCORE.name(), 9, JUSTIFICATION.name(), "Now team-wide."));
    groupTask(key, ReviewRoundProcess.Tasks.PEER_REVIEW, Set.of("erin", "frank", "ivan", "grace"), "ivan",
        Map.of(REVIEW_AGREES.name(), true, REVIEW_COMMENT.name(), "Agreed."));
    groupTask(key, ReviewRoundProcess.Tasks.PEER_REVIEW, Set.of("erin", "frank", "grace"),
        Set.of("erin", "frank", "ivan", "grace"), "erin", Map.of(REVIEW_AGREES.name(), true, REVIEW_COMMENT.name(), "Agreed."));

    assertThat(jdbc.sql("select count(*) from credential where holder_id = 'carol'").query(Long.class).single())
        .isEqualTo(1);
    // The application is over: no grant or hiding is left behind on its tasks and instances.
    assertThat(jdbc.sql("""
        select count(*) from act_ru_authorization a where a.resource_type_ in (?, ?) and a.resource_id_ <> '*'
          and not exists (select 1 from act_ru_task t where t.id_ = a.resource_id_)
          and not exists (select 1 from act_ru_execution e where e.id_ = a.resource_id_)""")
        .params(Resources.TASK.resourceType(), Resources.PROCESS_INSTANCE.resourceType()).query(Long.class).single())
        .isZero();
  }

  /**
   * ivan (SEM team, level 5) applies for iLAN:5: only erin may assign, and later reassign, his
   * assessor; the overdue-work tasks follow the same rules.
   */
  @Test
  void overdueWorkIsReassignedOnlyByTheSemTeamAndNeverByTheCandidate() {
    String key = start("ivan", SelfSubmissionProcess.KEY, Map.of(SKILL_CODE.name(), "iLAN", SKILL_LEVEL.name(), 5,
        ImpactStatement.PROBLEM.name(), "No shared Kotlin idioms.", ImpactStatement.ACTIONS.name(), "Wrote the guide, ran workshops.",
        ImpactStatement.RESULTS.name(), "Review comments on idioms down 60%."));
    groupTask(key, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, Set.of("erin"), "erin", Map.of(ASSESSOR_ID.name(), "frank"));

    ProcessInstance instance = instance(key);
    app.fireTimer(instance, "BoundaryEvent_AssessmentOverdue");
    app.fireTimer(instance, "BoundaryEvent_AssessmentReassignmentDue");
    groupTask(key, ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR, Set.of("erin"), "erin",
        Map.of(NEW_ASSIGNEE_ID.name(), "grace"));
    assignedTask(key, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, "grace",
        Map.of(MORE_EVIDENCE_REQUESTED.name(), false, SCORE.name(), 9, JUSTIFICATION.name(), "Clear impact."));

    app.fireTimer(instance, "BoundaryEvent_ReviewOverdue");
    app.fireTimer(instance, "BoundaryEvent_ReviewReassignmentDue");
    groupTask(key, ReviewRoundProcess.Tasks.REASSIGN_REVIEWER, Set.of("erin"), "erin",
        Map.of(NEW_ASSIGNEE_ID.name(), "frank"));
  }

  /**
   * frank (level 5, an endorsement reviewer himself) endorses bob (level 3) for iOWN:4: erin,
   * ivan and grace may review; erin asks frank for more justification; ivan approves.
   */
  @Test
  void endorsement() {
    String key = start("frank", EndorsementProcess.KEY, Map.of(CredentialVariables.CANDIDATE_ID.name(), "bob",
        CredentialVariables.SKILL_CODE.name(), "iOWN", CredentialVariables.SKILL_LEVEL.name(), 4,
        ReviewRoundProcess.Variables.SCORE.name(), 9, ImpactStatement.PROBLEM.name(), "Incidents without owners.",
        ImpactStatement.ACTIONS.name(), "Bob set up the on-call rota and runbooks.",
        ImpactStatement.RESULTS.name(), "Mean time to recovery halved.",
        ReviewRoundProcess.Variables.JUSTIFICATION.name(), "Ownership beyond his level."));
    groupTask(key, EndorsementProcess.Tasks.REVIEW_ENDORSEMENT, Set.of("erin", "ivan", "grace"), "erin",
        Map.of(EndorsementProcess.Variables.REVIEW_DECISION.name(), EndorsementProcess.Decisions.REQUEST_JUSTIFICATION,
            ReviewRoundProcess.Variables.REVIEW_COMMENT.name(), "Which incidents?"));
    assignedTask(key, EndorsementProcess.Tasks.PROVIDE_JUSTIFICATION, "frank",
        Map.of(EndorsementProcess.Variables.ADDITIONAL_JUSTIFICATION.name(), "The March outages, see the postmortems."));
    groupTask(key, EndorsementProcess.Tasks.REVIEW_ENDORSEMENT, Set.of("erin", "ivan", "grace"), "ivan",
        Map.of(EndorsementProcess.Variables.REVIEW_DECISION.name(), EndorsementProcess.Decisions.APPROVE,
            ReviewRoundProcess.Variables.REVIEW_COMMENT.name(), "Approved."));
  }

  /** alice asks carol for an endorsement: only carol answers. */
  @Test
  void endorsementRequest() {
    String key = start("alice", EndorsementRequestProcess.KEY, Map.of(
        EndorsementRequestProcess.Variables.LEADER_ID.name(), "carol", CredentialVariables.SKILL_CODE.name(), "iLAN",
        CredentialVariables.SKILL_LEVEL.name(), 3, EndorsementRequestProcess.Variables.MESSAGE.name(),
        "Would you endorse my Kotlin work?"));
    assignedTask(key, EndorsementRequestProcess.Tasks.CONSIDER_REQUEST, "carol",
        Map.of(EndorsementRequestProcess.Variables.ACCEPT_REQUEST.name(), false,
            EndorsementRequestProcess.Variables.DECLINE_MESSAGE.name(), "Not yet: let us pair first."));
  }

  // ---------------------------------------------------------------------------------------------

  /** A task for a group: those in {@code mayWork} see, claim and complete it; everyone else is refused. */
  private void groupTask(String key, String taskKey, Set<String> mayWork, String worker, Map<String, Object> variables) {
    groupTask(key, taskKey, mayWork, mayWork, worker, variables);
  }

  /**
   * As above, where some who see the task may still not take it (a reviewer who reviewed the
   * other score of the same round).
   */
  private void groupTask(String key, String taskKey, Set<String> mayWork, Set<String> maySee, String worker,
      Map<String, Object> variables) {
    Map<String, Object> task = openUnassignedTask(key, taskKey);
    String id = (String) task.get("id");
    Set<String> seers = with("demo", maySee);
    assertVisibleExactlyTo(id, seers);

    for (String person : EVERYONE) {
      if (mayWork.contains(person)) {
        assertThat(claim(person, id)).as("%s claims %s", person, taskKey).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(calls.post(person, "/engine-rest/task/" + id + "/unclaim", Map.of()).getStatusCode())
            .isEqualTo(HttpStatus.NO_CONTENT);
      } else {
        assertThat(claim(person, id)).as("%s claims %s", person, taskKey).matches(HttpStatus::is4xxClientError);
        assertThat(complete(person, id, variables)).as("%s completes %s", person, taskKey)
            .matches(HttpStatus::is4xxClientError);
        assertUnchanged(id, null);
      }
    }
    refusedThroughTasklist(id, taskKey, mayWork);

    assertThat(claim(worker, id)).isEqualTo(HttpStatus.NO_CONTENT);
    cannotAddCandidates(worker, id, seers);
    for (String person : EVERYONE) {
      if (!person.equals(worker)) {
        assertThat(complete(person, id, variables)).as("%s completes %s claimed by %s", person, taskKey, worker)
            .matches(HttpStatus::is4xxClientError);
        assertUnchanged(id, worker);
      }
    }
    assertThat(complete(worker, id, variables)).as("%s completes %s", worker, taskKey).isEqualTo(HttpStatus.NO_CONTENT);
    record(taskKey, seers, mayWork);
    runJobs(key);
  }

  /** A task assigned to one person: only they see and complete it; no one else can take it, even after they let it go. */
  private void assignedTask(String key, String taskKey, String assignee, Map<String, Object> variables) {
    Map<String, Object> task = calls.singleTask("demo", key, taskKey);
    String id = (String) task.get("id");
    assertThat(task.get("assignee")).isEqualTo(assignee);
    assertVisibleExactlyTo(id, Set.of("demo", assignee));
    cannotAddCandidates(assignee, id, Set.of("demo", assignee));

    for (String person : EVERYONE) {
      if (!person.equals(assignee)) {
        assertThat(claim(person, id)).as("%s claims %s of %s", person, taskKey, assignee)
            .matches(HttpStatus::is4xxClientError);
        assertThat(complete(person, id, variables)).as("%s completes %s of %s", person, taskKey, assignee)
            .matches(HttpStatus::is4xxClientError);
        assertUnchanged(id, assignee);
      }
    }
    // The assignee lets it go: still no one else may take it.
    assertThat(calls.post(assignee, "/engine-rest/task/" + id + "/unclaim", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    for (String person : EVERYONE) {
      if (!person.equals(assignee)) {
        assertThat(claim(person, id)).as("%s claims %s let go by %s", person, taskKey, assignee)
            .matches(HttpStatus::is4xxClientError);
        assertUnchanged(id, null);
      }
    }
    refusedThroughTasklist(id, taskKey, Set.of(assignee));
    assertThat(claim(assignee, id)).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(complete(assignee, id, variables)).as("%s completes %s", assignee, taskKey)
        .isEqualTo(HttpStatus.NO_CONTENT);
    record(taskKey, Set.of("demo", assignee), Set.of(assignee));
    runJobs(key);
  }

  /**
   * Whoever holds a task may not widen it: adding a candidate user or group, an owner, or
   * delegating it would show it, with the application's evidence, to them.
   */
  private void cannotAddCandidates(String holder, String id, Set<String> seers) {
    String outsider = EVERYONE.stream().filter(person -> !seers.contains(person)).findFirst().orElseThrow();
    ResponseEntity<Map<String, Object>> user = calls.post(holder, "/engine-rest/task/" + id + "/identity-links",
        Map.of("userId", outsider, "type", "candidate"));
    assertThat(user.getStatusCode().value()).as("%s adds %s as a candidate: %s", holder, outsider, user.getBody())
        .isEqualTo(403);
    ResponseEntity<Map<String, Object>> group = calls.post(holder, "/engine-rest/task/" + id + "/identity-links",
        Map.of("groupId", "engineers", "type", "candidate"));
    assertThat(group.getStatusCode().value()).as("%s adds group engineers as candidates", holder).isEqualTo(403);
    ResponseEntity<Map<String, Object>> owner = calls.post(holder, "/engine-rest/task/" + id + "/identity-links",
        Map.of("userId", outsider, "type", "owner"));
    assertThat(owner.getStatusCode().value()).as("%s makes %s the owner: %s", holder, outsider, owner.getBody())
        .isEqualTo(403);
    ResponseEntity<Map<String, Object>> delegated = calls.post(holder, "/engine-rest/task/" + id + "/delegate",
        Map.of("userId", outsider));
    assertThat(delegated.getStatusCode().value()).as("%s delegates to %s: %s", holder, outsider, delegated.getBody())
        .isEqualTo(403);
    assertThat(calls.get(outsider, "/engine-rest/task/" + id, RestCalls.OBJECT).getStatusCode().is2xxSuccessful())
        .isFalse();
  }

  /** Tasklist lists the task to exactly those who may see it; a claim by anyone else is refused there too. */
  private void refusedThroughTasklist(String id, String taskKey, Set<String> mayWork) {
    for (String person : EVERYONE) {
      TasklistSession session = tasklist.computeIfAbsent(person, user -> TasklistSession.login(rest, user));
      if (!mayWork.contains(person)) {
        ResponseEntity<String> claim = session.post("/task/" + id + "/claim", Map.of("userId", person));
        assertThat(claim.getStatusCode().value()).as("%s claims %s in Tasklist: %s", person, taskKey,
            claim.getBody()).isIn(403, 409);
        // Refused by the engine (an authorization or a rule), not by the webapp's CSRF or session checks.
        assertThat(claim.getBody()).as("%s claims %s in Tasklist", person, taskKey)
            .containsAnyOf("does not have", "RuleViolation", "already claimed");
        assertUnchanged(id, null);
      }
    }
  }

  private void assertVisibleExactlyTo(String id, Set<String> seers) {
    for (String person : EVERYONE) {
      boolean sees = seers.contains(person);
      ResponseEntity<Map<String, Object>> task = calls.get(person, "/engine-rest/task/" + id, RestCalls.OBJECT);
      ResponseEntity<Map<String, Object>> variables = calls.get(person, "/engine-rest/task/" + id + "/variables",
          RestCalls.OBJECT);
      TasklistSession session = tasklist.computeIfAbsent(person, user -> TasklistSession.login(rest, user));
      ResponseEntity<String> listed = session.get("/task?taskId=" + id + "&firstResult=0&maxResults=15", TEXT);
      assertThat(task.getStatusCode().is2xxSuccessful()).as("%s sees task %s", person, id).isEqualTo(sees);
      assertThat(variables.getStatusCode().is2xxSuccessful()).as("%s reads the variables of task %s: %s", person, id,
          variables.getBody()).isEqualTo(sees);
      assertThat(listed.getBody()).as("Tasklist's task list for %s", person).startsWith("[");
      assertThat(listed.getBody().contains(id)).as("Tasklist lists task %s to %s", id, person).isEqualTo(sees);
    }
  }

  private void assertUnchanged(String id, String assignee) {
    Map<String, Object> task = calls.get("demo", "/engine-rest/task/" + id, RestCalls.OBJECT).getBody();
    assertThat(task).as("task %s still open", id).containsKey("id");
    assertThat(task.get("assignee")).as("assignee of %s", id).isEqualTo(assignee);
  }

  private Map<String, Object> openUnassignedTask(String key, String taskKey) {
    List<Map<String, Object>> tasks = calls.get("demo", "/engine-rest/task?processInstanceBusinessKey=" + key
        + "&taskDefinitionKey=" + taskKey + "&unassigned=true&sortBy=created&sortOrder=asc", RestCalls.LIST).getBody();
    assertThat(tasks).as("open %s of %s", taskKey, key).isNotEmpty();
    return tasks.get(0);
  }

  private HttpStatus claim(String person, String id) {
    return HttpStatus.valueOf(calls.post(person, "/engine-rest/task/" + id + "/claim", Map.of("userId", person))
        .getStatusCode().value());
  }

  private HttpStatus complete(String person, String id, Map<String, Object> variables) {
    return HttpStatus.valueOf(calls.post(person, "/engine-rest/task/" + id + "/submit-form",
        Map.of("variables", RestCalls.variables(variables))).getStatusCode().value());
  }

  private String start(String person, String processKey, Map<String, Object> variables) {
    ResponseEntity<Map<String, Object>> started = calls.post(person,
        "/engine-rest/process-definition/key/" + processKey + "/start", Map.of("variables", RestCalls.variables(variables)));
    assertThat(started.getStatusCode()).as("%s starts %s: %s", person, processKey, started.getBody())
        .isEqualTo(HttpStatus.OK);
    String key = (String) started.getBody().get("businessKey");
    runJobs(key);
    return key;
  }

  private ProcessInstance instance(String key) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key)
        .orderByProcessInstanceId().asc().listPage(0, 1).get(0);
  }

  private void runJobs(String key) {
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).count() > 0) {
      app.runJobs(instance(key));
    }
  }

  private static Set<String> with(String person, Set<String> people) {
    Set<String> all = new LinkedHashSet<>(people);
    all.add(person);
    return all;
  }

  private static void record(String taskKey, Set<String> seers, Set<String> mayWork) {
    Set<String> refused = new TreeSet<>(EVERYONE);
    refused.removeAll(mayWork);
    MATRIX.add("| " + taskKey + " | " + sorted(seers) + " | " + sorted(mayWork) + " | " + String.join(", ", refused)
        + " |");
  }

  private static String sorted(Set<String> people) {
    return people.stream().sorted().collect(Collectors.joining(", "));
  }
}
