package org.microcredentials.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microcredentials.review.ReviewRoundProcess.Tasks.*;
import static org.microcredentials.testing.ApplicationAssert.assertThatApplication;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Instances started on the models as they were before the cross-cutting task behaviour moved out
 * of them (src/test/resources/upgrade/: every user task binding holdersAsModelled, the assignment
 * guard, actors.recordAssignee and the hiding listener) keep running once today's models are
 * deployed: Camunda runs them on their own version, the beans they name still work, and what
 * UserTaskEventListener now does on every task as well does not clash with what they bind (their group
 * tasks are hidden once, not once per path). One instance waits at the assessment, one at the peer review.
 * Today's models call the review round (ReviewRoundProcess); an old application that fails calls the
 * latest resubmission, whose re-assessment is that round.
 */
@ApplicationTest
class RunningInstancesSurviveUpgradeTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;

  SelfSubmissions app;
  Deployment before;
  Deployment after;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
    before = repository().createDeployment().name("before the upgrade")
        .addClasspathResource("upgrade/self-submission-before-review-round.bpmn")
        .addClasspathResource("upgrade/resubmission-before-review-round.bpmn")
        .deploy();
  }

  @AfterEach
  void tearDown() {
    repository().deleteDeployment(before.getId(), true);
    if (after != null) {
      repository().deleteDeployment(after.getId(), true);
    }
    BpmnAwareTests.reset();
  }

  RepositoryService repository() {
    return engine.getRepositoryService();
  }

  @Test
  void instancesWaitingAtAssessmentAndAtPeerReviewCompleteOnTheirOwnVersion() {
    ProcessDefinition old = repository().createProcessDefinitionQuery().deploymentId(before.getId())
        .processDefinitionKey(SelfSubmissionProcess.KEY).singleResult();
    ProcessInstance atAssessment = start(old, "alice", "iLAN", 3);
    app.assignAssessor(atAssessment, "erin", "carol");
    ProcessInstance atReview = start(old, "bob", "iPERF", 3);
    app.assignAssessor(atReview, "ivan", "dave");
    app.score(atReview, "dave", 9);
    BpmnAwareTests.assertThat(atAssessment).isWaitingAt(ASSESS_EVIDENCE);
    BpmnAwareTests.assertThat(atReview).isWaitingAt(PEER_REVIEW);

    upgrade();
    ProcessDefinition latest = repository().createProcessDefinitionQuery().processDefinitionKey(SelfSubmissionProcess.KEY)
        .latestVersion().singleResult();
    assertThat(latest.getDeploymentId()).isEqualTo(after.getId());
    assertThat(latest.getVersion()).isGreaterThan(old.getVersion());

    // The old peer review is hidden from the candidate and the assessor once, and guarded as before.
    Task review = app.task(atReview, PEER_REVIEW);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE)
        .resourceType(Resources.TASK).resourceId(review.getId()).list())
        .extracting(Authorization::getUserId).containsExactlyInAnyOrder("bob", "dave");
    assertThatThrownBy(() -> engine.getTaskService().claim(review.getId(), "bob"))
        .hasStackTraceContaining("A candidate never reviews their own application");

    // The old assessment declares no holder: it is held by the role the newest model gives its task id, the assessor.
    Task assessment = app.task(atAssessment, ASSESS_EVIDENCE);
    assertThatThrownBy(() -> engine.getTaskService().setAssignee(assessment.getId(), "dave"))
        .hasStackTraceContaining("This task belongs to the assessor carol; dave may not take it.");

    app.score(atAssessment, "carol", 9);
    app.agree(atAssessment, "frank");
    app.agree(atReview, "carol");
    app.runJobs(atAssessment);
    app.runJobs(atReview);

    for (ProcessInstance instance : List.of(atAssessment, atReview)) {
      BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_CredentialIssued");
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
          .singleResult().getProcessDefinitionId()).isEqualTo(old.getId());
    }
    assertThat(credentials.heldBy("alice")).singleElement().satisfies(credential -> {
      assertThat(credential.assessorId()).isEqualTo("carol");
      assertThat(credential.reviewerIds()).containsExactly("frank");
    });
    assertThat(credentials.heldBy("bob")).singleElement().satisfies(credential -> {
      assertThat(credential.assessorId()).isEqualTo("dave");
      assertThat(credential.reviewerIds()).containsExactly("carol");
    });
  }

  /**
   * An application that fails on the old model calls the latest ResubmissionProcess (its call
   * activity binds "latest"): the new one, whose re-assessment is a review round. It amends, the same
   * assessor re-assesses in the round, and the credential is issued; the old instance closes.
   */
  @Test
  void anOldApplicationThatFailsIsResubmittedThroughTheNewReviewRound() {
    ProcessDefinition old = repository().createProcessDefinitionQuery().deploymentId(before.getId())
        .processDefinitionKey(SelfSubmissionProcess.KEY).singleResult();
    ProcessInstance instance = start(old, "henry", "iTEST", 1);
    app.assignAssessor(instance, "erin", "dave");
    app.score(instance, "dave", 5);
    upgrade();

    app.agree(instance, "carol");
    ProcessInstance resubmission = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).singleResult();
    assertThat(resubmission.getProcessDefinitionId()).isEqualTo(repository().createProcessDefinitionQuery()
        .deploymentId(after.getId()).processDefinitionKey(ResubmissionProcess.KEY).singleResult().getId());
    java.util.Map<String, Object> amended = new java.util.HashMap<>(SelfSubmissions.evidence("iTEST", 1));
    amended.remove(CredentialVariables.SKILL_CODE.name());
    amended.remove(CredentialVariables.SKILL_LEVEL.name());
    amended.put(ResubmissionProcess.Variables.RESUBMIT.name(), true);
    amended.put(ResubmissionProcess.Variables.AMENDMENTS.name(), "Added the release figures.");
    app.complete("henry", app.task(instance, ResubmissionProcess.Tasks.AMEND_APPLICATION), amended);
    app.work("dave", instance, ReviewRoundProcess.Tasks.REASSESS_EVIDENCE,
        java.util.Map.of(ReviewRoundProcess.Variables.SCORE.name(), 9, ReviewRoundProcess.Variables.JUSTIFICATION.name(), "Now clear."));
    app.agree(instance, "carol");

    assertThatApplication(instance).hasPassed(ReviewRoundProcess.Elements.END_PASSED);
    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(SelfSubmissionProcess.Elements.END_APPLICATION_CLOSED);
    assertThat(credentials.heldBy("henry")).singleElement().satisfies(credential -> {
      assertThat(credential.assessorId()).isEqualTo("dave");
      assertThat(credential.score()).isEqualTo(9);
      assertThat(credential.reviewerIds()).containsExactly("carol");
    });
  }

  private void upgrade() {
    after = repository().createDeployment().name("the upgrade")
        .addClasspathResource("processes/review-round.bpmn")
        .addClasspathResource("processes/self-submission.bpmn")
        .addClasspathResource("processes/resubmission.bpmn")
        .deploy();
  }

  private ProcessInstance start(ProcessDefinition definition, String candidate, String skillCode, int skillLevel) {
    return app.as(candidate, () -> engine.getRuntimeService().startProcessInstanceById(definition.getId(),
        SelfSubmissions.evidence(skillCode, skillLevel)));
  }
}
