package org.microcredentials.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.microcredentials.credential.CredentialVariables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;
import static org.microcredentials.review.ReviewRoundProcess.Tasks.*;
import static org.microcredentials.testing.ApplicationAssert.assertThatApplication;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.endorsement.EndorsementRequestProcess;
import org.microcredentials.expiry.CredentialExpiryProcess;
import org.microcredentials.framework.SkillFrameworkAdministration;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.review.ScorePolicy;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Every path of {@code SelfSubmissionProcess}, its {@code ReviewRoundProcess} and {@code ResubmissionProcess},
 * with the real rules, as the demo people: alice (level 2), bob (3), carol and dave (4, assessors),
 * erin and ivan (5, SEM team), frank (5), grace (6). Camunda's process test coverage extension measures
 * the flow nodes and sequence flows these tests pass in the three models (report in
 * {@code target/process-test-coverage}) and fails the class below 90 %.
 */
@ApplicationTest
@Import({ProcessEngineCoverageConfiguration.class, SelfSubmissionProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class SelfSubmissionProcessTest {

  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties reviewRoundCoverage() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(EndorsementProcess.KEY, EndorsementRequestProcess.KEY, CredentialExpiryProcess.KEY)
          .build();
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;
  @MockitoSpyBean ApplicationRegister applications;
  @Autowired SkillFrameworkAdministration frameworkAdministration;
  @Autowired EvidenceHistory evidenceHistory;
  @Autowired ScorePolicy scores;

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

    assertThatApplication(instance).isWaitingAt(ASSIGN_ASSESSOR);
    assertThat(instance.getBusinessKey()).matches("APP-2026-\\d{6}");
    assertThat(app.variable(instance, CANDIDATE_ID.name())).isEqualTo("alice");
    // The number of reviewers is the record's (applicationFacts), not a variable.
    assertThat(app.variable(instance, "reviewerCount")).isNull();
    BpmnAwareTests.assertThat(app.task(instance, ASSIGN_ASSESSOR)).hasCandidateGroup("sem-team");

    app.assignAssessor(instance, "erin", "carol");
    assertThatApplication(instance).isWaitingAt(ASSESS_EVIDENCE);
    BpmnAwareTests.assertThat(app.task(instance, ASSESS_EVIDENCE)).isAssignedTo("carol");
    // The form shows the configured pass mark: the model hands it to the step (passMark, from the score policy).
    assertThat(engine.getTaskService().getVariable(app.task(instance, ASSESS_EVIDENCE).getId(), "passMark"))
        .isEqualTo(scores.passMark());

    app.score(instance, "carol", 9);
    assertThat(app.tasks(instance, PEER_REVIEW)).hasSize(1);
    BpmnAwareTests.assertThat(app.task(instance, PEER_REVIEW)).hasCandidateGroup("assessors");

    app.agree(instance, "dave");
    app.runJobs(instance);

    assertThatApplication(instance).isEnded().hasPassed("EndEvent_CredentialIssued");
    assertThat(historicVariable(instance, PASSED.name())).isEqualTo(true);
    assertThat(historicVariable(instance, FINAL_SCORE.name())).isEqualTo(9);
    String credentialId = (String) historicVariable(instance, CREDENTIAL_ID.name());
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
    app.assignAssessor(instance, "ivan", "dave");
    app.score(instance, "dave", 8);

    assertThat(app.tasks(instance, PEER_REVIEW)).hasSize(2);
    app.agree(instance, "carol");
    app.runJobs(instance);
    assertThatApplication(instance).isWaitingAt(PEER_REVIEW);
    app.agree(instance, "frank");
    app.runJobs(instance);

    assertThatApplication(instance).isEnded().hasPassed("EndEvent_CredentialIssued").hasNotPassed(MODERATE_SCORE);
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

    assertThatApplication(instance).isWaitingAt(MODERATE_SCORE);
    assertThat(app.variable(instance, PEER_REVIEW_SUMMARY.name()))
        .isEqualTo("dave proposes 7: The results are not the candidate's alone.");
    BpmnAwareTests.assertThat(app.task(instance, MODERATE_SCORE)).isAssignedTo("carol");

    app.complete("carol", app.task(instance, MODERATE_SCORE),
        Map.of(FINAL_SCORE.name(), 8, MODERATION_JUSTIFICATION.name(), "The candidate led the work; 8 reflects the team share."));
    app.runJobs(instance);

    assertThatApplication(instance).isEnded().hasPassed(MODERATE_SCORE, "EndEvent_CredentialIssued");
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
        FINAL_SCORE.name(), 7,
        MODERATION_JUSTIFICATION.name(), "The reviewer is right: the results are not measured.",
        IMPROVEMENT_AREAS.name(), "Measure the results; goal: one before/after figure."));

    assertThatApplication(instance).hasPassed(MODERATE_SCORE, "ServiceTask_NotifyCandidateOfFailure")
        .isWaitingAt(SelfSubmissionProcess.Elements.CALL_RESUBMISSION);
    assertThat(app.variable(instance, PASSED.name())).isEqualTo(false);
    assertThat(app.variable(instance, OUTCOME_JUSTIFICATION.name()))
        .isEqualTo("The reviewer is right: the results are not measured.");
    assertThat(app.credentials()).isZero();
    assertThat(applications.status(instance.getBusinessKey())).isEqualTo(ApplicationRegister.Status.AWAITING_RESUBMISSION);
  }

  @Test
  void failBelowThePassMarkRecordsTheOutcome() {
    ProcessInstance instance = app.submit("henry", "iTEST", 1);
    app.assignAssessor(instance, "erin", "dave");
    app.score(instance, "dave", 5);
    app.agree(instance, "carol");
    app.runJobs(instance);

    assertThatApplication(instance).hasPassed("ServiceTask_RecordFailure")
        .isWaitingAt(SelfSubmissionProcess.Elements.CALL_RESUBMISSION);
    BpmnAwareTests.assertThat(app.task(instance, ResubmissionProcess.Tasks.AMEND_APPLICATION)).isAssignedTo("henry");
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
        Map.of(MORE_EVIDENCE_REQUESTED.name(), true, EVIDENCE_REQUEST.name(), "Which results were yours?"));

    assertThatApplication(instance).isWaitingAt(PROVIDE_MORE_EVIDENCE);
    BpmnAwareTests.assertThat(app.task(instance, PROVIDE_MORE_EVIDENCE)).isAssignedTo("alice");

    Map<String, Object> more = SelfSubmissions.evidence("iLAN", 3);
    more.remove(SKILL_CODE.name());
    more.remove(SKILL_LEVEL.name());
    more.put(ImpactStatement.RESULTS.name(), "I cut build time from 40 to 9 minutes (my PRs #42, #43).");
    app.complete("alice", app.task(instance, PROVIDE_MORE_EVIDENCE), more);

    assertThatApplication(instance).isWaitingAt(ASSESS_EVIDENCE);
    assertThat(app.variable(instance, MORE_EVIDENCE_REQUESTED.name())).isEqualTo(false);
    app.score(instance, "carol", 9);
    app.agree(instance, "dave");
    app.runJobs(instance);

    assertThatApplication(instance).isEnded().hasPassed(PROVIDE_MORE_EVIDENCE, "EndEvent_CredentialIssued");
    assertThat(credentials.heldBy("alice").get(0).evidenceSummary()).contains("my PRs #42, #43");
  }

  @Test
  void aCrashWhileIssuingRollsBackAndTheRetryIssuesOnce() {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 9);
    // The node "crashes" after the credential row is written, before the issuing job commits.
    doThrow(new IllegalStateException("node crashed")).doCallRealMethod()
        .when(applications).recordOutcome(any(), eq(ApplicationRegister.Status.PASSED), anyInt(), any(), any(), any());

    assertThatThrownBy(() -> app.agree(instance, "dave")).hasMessageContaining("node crashed");

    assertThatApplication(instance).isWaitingAt("ServiceTask_IssueCredential");
    assertThat(app.credentials()).as("the credential rolled back with the failed job").isZero();
    Job issuing = app.job(instance, "ServiceTask_IssueCredential");
    assertThat(issuing.getRetries()).as("R3/PT1M: two retries left").isEqualTo(2);

    engine.getManagementService().executeJob(issuing.getId());
    app.runJobs(instance);
    assertThatApplication(instance).isEnded();
    assertThat(app.credentials()).isEqualTo(1);
    assertThat(credentials.heldBy("alice")).singleElement()
        .extracting(Credential::id).isEqualTo(historicVariable(instance, CREDENTIAL_ID.name()));
  }

  // --- resubmission (ResubmissionProcess, called with the same business key)

  @Test
  void aFailedApplicationIsResubmittedWithMarkedChangesAndPasses() {
    ProcessInstance instance = failedRound("henry", "iTEST", 1, "dave", "carol");
    Task amend = app.task(instance, ResubmissionProcess.Tasks.AMEND_APPLICATION);
    BpmnAwareTests.assertThat(amend).isAssignedTo("henry");
    ProcessInstance resubmission = calledInstance(instance);
    assertThat(resubmission.getBusinessKey()).isEqualTo(instance.getBusinessKey());

    app.complete("henry", amend, amendment("Added the release figures for Q3.", "Build time fell to 9 minutes; 14 releases in Q3."));

    Task reassess = app.task(instance, ReviewRoundProcess.Tasks.REASSESS_EVIDENCE);
    BpmnAwareTests.assertThat(reassess).isAssignedTo("dave");
    assertThat(runtime().getVariable(resubmission.getId(),
        ResubmissionProcess.Variables.CHANGES_SINCE_LAST_ASSESSMENT.name()))
        .isEqualTo("Changed: Measurable results.\nThe candidate's note: Added the release figures for Q3.");
    app.complete("dave", reassess, Map.of(SCORE.name(), 9, JUSTIFICATION.name(), "The figures show the impact."));
    app.agree(instance, "carol");

    BpmnAwareTests.assertThat(resubmission).isEnded().hasPassed(ResubmissionProcess.Elements.END_CREDENTIAL_ISSUED);
    assertThatApplication(instance).isEnded().hasPassed(SelfSubmissionProcess.Elements.END_APPLICATION_CLOSED);
    assertThat(credentials.heldBy("henry")).singleElement().satisfies(credential -> {
      assertThat(credential.score()).isEqualTo(9);
      assertThat(credential.sourceKey()).isEqualTo(instance.getBusinessKey());
      assertThat(credential.evidenceSummary()).contains("14 releases in Q3");
    });
    assertThat(evidenceHistory.versions(instance.getBusinessKey())).hasSize(2)
        .last().extracting(EvidenceHistory.Evidence::amendments).isEqualTo("Added the release figures for Q3.");
    assertThat(applications.status(instance.getBusinessKey())).isEqualTo(ApplicationRegister.Status.PASSED);
    assertThat(app.applications()).as("a resubmission is no new submission").isEqualTo(1);
  }

  @Test
  void failTwiceWithModerationThenPass() {
    ProcessInstance instance = failedRound("henry", "iTEST", 1, "dave", "carol");
    app.complete("henry", app.task(instance, ResubmissionProcess.Tasks.AMEND_APPLICATION), amendment("More detail.", "Faster builds."));
    app.work("dave", instance, ReviewRoundProcess.Tasks.REASSESS_EVIDENCE, Map.of(SCORE.name(), 8, JUSTIFICATION.name(), "Better."));
    app.propose(instance, "carol", 6);
    BpmnAwareTests.assertThat(app.task(instance, MODERATE_SCORE)).isAssignedTo("dave");
    app.complete("dave", app.task(instance, MODERATE_SCORE), Map.of(FINAL_SCORE.name(), 7,
        MODERATION_JUSTIFICATION.name(), "Close, not there yet.", IMPROVEMENT_AREAS.name(), "Show your own part; goal: one measured change."));

    Task secondAmend = app.task(instance, ResubmissionProcess.Tasks.AMEND_APPLICATION);
    assertThat(runtime().getVariable(calledInstance(instance).getId(), OUTCOME_JUSTIFICATION.name())).isEqualTo("Close, not there yet.");
    app.complete("henry", secondAmend, amendment("My own part, measured.", "I cut my module's build from 20 to 3 minutes."));
    app.work("dave", instance, ReviewRoundProcess.Tasks.REASSESS_EVIDENCE, Map.of(SCORE.name(), 9, JUSTIFICATION.name(), "Now clear."));
    app.agree(instance, "erin");

    assertThatApplication(instance).isEnded();
    assertThat(credentials.heldBy("henry")).singleElement().extracting(Credential::score).isEqualTo(9);
    assertThat(evidenceHistory.versions(instance.getBusinessKey())).hasSize(3);
  }

  @Test
  void theAssessorMayAskForMoreEvidenceOnAResubmission() {
    ProcessInstance instance = failedRound("henry", "iTEST", 1, "dave", "carol");
    app.complete("henry", app.task(instance, ResubmissionProcess.Tasks.AMEND_APPLICATION), amendment("More.", "More results."));
    app.work("dave", instance, ReviewRoundProcess.Tasks.REASSESS_EVIDENCE,
        Map.of(MORE_EVIDENCE_REQUESTED.name(), true, EVIDENCE_REQUEST.name(), "Link the pull requests."));

    Task amend = app.task(instance, ResubmissionProcess.Tasks.AMEND_APPLICATION);
    assertThat(engine.getTaskService().getVariable(amend.getId(), EVIDENCE_REQUEST.name())).isEqualTo("Link the pull requests.");
    Map<String, Object> withLinks = amendment("Linked the PRs.", "More results.");
    withLinks.put(ImpactStatement.LINKS.name(), "https://git.example.org/build/pull/43");
    app.complete("henry", amend, withLinks);
    assertThat(runtime().getVariable(calledInstance(instance).getId(),
        ResubmissionProcess.Variables.CHANGES_SINCE_LAST_ASSESSMENT.name()))
        .asString().startsWith("Changed: Measurable results, Evidence links.");
  }

  @Test
  void theCandidateMayLetAFailedApplicationGo() {
    ProcessInstance instance = failedRound("henry", "iTEST", 1, "dave", "carol");
    ProcessInstance resubmission = calledInstance(instance);
    app.complete("henry", app.task(instance, ResubmissionProcess.Tasks.AMEND_APPLICATION),
        Map.of(ResubmissionProcess.Variables.RESUBMIT.name(), false));

    BpmnAwareTests.assertThat(resubmission).isEnded().hasPassed(ResubmissionProcess.Elements.END_LET_GO);
    assertThatApplication(instance).isEnded();
    assertThat(applications.status(instance.getBusinessKey())).isEqualTo(ApplicationRegister.Status.FAILED);
    app.submit("henry", "iTEST", 1);
  }

  @Test
  void aCandidateSilentForTheIdlePeriodClosesTheApplication() {
    ProcessInstance instance = failedRound("henry", "iTEST", 1, "dave", "carol");
    ProcessInstance resubmission = calledInstance(instance);
    Job idle = app.timer(instance, ResubmissionProcess.Elements.CANDIDATE_IDLE);
    assertThat(idle.getDuedate()).isCloseTo(daysFromNow(90), 60_000);

    app.fireTimer(instance, ResubmissionProcess.Elements.CANDIDATE_IDLE);

    BpmnAwareTests.assertThat(resubmission).isEnded().hasPassed(ResubmissionProcess.Elements.END_CLOSED_IDLE);
    assertThatApplication(instance).isEnded();
    assertThat(applications.status(instance.getBusinessKey())).isEqualTo(ApplicationRegister.Status.FAILED);
  }

  // --- two-week SLAs: reminders and SEM reassignment, the tasks staying where they are

  @Test
  void overdueWorkEscalatesAtEveryStageAndTheSemTeamReassignsIt() {
    ProcessInstance instance = app.submit("bob", "iPERF", 3);
    Task assignment = app.task(instance, ASSIGN_ASSESSOR);
    assertThat(assignment.getDueDate()).isCloseTo(java.util.Date.from(clock.instant().plus(java.time.Duration.ofDays(14))), 1000);
    assertThat(app.timer(instance, "BoundaryEvent_AssignmentOverdue").getDuedate()).isCloseTo(daysFromNow(14), 60_000);

    app.fireTimer(instance, "BoundaryEvent_AssignmentOverdue");
    assertThatApplication(instance).hasPassed("ServiceTask_EscalateAssignment", "EndEvent_AssignmentEscalated");
    assertThat(app.task(instance, ASSIGN_ASSESSOR).getId()).as("escalation does not cancel the task").isEqualTo(assignment.getId());
    app.assignAssessor(instance, "erin", "carol");

    // The assessor is silent: reminded, then the SEM team hands the assessment to dave.
    Task assessment = app.task(instance, ASSESS_EVIDENCE);
    assertThat(app.timer(instance, "BoundaryEvent_AssessmentReassignmentDue").getDuedate()).isCloseTo(daysFromNow(21), 60_000);
    app.fireTimer(instance, "BoundaryEvent_AssessmentOverdue");
    app.fireTimer(instance, "BoundaryEvent_AssessmentReassignmentDue");
    Task reassign = app.task(instance, ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR);
    BpmnAwareTests.assertThat(reassign).hasCandidateGroup("sem-team");
    assertThat(optionValues(reassign, ELIGIBLE_REPLACEMENTS.name())).contains("dave").doesNotContain("carol", "bob");
    app.claim("ivan", reassign);
    assertThatThrownBy(() -> app.complete("ivan", reassign, Map.of(NEW_ASSIGNEE_ID.name(), "bob")))
        .hasMessageContaining("never assesses their own application");
    app.complete("ivan", reassign, Map.of(NEW_ASSIGNEE_ID.name(), "dave"));
    Task reassigned = app.task(instance, ASSESS_EVIDENCE);
    assertThat(reassigned.getId()).isEqualTo(assessment.getId());
    BpmnAwareTests.assertThat(reassigned).isAssignedTo("dave");
    assertThat(app.variable(instance, ASSESSOR_ID.name())).isEqualTo("dave");
    assertThat(app.variable(instance, ImpactStatement.RESULTS.name())).as("work so far kept").asString().contains("9 minutes");
    app.score(instance, "dave", 9);

    // The review waits too long: the SEM team hands it to frank.
    app.fireTimer(instance, "BoundaryEvent_ReviewOverdue");
    app.fireTimer(instance, "BoundaryEvent_ReviewReassignmentDue");
    Task reassignReview = app.task(instance, ReviewRoundProcess.Tasks.REASSIGN_REVIEWER);
    assertThat(optionValues(reassignReview, ELIGIBLE_REPLACEMENTS.name())).contains("frank", "carol").doesNotContain("dave", "bob");
    app.work("erin", instance, ReviewRoundProcess.Tasks.REASSIGN_REVIEWER, Map.of(NEW_ASSIGNEE_ID.name(), "frank"));
    BpmnAwareTests.assertThat(app.task(instance, PEER_REVIEW)).isAssignedTo("frank");
    app.propose(instance, "frank", 6);

    app.fireTimer(instance, "BoundaryEvent_ModerationOverdue");
    app.complete("dave", app.task(instance, MODERATE_SCORE), Map.of(FINAL_SCORE.name(), 7, MODERATION_JUSTIFICATION.name(), "Not yet.",
        IMPROVEMENT_AREAS.name(), "Measure; goal: one figure."));

    // The resubmission has the same guideline.
    app.complete("bob", app.task(instance, ResubmissionProcess.Tasks.AMEND_APPLICATION), amendment("Measured.", "p95 from 800 to 120 ms."));
    app.fireTimer(instance, "BoundaryEvent_ReassessmentOverdue");
    app.fireTimer(instance, "BoundaryEvent_ReassessmentReassignmentDue");
    app.work("erin", instance, ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR, Map.of(NEW_ASSIGNEE_ID.name(), "grace"));
    app.work("grace", instance, ReviewRoundProcess.Tasks.REASSESS_EVIDENCE, Map.of(SCORE.name(), 9, JUSTIFICATION.name(), "Measured now."));
    app.fireTimer(instance, "BoundaryEvent_ReviewOverdue");
    app.fireTimer(instance, "BoundaryEvent_ReviewReassignmentDue");
    app.work("erin", instance, ReviewRoundProcess.Tasks.REASSIGN_REVIEWER, Map.of(NEW_ASSIGNEE_ID.name(), "carol"));
    app.propose(instance, "carol", 7);
    app.fireTimer(instance, "BoundaryEvent_ModerationOverdue");
    app.complete("grace", app.task(instance, MODERATE_SCORE), Map.of(FINAL_SCORE.name(), 8, MODERATION_JUSTIFICATION.name(), "It meets level 3."));

    assertThatApplication(instance).isEnded();
    assertThat(credentials.heldBy("bob")).singleElement().satisfies(credential -> {
      assertThat(credential.assessorId()).isEqualTo("grace");
      assertThat(credential.score()).isEqualTo(8);
    });
  }

  private ProcessInstance failedRound(String candidate, String skill, int level, String assessor, String reviewer) {
    ProcessInstance instance = app.submit(candidate, skill, level);
    app.assignAssessor(instance, "erin", assessor);
    app.score(instance, assessor, 5);
    app.agree(instance, reviewer);
    return instance;
  }

  private static Map<String, Object> amendment(String note, String results) {
    Map<String, Object> amended = SelfSubmissions.evidence("unused", 1);
    amended.remove(SKILL_CODE.name());
    amended.remove(SKILL_LEVEL.name());
    amended.put(ImpactStatement.RESULTS.name(), results);
    amended.put(ResubmissionProcess.Variables.RESUBMIT.name(), true);
    amended.put(ResubmissionProcess.Variables.AMENDMENTS.name(), note);
    return amended;
  }

  private ProcessInstance calledInstance(ProcessInstance instance) {
    return runtime().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
  }

  private java.util.Date daysFromNow(int days) {
    return java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(days)));
  }

  private List<String> optionValues(Task task, String variable) {
    Object options = engine.getTaskService().getVariable(task.getId(), variable);
    return org.camunda.spin.Spin.JSON(options).elements().stream()
        .map(option -> option.prop("value").stringValue()).toList();
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

}
