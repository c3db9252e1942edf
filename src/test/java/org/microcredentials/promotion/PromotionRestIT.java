package org.microcredentials.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.testing.RestCalls.LIST;
import static org.microcredentials.testing.RestCalls.OBJECT;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.framework.OrganisationAdministration;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.Promotions;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.TasklistSession;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A promotion application through the REST API as Tasklist and other clients use it, with the demo
 * users and HTTP Basic: bob (level 3) applies for level 4, gives evidence for the two skills his
 * credentials do not cover, the SEM team has them assessed, interviews him and promotes him. Every
 * refusal at the start and at the decision answers 4xx naming the rule, through {@code /engine-rest}
 * and Tasklist's engine API, and leaves nothing behind; nobody but the SEM team reads the application.
 * Runs on H2; {@link PromotionRestPostgresIT} runs the same on PostgreSQL.
 */
@ApplicationTest
class PromotionRestIT {

  private static final String START = "/engine-rest/process-definition/key/" + PromotionApplicationProcess.KEY + "/start";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;
  @Autowired SkillFrameworkRepository frameworks;
  @Autowired OrganisationAdministration administration;

  RestCalls calls;
  Promotions promotions;

  @BeforeEach
  void setUp() {
    calls = new RestCalls(rest);
    promotions = new Promotions(engine, jdbc, credentials);
    promotions.app().clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @AfterEach
  void tearDown() {
    administration.changeLevel("bob", 3);
  }

  private void bobHoldsFourOfSix() {
    int version = frameworks.current().version();
    promotions.holds("bob", "iOWN", 4, 9, version);
    promotions.holds("bob", "iPERF", 4, 8, version);
    promotions.holds("bob", "iSEC", 4, 10, version);
    promotions.holds("bob", "iCOMM", 4, 9, version);
  }

  private ResponseEntity<Map<String, Object>> apply(String user, Map<String, Object> variables) {
    return calls.post(user, START, Map.of("variables", RestCalls.variables(variables)));
  }

  private List<Map<String, Object>> tasks(String user, String businessKey, String taskKey) {
    return calls.get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey, LIST)
        .getBody();
  }

  /** The open task with that key whose scope names that skill (the variable every promotion task carries). */
  private Map<String, Object> task(String user, String businessKey, String taskKey, String skillCode) {
    return tasks(user, businessKey, taskKey).stream()
        .filter(task -> skillCode.equals(calls.get(user, "/engine-rest/task/" + task.get("id") + "/variables/skillCode", OBJECT)
            .getBody().get("value")))
        .findFirst().orElseThrow(() -> new AssertionError("No " + taskKey + " for " + skillCode + " visible to " + user));
  }

  private void work(String user, Map<String, Object> task, Map<String, Object> variables) {
    calls.claimAndSubmit(user, task, RestCalls.variables(variables));
    promotions.app().runJobs(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId((String) task.get("processInstanceId")).singleResult());
  }

  private void assess(String businessKey, String skillCode, String assessor) {
    work("erin", task("erin", businessKey, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, skillCode), Map.of("assessorId", assessor));
    work(assessor, task(assessor, businessKey, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, skillCode),
        Map.of("score", 9, "justification", "Clear, measured impact on " + skillCode + "."));
    for (String reviewer : List.of("frank", "grace")) {
      Map<String, Object> review = tasks(reviewer, businessKey, ReviewRoundProcess.Tasks.PEER_REVIEW).stream()
          .filter(open -> open.get("assignee") == null).filter(open -> skillCode.equals(
              calls.get(reviewer, "/engine-rest/task/" + open.get("id") + "/variables/skillCode", OBJECT).getBody().get("value")))
          .findFirst().orElseThrow();
      work(reviewer, review, Map.of("reviewAgrees", true, "reviewComment", "Agreed."));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void bobAppliesIsAssessedInterviewedAndPromoted() {
    bobHoldsFourOfSix();
    ResponseEntity<Map<String, Object>> started = apply("bob", Map.of("targetLevel", 4, "statement", "I lead our design reviews."));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String businessKey = (String) started.getBody().get("businessKey");
    assertThat(businessKey).matches("PRO-2026-\\d{6}");

    List<Map<String, Object>> evidence = tasks("bob", businessKey, PromotionApplicationProcess.Tasks.PROVIDE_PROMOTION_EVIDENCE);
    assertThat(evidence).hasSize(2);
    assertThat(evidence).extracting(task -> calls.get("bob", "/engine-rest/task/" + task.get("id") + "/localVariables/skillCode",
        OBJECT).getBody().get("value")).containsExactlyInAnyOrder("iARCH", "iMENT");
    Map<String, Object> fields = new HashMap<>(Map.of("impactProblem", "Our services had no shared design.",
        "impactActions", "I ran design reviews and wrote the guidelines.", "impactResults", "Incidents from design flaws fell by half."));
    for (Map<String, Object> task : evidence) {
      calls.claimAndSubmit("bob", task, RestCalls.variables(fields));
    }
    assess(businessKey, "iARCH", "carol");
    assess(businessKey, "iMENT", "dave");

    // Everything of the application is listed under its business key, the review rounds' tasks included.
    assertThat(tasks("erin", businessKey, PromotionApplicationProcess.Tasks.INTERVIEW_CANDIDATE)).hasSize(1);
    // The candidate follows his application but never sees the SEM team's tasks, nor reads its scores.
    assertThat(tasks("bob", businessKey, PromotionApplicationProcess.Tasks.INTERVIEW_CANDIDATE)).isEmpty();
    String instanceId = (String) started.getBody().get("id");
    assertThat(calls.get("bob", "/engine-rest/process-instance/" + instanceId, OBJECT).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map<String, Object>> bobReadsScores = calls.get("bob", "/engine-rest/process-instance/" + instanceId + "/variables", OBJECT);
    assertThat(bobReadsScores.getStatusCode().is2xxSuccessful() ? bobReadsScores.getBody().keySet() : java.util.Set.of())
        .doesNotContain("skillScores", "skillSummary");
    // Another engineer sees nothing of it; the SEM team reads it with its variables.
    assertThat(calls.get("alice", "/engine-rest/process-instance?businessKey=" + businessKey, LIST).getBody()).isEmpty();
    assertThat(calls.get("alice", "/engine-rest/task?processInstanceBusinessKey=" + businessKey, LIST).getBody()).isEmpty();
    assertThat(calls.get("erin", "/engine-rest/process-instance/" + instanceId + "/variables", OBJECT).getBody())
        .containsKeys("skillScores", "skillSummary");

    work("erin", tasks("erin", businessKey, PromotionApplicationProcess.Tasks.INTERVIEW_CANDIDATE).get(0),
        Map.of("interviewPassed", true, "interviewNotes", "Clear on trade-offs."));
    Map<String, Object> decision = tasks("ivan", businessKey, PromotionApplicationProcess.Tasks.DECIDE_PROMOTION).get(0);
    work("ivan", decision, Map.of("promoted", true, "decisionJustification", "Every skill at the mark; a strong interview."));

    assertThat(jdbc.sql("select seniority_level from engineer where user_id = 'bob'").query(Integer.class).single()).isEqualTo(4);
    assertThat(engine.getIdentityService().createUserQuery().userId("bob").memberOfGroup("assessors").count()).isOne();
    List<Map<String, Object>> held = calls.get("bob", "/api/engineers/bob/credentials", LIST).getBody();
    assertThat(held).filteredOn(credential -> "PROMOTION".equals(credential.get("source")))
        .extracting(credential -> credential.get("skillCode")).containsExactlyInAnyOrder("iARCH", "iMENT");
    Map<String, Object> eligibility = calls.get("bob", "/api/engineers/bob/promotion-eligibility", OBJECT).getBody();
    assertThat(eligibility).containsEntry("nextLevel", 5);
    // Level 5 requires iARCH, iOWN, iOPS, iCOMM and iMENT at level 5: his level-4 credentials cover none yet.
    assertThat((List<Map<String, Object>>) eligibility.get("requiredSkills")).hasSize(5)
        .allSatisfy(skill -> assertThat(skill).containsEntry("covered", false));
  }

  @Test
  void everyRefusalAtTheStartNamesItsRuleAndLeavesNothing() {
    assertRefused(apply("bob", Map.of("targetLevel", 4)), 409, "credential-for-promotion");
    bobHoldsFourOfSix();
    assertRefused(apply("bob", Map.of("targetLevel", 5)), 400, "next-level-only");
    // The start form's fields only: the REST API's start-inputs rule answers first (the engine's own
    // promotion-start-variables is behind it, PromotionApplicationProcessTest).
    assertRefused(apply("bob", Map.of("targetLevel", 4, "skillCode", "iARCH")), 400, "start-inputs");
    assertRefused(apply("bob", Map.of()), 400, "required-targetLevel");
    assertRefused(apply("grace", Map.of("targetLevel", 7)), 400, "targetLevel");
    assertThat(jdbc.sql("select count(*) from promotion_application").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from application").query(Long.class).single()).isZero();

    assertThat(apply("bob", Map.of("targetLevel", 4)).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertRefused(apply("bob", Map.of("targetLevel", 4)), 409, "one-open-promotion");
    assertThat(jdbc.sql("select count(*) from promotion_application").query(Long.class).single()).isOne();

    // Tasklist's engine API answers the same.
    TasklistSession tasklist = TasklistSession.login(rest, "bob");
    ResponseEntity<String> again = tasklist.post("/process-definition/key/"
        + PromotionApplicationProcess.KEY + "/submit-form", Map.of("variables", RestCalls.variables(Map.of("targetLevel", 4))));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody()).contains("already has an open promotion application");
  }

  @Test
  void theDecisionIsRefusedWithoutAPassedInterviewAndTheTaskStaysOpen() {
    bobHoldsFourOfSix();
    String businessKey = (String) apply("bob", Map.of("targetLevel", 4)).getBody().get("businessKey");
    for (Map<String, Object> task : tasks("bob", businessKey, PromotionApplicationProcess.Tasks.PROVIDE_PROMOTION_EVIDENCE)) {
      calls.claimAndSubmit("bob", task, RestCalls.variables(Map.of("impactProblem", "p", "impactActions", "a", "impactResults", "r")));
    }
    assess(businessKey, "iARCH", "carol");
    assess(businessKey, "iMENT", "dave");
    work("erin", tasks("erin", businessKey, PromotionApplicationProcess.Tasks.INTERVIEW_CANDIDATE).get(0),
        Map.of("interviewPassed", false, "interviewNotes", "Not yet leading design."));

    Map<String, Object> decision = tasks("ivan", businessKey, PromotionApplicationProcess.Tasks.DECIDE_PROMOTION).get(0);
    assertThat(calls.post("ivan", "/engine-rest/task/" + decision.get("id") + "/claim", Map.of("userId", "ivan"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<Map<String, Object>> refused = calls.submit("ivan", decision,
        RestCalls.variables(Map.of("promoted", true, "decisionJustification", "Good enough.")));
    assertRefused(refused, 400, "promotion-needs-interview");
    ResponseEntity<Map<String, Object>> noReason = calls.submit("ivan", decision, RestCalls.variables(Map.of("promoted", false)));
    assertRefused(noReason, 400, "required-decisionJustification");
    assertThat(tasks("ivan", businessKey, PromotionApplicationProcess.Tasks.DECIDE_PROMOTION)).hasSize(1);
    assertThat(jdbc.sql("select status from promotion_application").query(String.class).single()).isEqualTo("OPEN");
    assertThat(jdbc.sql("select seniority_level from engineer where user_id = 'bob'").query(Integer.class).single()).isEqualTo(3);
  }

  /**
   * The decision task appeared while the demo window (2026-01-01 to 2027-12-31) was open; ivan completes it
   * once the window has closed: refused, and nothing of the decision is recorded.
   */
  @Test
  void aDecisionTakenAfterTheWindowClosedIsRefusedAndNothingIsRecorded() {
    int version = frameworks.current().version();
    for (String skill : List.of("iLAN", "iTEST", "iPERF", "iOWN", "iDEL", "iCOMM")) {
      promotions.holds("alice", skill, 3, 9, version);
    }
    int levelBefore = jdbc.sql("select seniority_level from engineer where user_id = 'alice'").query(Integer.class).single();
    String businessKey = (String) apply("alice", Map.of("targetLevel", 3)).getBody().get("businessKey");
    Map<String, Object> decision = tasks("ivan", businessKey, PromotionApplicationProcess.Tasks.DECIDE_PROMOTION).get(0);
    assertThat(calls.post("ivan", "/engine-rest/task/" + decision.get("id") + "/claim", Map.of("userId", "ivan"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    clock.set(Instant.parse("2028-01-01T00:00:01Z"));
    for (boolean promoted : List.of(true, false)) {
      ResponseEntity<Map<String, Object>> refused = calls.submit("ivan", decision,
          RestCalls.variables(Map.of("promoted", promoted, "decisionJustification", "Every skill at the mark.")));
      assertRefused(refused, 409, "promotion-window-closed");
      assertThat(String.valueOf(refused.getBody())).contains("none is open on 2028-01-01");
    }

    assertThat(tasks("ivan", businessKey, PromotionApplicationProcess.Tasks.DECIDE_PROMOTION)).singleElement()
        .satisfies(task -> assertThat(task.get("assignee")).isEqualTo("ivan"));
    assertThat(jdbc.sql("select status from promotion_application where business_key = ?").param(businessKey)
        .query(String.class).single()).isEqualTo("OPEN");
    assertThat(jdbc.sql("select seniority_level from engineer where user_id = 'alice'").query(Integer.class).single())
        .isEqualTo(levelBefore);
  }

  private static void assertRefused(ResponseEntity<Map<String, Object>> answer, int status, String rule) {
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(status);
    assertThat(String.valueOf(answer.getBody())).contains(rule);
  }
}
