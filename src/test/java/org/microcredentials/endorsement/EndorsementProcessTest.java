package org.microcredentials.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.microcredentials.credential.CredentialVariables.CANDIDATE_ID;
import static org.microcredentials.credential.CredentialVariables.CREDENTIAL_ID;
import static org.microcredentials.credential.CredentialVariables.SKILL_CODE;
import static org.microcredentials.credential.CredentialVariables.SKILL_LEVEL;
import static org.microcredentials.endorsement.EndorsementProcess.Tasks.*;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.notification.Message;
import org.microcredentials.notification.Notifier;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of {@code EndorsementProcess} and {@code EndorsementRequestProcess}, with the real
 * rules, as the demo people: alice (level 2, line manager carol), bob (3, carol), carol and dave
 * (4, leaders), erin, frank and ivan (5, endorsement reviewers), grace (6).
 */
@ApplicationTest
@EndorsementDoubles
class EndorsementProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;
  @Autowired EndorsementRequestRegister requests;
  @Autowired EndorsementRegister endorsements;
  @Autowired Notifier notifier;
  @Autowired EndorsementPolicy policy;

  Endorsements app;

  @BeforeEach
  void setUp() {
    init(engine);
    app = new Endorsements(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @AfterEach
  void tearDown() {
    reset();
  }

  @Test
  void approvedAfterTwoRoundsOfFurtherJustificationIssuesTheCredential() {
    ProcessInstance instance = app.endorse("dave", "bob", "iOWN", 4, 9);

    assertThat(instance.getBusinessKey()).matches("END-2026-\\d{6}");
    BpmnAwareTests.assertThat(instance).isWaitingAt(EndorsementProcess.Elements.INFORM_LINE_MANAGER, REVIEW_ENDORSEMENT);
    BpmnAwareTests.assertThat(instance).variables().containsEntry(ENDORSER_ID.name(), "dave").containsEntry(CANDIDATE_ID.name(), "bob")
        .containsEntry(LINE_MANAGER_ID.name(), "carol").containsEntry(JUSTIFICATION_HISTORY.name(), "");
    BpmnAwareTests.assertThat(app.task(instance, REVIEW_ENDORSEMENT)).hasCandidateGroup("endorsement-reviewers");
    app.runJobs(instance.getBusinessKey());
    verify(notifier).send(argThat(to("carol", "Dave Example endorses Bob Example for iOWN:4")));

    app.review("erin", instance, EndorsementProcess.Decisions.REQUEST_JUSTIFICATION, "Which decisions did bob own?");
    BpmnAwareTests.assertThat(instance).isWaitingAt(PROVIDE_JUSTIFICATION);
    BpmnAwareTests.assertThat(app.task(instance, PROVIDE_JUSTIFICATION)).isAssignedTo("dave");
    app.justify("dave", instance, "He chose and ran the database migration, and owned its rollback plan.");

    BpmnAwareTests.assertThat(instance).isWaitingAt(REVIEW_ENDORSEMENT);
    app.review("frank", instance, EndorsementProcess.Decisions.REQUEST_JUSTIFICATION, "And after go-live?");
    app.justify("dave", instance, "He ran the on-call week after go-live and wrote the post-mortem.");
    String history = (String) engine.getRuntimeService().getVariable(instance.getId(), JUSTIFICATION_HISTORY.name());
    assertThat(history).isEqualTo("""
        Round 1, erin asked: Which decisions did bob own?

        Round 1, dave added: He chose and ran the database migration, and owned its rollback plan.

        Round 2, frank asked: And after go-live?

        Round 2, dave added: He ran the on-call week after go-live and wrote the post-mortem.""");

    app.review("erin", instance, EndorsementProcess.Decisions.APPROVE, "");
    BpmnAwareTests.assertThat(instance).isWaitingAt(EndorsementProcess.Elements.ISSUE_CREDENTIAL);
    app.runJobs(instance.getBusinessKey());

    BpmnAwareTests.assertThat(instance).isEnded()
        .hasPassed(EndorsementProcess.Elements.END_APPROVED, EndorsementProcess.Elements.END_APPROVED)
        .hasPassedInOrder(REVIEW_ENDORSEMENT, PROVIDE_JUSTIFICATION, REVIEW_ENDORSEMENT, PROVIDE_JUSTIFICATION,
            REVIEW_ENDORSEMENT, EndorsementProcess.Elements.ISSUE_CREDENTIAL);
    Credential credential = credentials.heldBy("bob").get(0);
    assertThat(credential.source()).isEqualTo(CredentialSource.ENDORSEMENT);
    assertThat(credential.skillCode()).isEqualTo("iOWN");
    assertThat(credential.skillLevel()).isEqualTo(4);
    assertThat(credential.score()).isEqualTo(9);
    assertThat(credential.assessorId()).isEqualTo("dave");
    assertThat(credential.reviewerIds()).containsExactly("erin");
    assertThat(credential.sourceKey()).isEqualTo(instance.getBusinessKey());
    assertThat(credential.evidenceSummary()).contains("Review turnaround fell", "Round 2, dave added");
    assertThat(historicVariable(instance, CREDENTIAL_ID.name())).isEqualTo(credential.id());
    assertThat(endorsements.byEndorser("dave")).singleElement().satisfies(endorsement -> {
      assertThat(endorsement.status()).isEqualTo(EndorsementRegister.Status.APPROVED);
      assertThat(endorsement.reviewerId()).isEqualTo("erin");
      assertThat(endorsement.justificationRounds()).isEqualTo(2);
    });
    verify(notifier).send(argThat(to("bob", "Endorsement approved: Bob Example holds iOWN:4")));
    verify(notifier).send(argThat(to("carol", "Endorsement approved: Bob Example holds iOWN:4")));
  }

  @Test
  void withdrawnTellsTheEndorserAndKindlyTheCandidate() {
    ProcessInstance instance = app.endorse("carol", "alice", "iPERF", 4, 8);
    app.review("ivan", instance, EndorsementProcess.Decisions.WITHDRAW, "Level 4 needs impact beyond one team.");
    app.runJobs(instance.getBusinessKey());

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed(EndorsementProcess.Elements.NOTIFY_ENDORSER_WITHDRAWN,
        EndorsementProcess.Elements.NOTIFY_CANDIDATE_WITHDRAWN, EndorsementProcess.Elements.END_WITHDRAWN)
        .hasNotPassed(EndorsementProcess.Elements.ISSUE_CREDENTIAL);
    assertThat(credentials.heldBy("alice")).isEmpty();
    assertThat(endorsements.status(instance.getBusinessKey())).isEqualTo(EndorsementRegister.Status.WITHDRAWN);
    verify(notifier).send(argThat(message -> message.toUserId().equals("carol")
        && message.subject().contains("was withdrawn") && message.body().contains("Level 4 needs impact beyond one team.")));
    verify(notifier).send(argThat(message -> message.toUserId().equals("alice")
        && message.subject().equals("About your endorsement for Performance")
        && message.body().contains("This is not a judgement of your work")
        && !message.body().contains("Level 4 needs impact")));
  }

  @Test
  void aCrashWhileIssuingRollsBackAndTheRetryIssuesOnce() {
    ProcessInstance instance = app.endorse("carol", "alice", "iLAN", 3, 9);
    app.runJobs(instance.getBusinessKey());
    app.review("erin", instance, EndorsementProcess.Decisions.APPROVE, "Clear.");
    Job issuing = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages().singleResult();

    // The node "crashes" after the credential row is written, before the job commits.
    doThrow(new IllegalStateException("node crashed")).doCallRealMethod()
        .when(endorsements).recordOutcome(eq(instance.getBusinessKey()), eq(EndorsementRegister.Status.APPROVED), any(), any());
    assertThatThrownBy(() -> engine.getManagementService().executeJob(issuing.getId())).hasMessageContaining("node crashed");
    assertThat(app.count("credential")).as("the credential rolled back with the failed job").isZero();
    assertThat(engine.getManagementService().createJobQuery().jobId(issuing.getId()).singleResult().getRetries())
        .as("R3/PT1M: two retries left").isEqualTo(2);

    engine.getManagementService().executeJob(issuing.getId());
    app.runJobs(instance.getBusinessKey());
    BpmnAwareTests.assertThat(instance).isEnded();
    assertThat(app.count("credential")).isEqualTo(1);
    Credential credential = credentials.heldBy("alice").get(0);
    assertThat(credential.id()).isEqualTo(historicVariable(instance, CREDENTIAL_ID.name()));
    // Issuing again for the same endorsement (a job run twice) returns the credential already issued.
    Credential again = credentials.issue(new CredentialRegister.Issue(instance.getBusinessKey(), "alice", "iLAN", 3, 9,
        CredentialSource.ENDORSEMENT, "carol", List.of("erin"), 1, "again", 8));
    assertThat(again.id()).isEqualTo(credential.id());
    assertThat(app.count("credential")).isEqualTo(1);
  }

  @Test
  void anAcceptedRequestStartsTheEndorsementWithTheLeaderAsEndorser() {
    ProcessInstance request = app.ask("bob", "dave", "iPERF", 4);
    assertThat(request.getBusinessKey()).matches("REQ-2026-\\d{6}");
    BpmnAwareTests.assertThat(request).isWaitingAt(EndorsementRequestProcess.Elements.NOTIFY_LEADER,
        EndorsementRequestProcess.Tasks.CONSIDER_REQUEST);
    BpmnAwareTests.assertThat(app.task(request, EndorsementRequestProcess.Tasks.CONSIDER_REQUEST)).isAssignedTo("dave");
    // The form shows the configured minimum score: the model hands it to the step (minimumScore, from the policy).
    assertThat(engine.getTaskService().getVariable(
        app.task(request, EndorsementRequestProcess.Tasks.CONSIDER_REQUEST).getId(),
        EndorsementRequestProcess.Variables.MINIMUM_SCORE.name()))
        .isEqualTo(policy.minimumScore());
    app.runJobs(request.getBusinessKey());
    verify(notifier).send(argThat(to("dave", "Bob Example asks you for an endorsement: iPERF:4")));

    Map<String, Object> answer = Endorsements.endorsementFields(9);
    answer.put(EndorsementRequestProcess.Variables.ACCEPT_REQUEST.name(), true);
    app.complete("dave", app.task(request, EndorsementRequestProcess.Tasks.CONSIDER_REQUEST), answer);

    BpmnAwareTests.assertThat(request).isWaitingAt(EndorsementRequestProcess.Elements.ENDORSEMENT);
    ProcessInstance endorsement = app.calledEndorsement(request);
    assertThat(endorsement.getBusinessKey()).isEqualTo(request.getBusinessKey());
    BpmnAwareTests.assertThat(endorsement).variables().containsEntry(ENDORSER_ID.name(), "dave")
        .containsEntry(CANDIDATE_ID.name(), "bob").containsEntry(SKILL_CODE.name(), "iPERF").containsEntry(SKILL_LEVEL.name(), 4);
    assertThat(requests.find(request.getBusinessKey()).orElseThrow().status())
        .isEqualTo(EndorsementRequestRegister.Status.ACCEPTED);

    app.review("grace", endorsement, EndorsementProcess.Decisions.APPROVE, "Well evidenced.");
    app.runJobs(request.getBusinessKey());

    BpmnAwareTests.assertThat(endorsement).isEnded().hasPassed(EndorsementProcess.Elements.END_APPROVED);
    BpmnAwareTests.assertThat(request).isEnded().hasPassed(EndorsementRequestProcess.Elements.END_ENDORSEMENT_CONCLUDED);
    Credential credential = credentials.heldBy("bob").get(0);
    assertThat(credential.source()).isEqualTo(CredentialSource.ENDORSEMENT);
    assertThat(credential.assessorId()).isEqualTo("dave");
    assertThat(credential.sourceKey()).isEqualTo(request.getBusinessKey());
    assertThat(historicVariable(request, APPROVED.name())).isEqualTo(true);
  }

  @Test
  void aDeclinedRequestTellsTheCandidateTheLeadersMessage() {
    ProcessInstance request = app.ask("alice", "dave", "iPERF", 3);
    app.work("dave", request, EndorsementRequestProcess.Tasks.CONSIDER_REQUEST, Map.of(
        EndorsementRequestProcess.Variables.ACCEPT_REQUEST.name(), false,
        EndorsementRequestProcess.Variables.DECLINE_MESSAGE.name(),
        "Not yet: let us pair on the next load test first."));
    app.runJobs(request.getBusinessKey());

    BpmnAwareTests.assertThat(request).isEnded()
        .hasPassed(EndorsementRequestProcess.Elements.NOTIFY_DECLINED, EndorsementRequestProcess.Elements.END_DECLINED)
        .hasNotPassed(EndorsementRequestProcess.Elements.ENDORSEMENT);
    assertThat(requests.find(request.getBusinessKey()).orElseThrow().status())
        .isEqualTo(EndorsementRequestRegister.Status.DECLINED);
    verify(notifier).send(argThat(message -> message.toUserId().equals("alice")
        && message.subject().equals("Dave Example declined your endorsement request for iPERF:3")
        && message.body().contains("Not yet: let us pair on the next load test first.")));
    assertThat(app.count("endorsement")).isZero();
  }

  @Test
  void anUnansweredRequestExpiresAndNoLongerCountsAsOpen() {
    ProcessInstance request = app.ask("alice", "carol", "iTEST", 3);
    app.runJobs(request.getBusinessKey());
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(request.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isCloseTo(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(14))),
        60_000);

    engine.getManagementService().executeJob(timer.getId());
    app.runJobs(request.getBusinessKey());

    BpmnAwareTests.assertThat(request).isEnded()
        .hasPassed(EndorsementRequestProcess.Elements.REQUEST_EXPIRED, EndorsementRequestProcess.Elements.RECORD_EXPIRY,
            EndorsementRequestProcess.Elements.NOTIFY_EXPIRED, EndorsementRequestProcess.Elements.END_EXPIRED)
        .hasNotPassed(EndorsementRequestProcess.Elements.ENDORSEMENT);
    assertThat(requests.find(request.getBusinessKey()).orElseThrow().status())
        .isEqualTo(EndorsementRequestRegister.Status.EXPIRED);
    assertThat(requests.countOpen("alice")).isZero();
    verify(notifier).send(argThat(to("alice", "Your endorsement request for iTEST:3 expired")));
    verify(notifier, never()).send(argThat(message -> message.toUserId().equals("alice")
        && message.subject().contains("declined")));
  }

  @Test
  void anOverdueReviewRemindsTheReviewersAndTheSemTeamAndStays() {
    ProcessInstance instance = app.endorse("carol", "alice", "iLAN", 3, 9);
    app.runJobs(instance.getBusinessKey());
    org.camunda.bpm.engine.task.Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(EndorsementProcess.Tasks.REVIEW_ENDORSEMENT).singleResult();
    assertThat(review.getDueDate()).isCloseTo(java.util.Date.from(clock.instant().plus(java.time.Duration.ofDays(14))), 1000);
    Job overdue = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId("BoundaryEvent_ReviewOverdue").singleResult();
    assertThat(overdue.getDuedate()).isCloseTo(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(14))),
        60_000);

    engine.getManagementService().executeJob(overdue.getId());
    app.runJobs(instance.getBusinessKey());

    BpmnAwareTests.assertThat(instance).hasPassed("ServiceTask_EscalateReview", "EndEvent_ReviewEscalated")
        .isWaitingAt(EndorsementProcess.Tasks.REVIEW_ENDORSEMENT);
    String subject = "Overdue: the review of Carol Example's endorsement of Alice Example for iLAN:3";
    for (String told : List.of("erin", "frank", "ivan", "grace")) {
      verify(notifier).send(argThat(to(told, subject)));
    }
    verify(notifier, never()).send(argThat(message -> message.subject().equals(subject)
        && List.of("carol", "alice").contains(message.toUserId())));
  }

  private static org.mockito.ArgumentMatcher<Message> to(String userId, String subject) {
    return message -> message != null && message.toUserId().equals(userId) && message.subject().equals(subject);
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }
}
