package org.microcredentials.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.microcredentials.credential.CredentialVariables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;
import static org.microcredentials.review.ReviewRoundProcess.Tasks.*;
import static org.microcredentials.testing.ApplicationAssert.assertThatApplication;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.framework.SkillFrameworkAdministration;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every rule of {@code SelfSubmissionProcess} refused where it is broken, leaving nothing behind,
 * as the demo people:
 * alice (level 2), bob (3), carol and dave (4, assessors), erin and ivan (5, SEM team), frank (5), grace (6).
 *
 * <p>The people act holding every Camunda authorization ({@code grantingEverything()}), so each
 * refusal here comes from the rule in the engine, not from the authorizations in front of it
 * ({@code TaskMatrixIT} covers those).
 */
@ApplicationTest
class SelfSubmissionRulesTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;
  @Autowired ApplicationRegister applications;
  @Autowired SkillFrameworkAdministration frameworkAdministration;

  SelfSubmissions app;

  @BeforeEach
  void setUp() {
    init(engine);
    app = new SelfSubmissions(engine, jdbc).grantingEverything();
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @AfterEach
  void tearDown() {
    reset();
  }

  RuntimeService runtime() {
    return engine.getRuntimeService();
  }

  @Nested
  class RefusedAtStart {

    @Test
    void aThirdSubmissionInOneCalendarMonthIsRefused() {
      app.submit("alice", "iLAN", 3);
      app.submit("alice", "iPERF", 2);

      assertRefused(() -> app.submit("alice", "iOWN", 2), "Monthly cap reached", 2);

      clock.set(Instant.parse("2026-12-01T00:30:00Z"));
      app.submit("alice", "iOWN", 2);
      assertThat(app.applications()).isEqualTo(3);
    }

    @Test
    void theMonthEndsAtMidnightInTheOrganisationsTimeZone() {
      // London is on BST (UTC+1) on 31 March 2026: its April begins at 23:00 UTC.
      clock.set(Instant.parse("2026-03-31T22:30:00Z"));
      app.submit("alice", "iLAN", 3);
      app.submit("alice", "iPERF", 2);
      clock.set(Instant.parse("2026-03-31T22:59:59Z"));
      assertRefused(() -> app.submit("alice", "iOWN", 2), "Monthly cap reached", 2);
      clock.set(Instant.parse("2026-03-31T23:00:00Z"));
      app.submit("alice", "iOWN", 2);
      assertThat(app.applications()).isEqualTo(3);
    }

    @Test
    void unknownSkillIsRefused() {
      assertRefused(() -> app.submit("alice", "iXYZ", 2), "Unknown skill 'iXYZ'", 0);
    }

    @Test
    void retiredSkillIsRefused() {
      frameworkAdministration.retire("iCOMM");
      assertRefused(() -> app.submit("alice", "iCOMM", 2), "is retired", 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, -1})
    void levelOutsideTheLadderIsRefused(int level) {
      assertRefused(() -> app.submit("alice", "iLAN", level), "from 1 to 6", 0);
    }

    @Test
    void aSkillLevelAlreadyHeldIsRefused() {
      credentials.issue(new CredentialRegister.Issue("APP-EARLIER", "alice", "iLAN", 4, 9, CredentialSource.SELF_SUBMISSION,
          "carol", List.of("dave"), 1, "earlier evidence", 8));
      assertRefused(() -> app.submit("alice", "iLAN", 3), "already holds a valid credential for iLAN", 0);
      // A credential past its two years no longer counts.
      clock.set(TestConfiguration.MID_NOVEMBER_2026.plusSeconds(3L * 366 * 24 * 3600));
      app.submit("alice", "iLAN", 3);
    }

    @Test
    void aSecondOpenApplicationForTheSameSkillIsRefused() {
      app.submit("alice", "iLAN", 3);
      assertRefused(() -> app.submit("alice", "iLAN", 2), "already has an open application for iLAN", 1);
    }

    @Test
    void missingEvidenceIsRefused() {
      Map<String, Object> variables = SelfSubmissions.evidence("iLAN", 3);
      variables.remove(ImpactStatement.RESULTS.name());
      assertRefused(() -> app.submit("alice", variables), "'impactResults' is required", 0);
    }

    @Test
    void aLevelThatIsNotAWholeNumberIsRefused() {
      Map<String, Object> variables = SelfSubmissions.evidence("iLAN", 3);
      variables.put(SKILL_LEVEL.name(), "3");
      assertRefused(() -> app.submit("alice", variables), "'skillLevel' must be a whole number", 0);
    }

    @Test
    void aLevelSentAsLongIsAccepted() {
      Map<String, Object> variables = SelfSubmissions.evidence("iLAN", 3);
      variables.put(SKILL_LEVEL.name(), 3L);
      ProcessInstance instance = app.submit("alice", variables);
      assertThat(app.variable(instance, SKILL_LEVEL.name())).isEqualTo(3);
    }

    @Test
    void aSubmissionWithoutAnAuthenticatedCandidateIsRefused() {
      assertThatThrownBy(() -> runtime().startProcessInstanceByKey(SelfSubmissionProcess.KEY, SelfSubmissions.evidence("iLAN", 3)))
          .hasMessageContaining("Only an authenticated person may submit");
      assertThat(runtime().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void theCandidateIsTheAuthenticatedUserWhateverTheRequestSays() {
      Map<String, Object> variables = SelfSubmissions.evidence("iLAN", 3);
      variables.put(CANDIDATE_ID.name(), "bob");
      ProcessInstance instance = app.submit("alice", variables);
      assertThat(app.variable(instance, CANDIDATE_ID.name())).isEqualTo("alice");
    }

    private void assertRefused(Runnable start, String message, long applicationsBefore) {
      long instancesBefore = runtime().createProcessInstanceQuery().count();
      assertThatThrownBy(start::run).hasMessageContaining(message);
      assertThat(runtime().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
      assertThat(app.applications()).isEqualTo(applicationsBefore);
    }
  }

  @Nested
  class FourEyes {

    @Test
    void onlyTheSemTeamClaimsTheAssignment() {
      ProcessInstance instance = app.submit("alice", "iLAN", 3);
      Task task = app.task(instance, ASSIGN_ASSESSOR);
      assertRefusedClaim("carol", task, "not in the SEM team");
      assertThatThrownBy(() -> app.complete("carol", task, Map.of(ASSESSOR_ID.name(), "dave")))
          .hasMessageContaining("not in the SEM team");
      assertThatApplication(instance).isWaitingAt(ASSIGN_ASSESSOR);
    }

    @Test
    void aSemMemberNeverAssignsTheirOwnApplication() {
      ProcessInstance instance = app.submit("erin", "iLAN", 5);
      assertThatThrownBy(() -> app.assignAssessor(instance, "erin", "frank"))
          .hasMessageContaining("never assigns the assessor of their own application");
      app.assignAssessor(instance, "ivan", "frank");
      assertThatApplication(instance).isWaitingAt(ASSESS_EVIDENCE);
    }

    @Test
    void theAssessorIsEligible() {
      ProcessInstance instance = app.submit("bob", "iLAN", 5);
      assertThat(eligibleAssessors(instance)).containsExactlyInAnyOrder("erin", "frank", "ivan", "grace");

      Task task = app.task(instance, ASSIGN_ASSESSOR);
      app.claim("erin", task);
      assertThatThrownBy(() -> app.complete("erin", task, Map.of(ASSESSOR_ID.name(), "bob")))
          .hasMessageContaining("never assesses their own application");
      assertThatThrownBy(() -> app.complete("erin", task, Map.of(ASSESSOR_ID.name(), "carol")))
          .hasMessageContaining("at or above the applied level");
      assertThatThrownBy(() -> app.complete("erin", task, Map.of(ASSESSOR_ID.name(), "nobody")))
          .hasMessageContaining("not an engineer");
      assertThatApplication(instance).isWaitingAt(ASSIGN_ASSESSOR);
    }

    @Test
    void onlyTheAssessorAssesses() {
      ProcessInstance instance = app.submit("alice", "iLAN", 3);
      app.assignAssessor(instance, "erin", "carol");
      Task task = app.task(instance, ASSESS_EVIDENCE);

      assertThatThrownBy(() -> app.complete("dave", task, Map.of(SCORE.name(), 9, JUSTIFICATION.name(), "j")))
          .hasMessageContaining("claimed by carol");
      assertThatThrownBy(() -> app.as("demo", () -> {
        engine.getTaskService().setAssignee(task.getId(), "alice");
        return null;
      })).hasMessageContaining("belongs to the assessor carol");
      BpmnAwareTests.assertThat(app.task(instance, ASSESS_EVIDENCE)).isAssignedTo("carol");
    }

    @Test
    void scoresAreWholeNumbersFromZeroToTen() {
      ProcessInstance instance = app.submit("alice", "iLAN", 3);
      app.assignAssessor(instance, "erin", "carol");
      Task task = app.task(instance, ASSESS_EVIDENCE);

      assertThatThrownBy(() -> app.complete("carol", task, Map.of(SCORE.name(), 11, JUSTIFICATION.name(), "j")))
          .hasMessageContaining("'score' must be a whole number from 0 to 10; 11 is outside");
      assertThatThrownBy(() -> app.complete("carol", task, Map.of(SCORE.name(), 7.5, JUSTIFICATION.name(), "j")))
          .hasMessageContaining("'score' must be a whole number");
      assertThatThrownBy(() -> app.complete("carol", task, Map.of(SCORE.name(), 6, JUSTIFICATION.name(), "j")))
          .hasMessageContaining("below the pass mark of 8");
      assertThatThrownBy(() -> app.complete("carol", task, Map.of(SCORE.name(), 9)))
          .hasMessageContaining("'justification' is required");
      assertThatApplication(instance).isWaitingAt(ASSESS_EVIDENCE);
      assertThat(app.variable(instance, SCORE.name())).isNull();
    }

    @Test
    void neitherTheCandidateNorTheAssessorReviews() {
      ProcessInstance instance = app.submit("carol", "iLAN", 4);
      app.assignAssessor(instance, "erin", "dave");
      app.score(instance, "dave", 9);
      Task review = app.tasks(instance, PEER_REVIEW).get(0);

      assertRefusedClaim("carol", review, "never reviews their own application");
      assertRefusedClaim("dave", review, "may not peer-review their own assessment");
      assertRefusedClaim("bob", review, "a reviewer is level 4 or above");
      assertThatThrownBy(() -> app.complete("dave", review, Map.of(REVIEW_AGREES.name(), true)))
          .hasMessageContaining("may not peer-review their own assessment");
      assertThat(app.tasks(instance, PEER_REVIEW)).hasSize(2);
    }

    @Test
    void aReviewerReviewsOnce() {
      ProcessInstance instance = app.submit("bob", "iPERF", 4);
      app.assignAssessor(instance, "erin", "dave");
      app.score(instance, "dave", 9);
      List<Task> reviews = app.tasks(instance, PEER_REVIEW);

      app.claim("carol", reviews.get(0));
      assertRefusedClaim("carol", reviews.get(1), "already reviews this application");
      app.complete("carol", reviews.get(0), Map.of(REVIEW_AGREES.name(), true));
      app.runJobs(instance);
      assertThatThrownBy(() -> app.complete("carol", reviews.get(1), Map.of(REVIEW_AGREES.name(), true)))
          .hasMessageContaining("already reviews this application");
      assertThat(app.tasks(instance, PEER_REVIEW)).hasSize(1);
    }

    @Test
    void aDisagreeingReviewerSaysWhy() {
      ProcessInstance instance = app.submit("alice", "iLAN", 3);
      app.assignAssessor(instance, "erin", "carol");
      app.score(instance, "carol", 9);
      Task review = app.task(instance, PEER_REVIEW);
      app.claim("dave", review);
      assertThatThrownBy(() -> app.complete("dave", review, Map.of(REVIEW_AGREES.name(), false, PROPOSED_SCORE.name(), 6)))
          .hasMessageContaining("'reviewComment' is required when proposing another score");
      assertThatThrownBy(() -> app.complete("dave", review, Map.of(REVIEW_AGREES.name(), false, REVIEW_COMMENT.name(), "too high")))
          .hasMessageContaining("'proposedScore' is required");
      assertThat(app.tasks(instance, PEER_REVIEW)).hasSize(1);
    }

    @Test
    void onlyTheAssessorModerates() {
      ProcessInstance instance = app.submit("alice", "iLAN", 3);
      app.assignAssessor(instance, "erin", "carol");
      app.score(instance, "carol", 9);
      app.propose(instance, "dave", 6);
      app.runJobs(instance);
      Task moderation = app.task(instance, MODERATE_SCORE);

      assertThatThrownBy(() -> app.as("dave", () -> {
        engine.getTaskService().complete(moderation.getId(), Map.of(FINAL_SCORE.name(), 6, MODERATION_JUSTIFICATION.name(), "j"));
        return null;
      })).hasMessageContaining("claimed by carol");
      assertThatApplication(instance).isWaitingAt(MODERATE_SCORE);
    }

    @Test
    void aReviewerCannotChangeTheAssessorsScore() {
      ProcessInstance instance = app.submit("alice", "iLAN", 3);
      app.assignAssessor(instance, "erin", "carol");
      app.score(instance, "carol", 5);
      app.work("dave", instance, PEER_REVIEW, Map.of(REVIEW_AGREES.name(), true, SCORE.name(), 10, FINAL_SCORE.name(), 10, PASSED.name(), true));

      assertThat(app.variable(instance, FINAL_SCORE.name())).isEqualTo(5);
      assertThat(app.credentials()).isZero();
      BpmnAwareTests.assertThat(app.task(instance, ResubmissionProcess.Tasks.AMEND_APPLICATION)).isAssignedTo("alice");
    }

    @Test
    void aCandidateCannotPickTheirAssessorNorChangeTheSkillWhenAddingEvidence() {
      ProcessInstance instance = app.submit("alice", "iLAN", 3);
      app.assignAssessor(instance, "erin", "carol");
      app.work("carol", instance, ASSESS_EVIDENCE, Map.of(MORE_EVIDENCE_REQUESTED.name(), true, EVIDENCE_REQUEST.name(), "Which results?"));
      Task more = app.task(instance, PROVIDE_MORE_EVIDENCE);

      Map<String, Object> redirected = SelfSubmissions.evidence("iLAN", 3);
      redirected.put(ASSESSOR_ID.name(), "dave");
      assertThatThrownBy(() -> app.complete("alice", more, redirected)).hasMessageContaining("belongs to the assessor carol");
      BpmnAwareTests.assertThat(app.task(instance, PROVIDE_MORE_EVIDENCE)).isAssignedTo("alice");

      app.complete("alice", more, SelfSubmissions.evidence("iPERF", 6));
      app.score(instance, "carol", 9);
      app.agree(instance, "dave");
      assertThat(credentials.heldBy("alice")).singleElement().satisfies(credential -> {
        assertThat(credential.skillCode()).as("the applied skill, not one a later task set").isEqualTo("iLAN");
        assertThat(credential.skillLevel()).isEqualTo(3);
      });
    }

    private void assertRefusedClaim(String user, Task task, String message) {
      assertThatThrownBy(() -> app.claim(user, task)).hasMessageContaining(message);
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
          .isEqualTo(task.getAssignee());
    }

    @SuppressWarnings("unchecked")
    private List<String> eligibleAssessors(ProcessInstance instance) {
      // The options are the assignment task's own variable (its form is their one reader).
      Object options = engine.getTaskService().getVariableLocal(app.task(instance, ASSIGN_ASSESSOR).getId(), ELIGIBLE_ASSESSORS.name());
      return org.camunda.spin.Spin.JSON(options).elements().stream()
          .map(option -> option.prop("value").stringValue()).toList();
    }
  }

  @Nested
  class Issuing {

    @Test
    void theSameApplicationNeverYieldsTwoCredentials() {
      CredentialRegister.Issue issue = new CredentialRegister.Issue("APP-2026-999999", "alice", "iLAN", 3, 9,
          CredentialSource.SELF_SUBMISSION, "carol", List.of("dave"), 1, "evidence", 8);
      Credential first = credentials.issue(issue);
      Credential again = credentials.issue(issue);
      assertThat(again.id()).isEqualTo(first.id());
      assertThat(app.credentials()).isEqualTo(1);
    }
  }

}
