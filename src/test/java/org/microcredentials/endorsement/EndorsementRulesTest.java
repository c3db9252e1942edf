package org.microcredentials.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.microcredentials.credential.CredentialVariables.CANDIDATE_ID;
import static org.microcredentials.credential.CredentialVariables.SKILL_CODE;
import static org.microcredentials.endorsement.EndorsementProcess.Tasks.*;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.JUSTIFICATION;
import static org.microcredentials.review.ReviewRoundProcess.Variables.SCORE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.framework.Skill;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkAdministration;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every endorsement rule refused where it is broken, leaving nothing behind, and the four-eyes
 * rules both ways, as the demo people: alice (2), bob (3), carol and dave (4), erin, frank and
 * ivan (5, endorsement reviewers), grace (6).
 *
 * <p>The people act holding every Camunda authorization ({@code grantingEverything()}), so each
 * refusal here comes from the rule in the engine, not from the authorizations in front of it
 * ({@code TaskMatrixIT} covers those).
 */
@ApplicationTest
class EndorsementRulesTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;
  @Autowired EndorsementRequestRegister requests;
  @Autowired SkillFrameworkAdministration frameworkAdministration;
  @Autowired SkillFrameworkRepository frameworks;

  Endorsements app;

  @BeforeEach
  void setUp() {
    init(engine);
    app = new Endorsements(engine, jdbc).grantingEverything();
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @AfterEach
  void tearDown() {
    reset();
  }

  @Nested
  class RefusedAtStart {

    @Test
    void anEndorserBelowLevelFourIsRefused() {
      assertRefused(() -> app.endorse("bob", "alice", "iLAN", 3, 9), "an endorser is level 4 or above");
    }

    @Test
    void nobodyEndorsesThemselves() {
      assertRefused(() -> app.endorse("carol", "carol", "iLAN", 5, 9), "Nobody endorses themselves");
    }

    @Test
    void theLevelMustBeAboveTheCandidatesSeniority() {
      assertRefused(() -> app.endorse("carol", "alice", "iLAN", 2, 9), "above the candidate's seniority");
      assertRefused(() -> app.endorse("carol", "bob", "iLAN", 1, 9), "above the candidate's seniority");
    }

    @Test
    void aSkillLevelAlreadyHeldIsRefused() {
      credentials.issue(new CredentialRegister.Issue("APP-EARLIER", "alice", "iLAN", 4, 9,
          CredentialSource.SELF_SUBMISSION, "carol", List.of("dave"), 1, "earlier evidence", 8));
      assertRefused(() -> app.endorse("carol", "alice", "iLAN", 3, 9), "already holds a valid credential for iLAN");
      assertRefused(() -> app.endorse("carol", "alice", "iLAN", 4, 9), "already holds a valid credential for iLAN");
      app.endorse("carol", "alice", "iLAN", 5, 9);
    }

    @Test
    void aRetiredSkillIsRefused() {
      SkillFramework before = frameworks.current();
      frameworkAdministration.retire("iMENT");
      try {
        assertRefused(() -> app.endorse("carol", "alice", "iMENT", 3, 9), "is retired");
        assertRefused(() -> app.ask("alice", "carol", "iMENT", 3), "is retired");
      } finally {
        // Other test classes share the database: bring the skill back in a newer version.
        SkillFramework retired = frameworks.current();
        List<Skill> skills = before.skills();
        frameworkAdministration.load(new SkillFramework(retired.version() + 1, before.label(), skills, before.levelProfiles()), "test restore");
      }
    }

    @Test
    void anUnknownSkillOrCandidateIsRefused() {
      assertRefused(() -> app.endorse("carol", "alice", "iXYZ", 3, 9), "Unknown skill 'iXYZ'");
      assertRefused(() -> app.endorse("carol", "nobody", "iLAN", 3, 9), "'nobody' is not an engineer");
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 0, 11})
    void theScoreMustBeFromEightToTen(int score) {
      assertRefused(() -> app.endorse("carol", "alice", "iLAN", 3, score), "'score' must be a whole number from 8 to 10");
    }

    @Test
    void aScoreSentAsLongIsAccepted() {
      Map<String, Object> variables = Endorsements.endorsement("alice", "iLAN", 3, 0);
      variables.put(SCORE.name(), 10L);
      ProcessInstance instance = app.endorse("carol", variables);
      assertThat(engine.getRuntimeService().getVariable(instance.getId(), SCORE.name())).isEqualTo(10);
    }

    @Test
    void evidenceAndJustificationAreRequired() {
      Map<String, Object> noJustification = Endorsements.endorsement("alice", "iLAN", 3, 9);
      noJustification.remove(JUSTIFICATION.name());
      assertRefused(() -> app.endorse("carol", noJustification), "'justification' is required");
      Map<String, Object> noResults = Endorsements.endorsement("alice", "iLAN", 3, 9);
      noResults.put(ImpactStatement.RESULTS.name(), "  ");
      assertRefused(() -> app.endorse("carol", noResults), "'impactResults' is required");
    }

    @Test
    void anEndorsementWithoutAnAuthenticatedEndorserIsRefused() {
      assertRefused(() -> engine.getRuntimeService().startProcessInstanceByKey(EndorsementProcess.KEY,
          Endorsements.endorsement("alice", "iLAN", 3, 9)), "Only an authenticated person may endorse");
    }

    @Test
    void theEndorserIsTheAuthenticatedUserAndTheKeyIsNeverTheClients() {
      Map<String, Object> variables = Endorsements.endorsement("alice", "iLAN", 3, 9);
      variables.put(ENDORSER_ID.name(), "grace");
      ProcessInstance instance = app.as("carol", () -> engine.getRuntimeService()
          .startProcessInstanceByKey(EndorsementProcess.KEY, "REQ-2026-000001", variables));
      assertThat(engine.getRuntimeService().getVariable(instance.getId(), ENDORSER_ID.name())).isEqualTo("carol");
      assertThat(instance.getBusinessKey()).startsWith("END-2026-");
    }

    @Test
    void oneOpenEndorsementPerCandidateAndSkill() {
      app.endorse("carol", "alice", "iLAN", 3, 9);
      assertRefused(() -> app.endorse("dave", "alice", "iLAN", 4, 9), "already has an endorsement for iLAN under review");
    }

    @Test
    void aLeaderEndorsesOneCandidateForAtMostThreeSkillsInARollingQuarter() {
      for (String skill : List.of("iLAN", "iPERF", "iOWN")) {
        ProcessInstance instance = app.endorse("carol", "alice", skill, 3, 9);
        app.review("erin", instance, EndorsementProcess.Decisions.WITHDRAW, "Not yet.");
      }
      assertRefused(() -> app.endorse("carol", "alice", "iTEST", 3, 9), "Endorsement cap reached");
      // Another leader, or another candidate, is not capped by carol's endorsements.
      app.endorse("dave", "alice", "iTEST", 3, 9);
      app.endorse("carol", "bob", "iTEST", 4, 9);
      // A quarter later the first three have rolled out of the period.
      clock.set(Instant.parse("2027-02-17T10:00:00Z"));
      app.endorse("carol", "alice", "iSEC", 3, 9);
    }

    private void assertRefused(Runnable start, String message) {
      long instancesBefore = app.instances();
      long endorsementsBefore = app.count("endorsement");
      long requestsBefore = app.count("endorsement_request");
      assertThatThrownBy(start::run).hasMessageContaining(message);
      assertThat(app.instances()).isEqualTo(instancesBefore);
      assertThat(app.count("endorsement")).isEqualTo(endorsementsBefore);
      assertThat(app.count("endorsement_request")).isEqualTo(requestsBefore);
    }
  }

  @Nested
  class Requests {

    @Test
    void atMostTwoOpenRequestsPerCandidate() {
      app.ask("alice", "carol", "iLAN", 3);
      ProcessInstance second = app.ask("alice", "dave", "iPERF", 3);
      assertRefusedRequest(() -> app.ask("alice", "erin", "iOWN", 3), "Open request cap reached");

      app.work("dave", second, EndorsementRequestProcess.Tasks.CONSIDER_REQUEST, Map.of(
          EndorsementRequestProcess.Variables.ACCEPT_REQUEST.name(), false,
          EndorsementRequestProcess.Variables.DECLINE_MESSAGE.name(), "Not now."));
      app.ask("alice", "erin", "iOWN", 3);
    }

    @Test
    void theLeaderAskedMayEndorseTheCandidate() {
      assertRefusedRequest(() -> app.ask("alice", "bob", "iLAN", 3), "ask a leader of level 4 or above");
      assertRefusedRequest(() -> app.ask("carol", "carol", "iLAN", 5), "asks another leader, never themselves");
      assertRefusedRequest(() -> app.ask("alice", "nobody", "iLAN", 3), "'nobody' is not an engineer");
      assertRefusedRequest(() -> app.ask("alice", "carol", "iLAN", 2), "above the candidate's seniority");
      Map<String, Object> noMessage = Endorsements.request("carol", "iLAN", 3);
      noMessage.remove(EndorsementRequestProcess.Variables.MESSAGE.name());
      assertRefusedRequest(() -> app.ask("alice", noMessage), "'message' is required");
    }

    @Test
    void onlyTheLeaderAskedAnswers() {
      ProcessInstance request = app.ask("alice", "dave", "iPERF", 3);
      Task task = app.task(request, EndorsementRequestProcess.Tasks.CONSIDER_REQUEST);
      assertThatThrownBy(() -> app.complete("carol", task, Map.of(
          EndorsementRequestProcess.Variables.ACCEPT_REQUEST.name(), false,
          EndorsementRequestProcess.Variables.DECLINE_MESSAGE.name(), "No.")))
          .hasMessageContaining("claimed by dave");
      assertThatThrownBy(() -> app.as("demo", () -> {
        engine.getTaskService().setAssignee(task.getId(), "carol");
        return null;
      })).hasMessageContaining("belongs to the leader asked dave");
      BpmnAwareTests.assertThat(app.task(request, EndorsementRequestProcess.Tasks.CONSIDER_REQUEST)).isAssignedTo("dave");
    }

    @Test
    void anAcceptanceThatBreaksAnEndorsementRuleIsRefusedAndChangesNothing() {
      ProcessInstance request = app.ask("alice", "dave", "iPERF", 3);
      Task task = app.task(request, EndorsementRequestProcess.Tasks.CONSIDER_REQUEST);
      Map<String, Object> lowScore = Endorsements.endorsementFields(7);
      lowScore.put(EndorsementRequestProcess.Variables.ACCEPT_REQUEST.name(), true);
      assertThatThrownBy(() -> app.complete("dave", task, lowScore))
          .hasMessageContaining("'score' must be a whole number from 8 to 10");
      assertThatThrownBy(() -> app.complete("dave", task,
          Map.of(EndorsementRequestProcess.Variables.ACCEPT_REQUEST.name(), false)))
          .hasMessageContaining("'declineMessage' is required");

      BpmnAwareTests.assertThat(request).isWaitingAt(EndorsementRequestProcess.Tasks.CONSIDER_REQUEST);
      assertThat(requests.find(request.getBusinessKey()).orElseThrow().status())
          .isEqualTo(EndorsementRequestRegister.Status.OPEN);
      assertThat(app.count("endorsement")).isZero();

      // The leader cannot turn the request into an endorsement of someone or something else.
      Map<String, Object> other = Endorsements.endorsementFields(9);
      other.put(EndorsementRequestProcess.Variables.ACCEPT_REQUEST.name(), true);
      other.put(CANDIDATE_ID.name(), "bob");
      other.put(SKILL_CODE.name(), "iLAN");
      app.complete("dave", task, other);
      ProcessInstance endorsement = app.calledEndorsement(request);
      BpmnAwareTests.assertThat(endorsement).variables().containsEntry(CANDIDATE_ID.name(), "alice")
          .containsEntry(SKILL_CODE.name(), "iPERF").containsEntry(ENDORSER_ID.name(), "dave");
    }

    private void assertRefusedRequest(Runnable start, String message) {
      long instancesBefore = app.instances();
      long requestsBefore = app.count("endorsement_request");
      assertThatThrownBy(start::run).hasMessageContaining(message);
      assertThat(app.instances()).isEqualTo(instancesBefore);
      assertThat(app.count("endorsement_request")).isEqualTo(requestsBefore);
    }
  }

  @Nested
  class FourEyes {

    @Test
    void theEndorserNeverReviewsAndAnotherLevelFiveLeaderMay() {
      ProcessInstance instance = app.endorse("erin", "alice", "iLAN", 3, 9);
      Task review = app.task(instance, REVIEW_ENDORSEMENT);

      assertRefusedClaim("erin", review, "may not review their own endorsement");
      assertThatThrownBy(() -> app.complete("erin", review, Map.of(REVIEW_DECISION.name(), "approve")))
          .hasMessageContaining("may not review their own endorsement");
      BpmnAwareTests.assertThat(instance).isWaitingAt(REVIEW_ENDORSEMENT);

      app.review("frank", instance, EndorsementProcess.Decisions.APPROVE, "Agreed.");
      BpmnAwareTests.assertThat(instance).isWaitingAt(EndorsementProcess.Elements.ISSUE_CREDENTIAL);
    }

    @Test
    void neitherTheCandidateNorALeaderBelowLevelFiveReviews() {
      ProcessInstance instance = app.endorse("erin", "frank", "iLAN", 6, 9);
      Task review = app.task(instance, REVIEW_ENDORSEMENT);

      assertRefusedClaim("frank", review, "never reviews their own endorsement");
      assertRefusedClaim("dave", review, "a reviewer is level 5 or above");
      assertRefusedClaim("alice", review, "a reviewer is level 5 or above");
      assertThatThrownBy(() -> app.complete("dave", review, Map.of(REVIEW_DECISION.name(), "approve")))
          .hasMessageContaining("a reviewer is level 5 or above");
      app.review("grace", instance, EndorsementProcess.Decisions.APPROVE, "");
      BpmnAwareTests.assertThat(instance).isWaitingAt(EndorsementProcess.Elements.ISSUE_CREDENTIAL);
    }

    @Test
    void theDecisionIsOneOfThreeAndAQuestionOrWithdrawalSaysWhy() {
      ProcessInstance instance = app.endorse("carol", "alice", "iLAN", 3, 9);
      Task review = app.task(instance, REVIEW_ENDORSEMENT);
      app.claim("erin", review);
      assertThatThrownBy(() -> app.complete("erin", review, Map.of(REVIEW_DECISION.name(), "maybe")))
          .hasMessageContaining("'reviewDecision' must be one of approve, request-justification or withdraw");
      assertThatThrownBy(() -> app.complete("erin", review, Map.of()))
          .hasMessageContaining("'reviewDecision' is required");
      assertThatThrownBy(() -> app.complete("erin", review, Map.of(REVIEW_DECISION.name(), "withdraw")))
          .hasMessageContaining("'reviewComment' is required");
      assertThatThrownBy(() -> app.complete("erin", review, Map.of(REVIEW_DECISION.name(), "request-justification")))
          .hasMessageContaining("'reviewComment' is required");
      BpmnAwareTests.assertThat(instance).isWaitingAt(REVIEW_ENDORSEMENT);
    }

    @Test
    void onlyTheEndorserProvidesFurtherJustification() {
      ProcessInstance instance = app.endorse("carol", "alice", "iLAN", 3, 9);
      app.review("erin", instance, EndorsementProcess.Decisions.REQUEST_JUSTIFICATION, "Which PRs?");
      Task task = app.task(instance, PROVIDE_JUSTIFICATION);

      assertThatThrownBy(() -> app.complete("alice", task, Map.of(ADDITIONAL_JUSTIFICATION.name(), "Mine: #1, #2.")))
          .hasMessageContaining("claimed by carol");
      assertThatThrownBy(() -> app.as("demo", () -> {
        engine.getTaskService().setAssignee(task.getId(), "alice");
        return null;
      })).hasMessageContaining("belongs to the endorser carol");
      assertThatThrownBy(() -> app.complete("carol", task, Map.of()))
          .hasMessageContaining("'additionalJustification' is required");
      BpmnAwareTests.assertThat(instance).isWaitingAt(PROVIDE_JUSTIFICATION);
    }

    private void assertRefusedClaim(String user, Task task, String message) {
      assertThatThrownBy(() -> app.claim(user, task)).hasMessageContaining(message);
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
          .isEqualTo(task.getAssignee());
    }
  }
}
