package org.microcredentials.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.microcredentials.submission.SelfSubmissionProcess.Tasks.*;
import static org.microcredentials.submission.SelfSubmissionProcess.Variables.*;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import org.camunda.bpm.engine.runtime.Job;
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
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.framework.SkillFrameworkAdministration;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Every path of {@code SelfSubmissionProcess}, with the real rules, as the demo people:
 * alice (level 2), bob (3), carol and dave (4, assessors), erin and ivan (5, SEM team), frank (5), grace (6).
 */
@ApplicationTest
class SelfSubmissionProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;
  @MockitoSpyBean ApplicationRegister applications;
  @Autowired SkillFrameworkAdministration frameworkAdministration;

  SelfSubmissions app;

  @BeforeEach
  void setUp() {
    init(engine);
    app = new SelfSubmissions(engine, jdbc);
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


  @Test
  void passWithOneReviewerIssuesTheCredential() {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);

    BpmnAwareTests.assertThat(instance).isWaitingAt(ASSIGN_ASSESSOR);
    assertThat(instance.getBusinessKey()).matches("APP-2026-\\d{6}");
    assertThat(runtime().getVariable(instance.getId(), CANDIDATE_ID)).isEqualTo("alice");
    assertThat(runtime().getVariable(instance.getId(), REVIEWER_COUNT)).isEqualTo(1);
    BpmnAwareTests.assertThat(app.task(instance, ASSIGN_ASSESSOR)).hasCandidateGroup("sem-team");

    app.assignAssessor(instance, "erin", "carol");
    BpmnAwareTests.assertThat(instance).isWaitingAt(ASSESS_EVIDENCE);
    BpmnAwareTests.assertThat(app.task(instance, ASSESS_EVIDENCE)).isAssignedTo("carol");

    app.score(instance, "carol", 9);
    assertThat(app.tasks(instance, PEER_REVIEW)).hasSize(1);
    BpmnAwareTests.assertThat(app.task(instance, PEER_REVIEW)).hasCandidateGroup("assessors");

    app.agree(instance, "dave");
    app.runJobs(instance);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CredentialIssued");
    assertThat(historicVariable(instance, PASSED)).isEqualTo(true);
    assertThat(historicVariable(instance, FINAL_SCORE)).isEqualTo(9);
    String credentialId = (String) historicVariable(instance, CREDENTIAL_ID);
    Credential credential = credentials.find(credentialId).orElseThrow();
    assertThat(credential.holderId()).isEqualTo("alice");
    assertThat(credential.skillCode()).isEqualTo("iLAN");
    assertThat(credential.skillLevel()).isEqualTo(3);
    assertThat(credential.score()).isEqualTo(9);
    assertThat(credential.source()).isEqualTo(CredentialSource.SELF_SUBMISSION);
    assertThat(credential.assessorId()).isEqualTo("carol");
    assertThat(credential.reviewerIds()).containsExactly("dave");
    assertThat(credential.frameworkVersion()).isPositive();
    assertThat(credential.evidenceSummary()).contains("Build time fell to 9 minutes");
    assertThat(credential.validForPromotionUntil()).isEqualTo(credential.issuedAt().plusYears(2));
    assertThat(credential.sourceKey()).isEqualTo(instance.getBusinessKey());
    assertThat(applications.status(instance.getBusinessKey())).isEqualTo(ApplicationRegister.Status.PASSED);
  }

  @Test
  void passAtLevelFourNeedsTwoDistinctReviewers() {
    ProcessInstance instance = app.submit("bob", "iPERF", 4);
    assertThat(runtime().getVariable(instance.getId(), REVIEWER_COUNT)).isEqualTo(2);
    app.assignAssessor(instance, "ivan", "dave");
    app.score(instance, "dave", 8);

    assertThat(app.tasks(instance, PEER_REVIEW)).hasSize(2);
    app.agree(instance, "carol");
    app.runJobs(instance);
    BpmnAwareTests.assertThat(instance).isWaitingAt(PEER_REVIEW);
    app.agree(instance, "frank");
    app.runJobs(instance);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CredentialIssued").hasNotPassed(MODERATE_SCORE);
    Credential credential = credentials.heldBy("bob").get(0);
    assertThat(credential.reviewerIds()).containsExactly("carol", "frank");
    assertThat(credential.score()).isEqualTo(8);
  }

  @Test
  void disagreementIsModeratedToAPass() {
    ProcessInstance instance = app.submit("alice", "iOWN", 2);
    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 9);
    app.propose(instance, "dave", 7);
    app.runJobs(instance);

    BpmnAwareTests.assertThat(instance).isWaitingAt(MODERATE_SCORE);
    assertThat(runtime().getVariable(instance.getId(), PEER_REVIEW_SUMMARY))
        .isEqualTo("dave proposes 7: The results are not the candidate's alone.");
    BpmnAwareTests.assertThat(app.task(instance, MODERATE_SCORE)).isAssignedTo("carol");

    app.complete("carol", app.task(instance, MODERATE_SCORE),
        Map.of(FINAL_SCORE, 8, MODERATION_JUSTIFICATION, "The candidate led the work; 8 reflects the team share."));
    app.runJobs(instance);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(MODERATE_SCORE, "EndEvent_CredentialIssued");
    assertThat(credentials.heldBy("alice")).singleElement().extracting(Credential::score).isEqualTo(8);
  }

  @Test
  void disagreementIsModeratedToAFail() {
    ProcessInstance instance = app.submit("alice", "iOWN", 2);
    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 8);
    app.propose(instance, "dave", 6);
    app.runJobs(instance);

    app.complete("carol", app.task(instance, MODERATE_SCORE), Map.of(
        FINAL_SCORE, 7,
        MODERATION_JUSTIFICATION, "The reviewer is right: the results are not measured.",
        IMPROVEMENT_AREAS, "Measure the results; goal: one before/after figure."));

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(MODERATE_SCORE, "EndEvent_ApplicationFailed");
    assertThat(historicVariable(instance, PASSED)).isEqualTo(false);
    assertThat(app.credentials()).isZero();
    assertThat(applications.status(instance.getBusinessKey())).isEqualTo(ApplicationRegister.Status.FAILED);
  }

  @Test
  void failBelowThePassMarkRecordsTheOutcome() {
    ProcessInstance instance = app.submit("henry", "iTEST", 1);
    app.assignAssessor(instance, "erin", "dave");
    app.score(instance, "dave", 5);
    app.agree(instance, "carol");
    app.runJobs(instance);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("ServiceTask_RecordFailure", "EndEvent_ApplicationFailed");
    Map<String, Object> outcome = jdbc.sql("select final_score, justification, improvement_areas from application where business_key = ?")
        .param(instance.getBusinessKey()).query().singleRow();
    assertThat(outcome.get("final_score")).isEqualTo(5);
    assertThat((String) outcome.get("improvement_areas")).contains("goal");
    assertThat(app.credentials()).isZero();
  }

  @Test
  void moreEvidenceLoopsBackToTheAssessor() {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    app.work("carol", instance, ASSESS_EVIDENCE,
        Map.of(MORE_EVIDENCE_REQUESTED, true, EVIDENCE_REQUEST, "Which results were yours?"));

    BpmnAwareTests.assertThat(instance).isWaitingAt(PROVIDE_MORE_EVIDENCE);
    BpmnAwareTests.assertThat(app.task(instance, PROVIDE_MORE_EVIDENCE)).isAssignedTo("alice");

    Map<String, Object> more = SelfSubmissions.evidence("iLAN", 3);
    more.remove(SKILL_CODE);
    more.remove(SKILL_LEVEL);
    more.put(IMPACT_RESULTS, "I cut build time from 40 to 9 minutes (my PRs #42, #43).");
    app.complete("alice", app.task(instance, PROVIDE_MORE_EVIDENCE), more);

    BpmnAwareTests.assertThat(instance).isWaitingAt(ASSESS_EVIDENCE);
    assertThat(runtime().getVariable(instance.getId(), MORE_EVIDENCE_REQUESTED)).isEqualTo(false);
    app.score(instance, "carol", 9);
    app.agree(instance, "dave");
    app.runJobs(instance);

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(PROVIDE_MORE_EVIDENCE, "EndEvent_CredentialIssued");
    assertThat(credentials.heldBy("alice").get(0).evidenceSummary()).contains("my PRs #42, #43");
  }

  @Test
  void aCrashWhileIssuingRollsBackAndTheRetryIssuesOnce() {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 9);
    app.agree(instance, "dave");
    // Run the join; the issuing job is next.
    Job join = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
    engine.getManagementService().executeJob(join.getId());
    BpmnAwareTests.assertThat(instance).isWaitingAt("ServiceTask_IssueCredential");
    Job issuing = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();

    // The node "crashes" after the credential row is written, before the job commits.
    doThrow(new IllegalStateException("node crashed")).doCallRealMethod()
        .when(applications).recordOutcome(any(), eq(ApplicationRegister.Status.PASSED), anyInt(), any(), any(), any());
    assertThatThrownBy(() -> engine.getManagementService().executeJob(issuing.getId())).hasMessageContaining("node crashed");
    assertThat(app.credentials()).as("the credential rolled back with the failed job").isZero();
    Job retried = engine.getManagementService().createJobQuery().jobId(issuing.getId()).singleResult();
    assertThat(retried.getRetries()).as("R3/PT1M: two retries left").isEqualTo(2);

    engine.getManagementService().executeJob(issuing.getId());
    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(app.credentials()).isEqualTo(1);
    assertThat(credentials.heldBy("alice")).singleElement()
        .extracting(Credential::id).isEqualTo(historicVariable(instance, CREDENTIAL_ID));
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

}
