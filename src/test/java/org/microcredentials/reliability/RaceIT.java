package org.microcredentials.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.testing.RestCalls.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TasklistSession;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two people doing the same thing at the same moment, through the real HTTP APIs: released together
 * by a barrier, so both requests are inside the engine at once. Where they really conflict (the same
 * task claimed, the same form twice), one wins and the other gets a 409 or 404 that names the rule
 * (never a 500), and nothing is done twice; where they do not (two reviewers' own reviews), both are
 * taken. Runs on H2; {@link RacePostgresIT} runs the same on PostgreSQL. {@link PeopleRaceIT} races
 * every user task.
 */
@ApplicationTest
class RaceIT {

  /** Each race is run this many times: the loser sometimes arrives just after the winner committed. */
  private static final int ROUNDS = 8;

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  RestCalls calls;
  SelfSubmissions app;
  ExecutorService racers = Executors.newFixedThreadPool(3);

  @BeforeEach
  void setUp() {
    calls = new RestCalls(rest);
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @AfterEach
  void tearDown() {
    racers.shutdownNow();
  }

  /**
   * Two people claiming the same task is a real conflict: one holds it, the other is told it is taken
   * ({@code task-already-claimed}). The loser's first attempt lost the race to optimistic locking; the engine ran it
   * again (PeoplesCommandsRetried), and the second attempt met the winner's claim.
   */
  @Test
  void twoSemMembersClaimingTheSameTaskThroughEngineRest() throws Exception {
    int overlapped = 0;
    for (int round = 0; round < ROUNDS; round++) {
      ProcessInstance application = app.submit(candidate(round), skill(round), 2);
      String taskId = app.task(application, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR).getId();

      List<Timed<ResponseEntity<Map<String, Object>>>> answers = race(
          () -> calls.post("erin", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "erin")),
          () -> calls.post("ivan", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "ivan")));

      List<Integer> statuses = answers.stream().map(answer -> answer.result().getStatusCode().value()).sorted().toList();
      assertThat(statuses).as("round %d: %s", round, answers).containsExactly(204, 409);
      Map<String, Object> refusal = answers.stream().map(Timed::result)
          .filter(answer -> answer.getStatusCode().value() == 409).findFirst().orElseThrow().getBody();
      assertThat(refusal.get("rule")).as("round %d: %s", round, refusal).isEqualTo("task-already-claimed");
      assertThat((String) refusal.get("message")).isNotBlank();
      // The winner holds the task; the loser changed nothing.
      String winner = answers.get(0).result().getStatusCode().value() == 204 ? "erin" : "ivan";
      assertThat(app.task(application, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR).getAssignee()).isEqualTo(winner);
      overlapped += answers.get(0).overlaps(answers.get(1)) ? 1 : 0;
    }
    System.out.println("Simultaneous claims through /engine-rest: in flight together in " + overlapped + " of " + ROUNDS
        + " rounds");
    // The race is real: at least once both claims were inside the server at the same time.
    assertThat(overlapped).isPositive();
  }

  @Test
  void twoSemMembersClaimingTheSameTaskInTasklist() throws Exception {
    TasklistSession erin = TasklistSession.login(rest, "erin");
    TasklistSession ivan = TasklistSession.login(rest, "ivan");
    int overlapped = 0;
    for (int round = 0; round < ROUNDS; round++) {
      ProcessInstance application = app.submit(candidate(round), skill(round), 2);
      String taskId = app.task(application, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR).getId();

      List<Timed<ResponseEntity<String>>> answers = race(
          () -> erin.post("/task/" + taskId + "/claim", Map.of("userId", "erin")),
          () -> ivan.post("/task/" + taskId + "/claim", Map.of("userId", "ivan")));

      assertThat(answers.stream().map(answer -> answer.result().getStatusCode().value()).sorted().toList())
          .as("round %d: %s", round, answers).containsExactly(204, 409);
      String refusal = answers.stream().map(Timed::result).filter(answer -> answer.getStatusCode().value() == 409)
          .findFirst().orElseThrow().getBody();
      assertThat(refusal).as("round %d", round).contains("\"rule\":\"task-already-claimed\"");
      overlapped += answers.get(0).overlaps(answers.get(1)) ? 1 : 0;
    }
    System.out.println("Simultaneous claims in Tasklist: in flight together in " + overlapped + " of " + ROUNDS + " rounds");
    assertThat(overlapped).isPositive();
  }

  @Test
  void theLastTwoParallelReviewsCompletedAtTheSameInstantJoinOnce() throws Exception {
    // Level 4: two reviewers, in parallel. Both submit at the same instant.
    ProcessInstance application = app.submit("alice", "iLAN", 4);
    app.assignAssessor(application, "erin", "carol");
    app.score(application, "carol", 9);
    var reviews = app.tasks(application, ReviewRoundProcess.Tasks.PEER_REVIEW);
    assertThat(reviews).hasSize(2);
    app.claim("dave", reviews.get(0));
    app.claim("frank", reviews.get(1));
    Map<String, Object> agree = Map.of("reviewAgrees", Map.of("value", true, "type", "Boolean"),
        "reviewComment", string("Agreed."));

    List<Timed<ResponseEntity<Map<String, Object>>>> answers = race(
        () -> calls.post("dave", "/engine-rest/task/" + reviews.get(0).getId() + "/submit-form", Map.of("variables", agree)),
        () -> calls.post("frank", "/engine-rest/task/" + reviews.get(1).getId() + "/submit-form", Map.of("variables", agree)));
    System.out.println("The last two reviews submitted at once: "
        + answers.stream().map(a -> a.result().getStatusCode().value()).toList());
    // Two reviewers' different reviews do not conflict: both are taken on the first try (a completion that lost
    // the race on the reviews' shared scope is run again by the engine, not sent back to its reviewer).
    for (Timed<ResponseEntity<Map<String, Object>>> answer : answers) {
      assertThat(answer.result().getStatusCode().value()).as("%s", answer).isEqualTo(204);
    }

    // The join is the completion of the last review (the reviews' multi-instance body): the two
    // completions met on it, and it ran once.
    app.runJobs(application);

    assertThat(app.entered(application, "ServiceTask_EvaluatePeerReviews")).as("the join happens once").isEqualTo(1);
    assertThat(app.finished(application, "ServiceTask_IssueCredential")).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from credential where source_key = ?").param(application.getBusinessKey())
        .query(Long.class).single()).isEqualTo(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(application.getId())
        .finished().count()).isEqualTo(1);
  }

  @Test
  void theSameFormSubmittedTwiceAtOnceIsTakenOnce() throws Exception {
    ProcessInstance application = app.submit("alice", "iLAN", 3);
    app.assignAssessor(application, "erin", "carol");
    String taskId = app.task(application, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE).getId();
    Map<String, Object> assessment = Map.of("score", Map.of("value", 9, "type", "Integer"),
        "justification", string("Measured, repeatable impact."));

    List<Timed<ResponseEntity<Map<String, Object>>>> answers = race(
        () -> calls.post("carol", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", assessment)),
        () -> calls.post("carol", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", assessment)));
    List<Integer> statuses = answers.stream().map(answer -> answer.result().getStatusCode().value()).sorted().toList();
    System.out.println("The same assessment submitted twice at once: " + statuses);
    assertThat(statuses.get(0)).isEqualTo(204);
    assertThat(statuses.get(1)).as("the second is refused, not a 500: %s", answers).isIn(404, 409);

    // Once more, after the first went through (a double click, a client's retry): refused as well.
    ResponseEntity<Map<String, Object>> again = calls.post("carol", "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", assessment));
    assertThat(again.getStatusCode().value()).as("%s", again).isEqualTo(404);

    // Nothing doubled: one completed assessment, one round of reviews with one reviewers' notification.
    app.runJobs(application);
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(application.getBusinessKey())
        .taskDefinitionKey(ReviewRoundProcess.Tasks.ASSESS_EVIDENCE).finished().count()).isEqualTo(1);
    assertThat(app.tasks(application, ReviewRoundProcess.Tasks.PEER_REVIEW)).hasSize(1);
    assertThat(app.entered(application, "ServiceTask_NotifyReviewers")).isEqualTo(1);
  }

  /**
   * One peer review submitted three times at the same instant (a client retrying at once): as seen, the second
   * and third passed the engine's checks and met the first's row in {@code peer_review}, a 500 quoting the SQL.
   * Now one is taken; the others are told it was already recorded (or that the task is gone, or changed at the
   * same moment), never a 500, never the SQL; one review is recorded.
   */
  @Test
  void thePeerReviewSubmittedThreeTimesAtOnceIsRecordedOnce() throws Exception {
    Map<String, Integer> refusals = new java.util.TreeMap<>();
    for (int round = 0; round < 3; round++) {
      ProcessInstance application = app.submit(candidate(round), skill(round), 2);
      app.assignAssessor(application, "erin", "carol");
      app.score(application, "carol", 9);
      var review = app.task(application, ReviewRoundProcess.Tasks.PEER_REVIEW);
      app.claim("dave", review);
      Map<String, Object> agree = Map.of("variables", Map.of("reviewAgrees", Map.of("value", true, "type", "Boolean"),
          "reviewComment", string("Agreed.")));
      Callable<ResponseEntity<Map<String, Object>>> submit =
          () -> calls.post("dave", "/engine-rest/task/" + review.getId() + "/submit-form", agree);

      List<ResponseEntity<Map<String, Object>>> answers = raceAll(List.of(submit, submit, submit));
      List<Integer> statuses = answers.stream().map(answer -> answer.getStatusCode().value()).sorted().toList();
      assertThat(statuses).as("round %d: %s", round, answers).startsWith(204);
      for (ResponseEntity<Map<String, Object>> answer : answers.subList(0, 3)) {
        if (answer.getStatusCode().value() == 204) {
          continue;
        }
        assertThat(answer.getStatusCode().value()).as("round %d: %s", round, answer).isIn(404, 409);
        assertThat(answer.getBody().get("rule")).as("round %d: %s", round, answer)
            .isIn("already-recorded", "concurrent-update", "task-not-found");
        assertThat(String.valueOf(answer.getBody())).doesNotContainIgnoringCase("insert into").doesNotContain("Exception")
            .doesNotContain("peer_review");
        refusals.merge(String.valueOf(answer.getBody().get("rule")), 1, Integer::sum);
      }
      assertThat(answers).filteredOn(answer -> answer.getStatusCode().value() == 204).hasSize(1);
      assertThat(jdbc.sql("select count(*) from peer_review where business_key = ?").param(application.getBusinessKey())
          .query(Long.class).single()).as("round %d", round).isOne();
    }
    System.out.println("One peer review submitted three times at once, the refusals: " + refusals);
  }

  /** All actions released at the same instant; their results in order. */
  private <T> List<T> raceAll(List<Callable<T>> actions) throws Exception {
    CyclicBarrier start = new CyclicBarrier(actions.size());
    List<Future<T>> running = new ArrayList<>();
    for (Callable<T> action : actions) {
      running.add(racers.submit(() -> {
        start.await();
        return action.call();
      }));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> result : running) {
      results.add(result.get(30, TimeUnit.SECONDS));
    }
    return results;
  }

  /** A racer's result, and when its request was in flight. */
  record Timed<T>(T result, long startNanos, long endNanos) {

    boolean overlaps(Timed<?> other) {
      return startNanos < other.endNanos && other.startNanos < endNanos;
    }
  }

  /** Both actions released at the same instant; their results in order, with when each was in flight. */
  private <T> List<Timed<T>> race(Callable<T> first, Callable<T> second) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<Timed<T>>> running = new ArrayList<>();
    for (Callable<T> action : List.of(first, second)) {
      running.add(racers.submit(() -> {
        start.await();
        long begun = System.nanoTime();
        T result = action.call();
        return new Timed<>(result, begun, System.nanoTime());
      }));
    }
    return List.of(running.get(0).get(30, TimeUnit.SECONDS), running.get(1).get(30, TimeUnit.SECONDS));
  }

  private static String candidate(int round) {
    return List.of("alice", "bob", "henry", "carol").get(round % 4);
  }

  private static String skill(int round) {
    return List.of("iLAN", "iPERF", "iOWN", "iTEST", "iARCH", "iSEC", "iOPS", "iDATA").get(round);
  }
}
