package org.microcredentials.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.microcredentials.expiry.CredentialExpiryProcess.Elements.*;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialRevocations;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.notification.Message;
import org.microcredentials.notification.Notifier;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.SelfSubmissions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of {@code CredentialExpiryProcess}, started by its daily timer: a holder is reminded
 * once, 30 days before a credential lapses for promotion; revoked, lapsed and later credentials
 * are left alone; a day with nothing lapsing ends at once; a mail outage retries the reminder.
 */
@ApplicationTest
class CredentialExpiryProcessTest {

  /** Keeps every message the application sends, instead of mailing or logging it. */
  @org.springframework.boot.test.context.TestConfiguration
  static class RecordingNotifier {

    @Bean
    @Primary
    List<Message> sentMessages() {
      return new CopyOnWriteArrayList<>();
    }

    @Bean
    AtomicBoolean mailDown() {
      return new AtomicBoolean();
    }

    @Bean
    @Primary
    Notifier recordingNotifier(List<Message> sentMessages, AtomicBoolean mailDown) {
      return message -> {
        if (mailDown.get()) {
          throw new IllegalStateException("mail server unreachable");
        }
        sentMessages.add(message);
      };
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister register;
  @Autowired CredentialRevocations revocations;
  @Autowired CredentialReminders reminders;
  @Autowired List<Message> sentMessages;
  @Autowired AtomicBoolean mailDown;

  @BeforeEach
  void setUp() {
    init(engine);
    new SelfSubmissions(engine, jdbc).clear();
    sentMessages.clear();
    mailDown.set(false);
  }

  @AfterEach
  void tearDown() {
    reset();
  }

  @Test
  void remindsEachHolderOnceThirtyDaysBeforeTheCredentialLapses() {
    Credential lapsingSoon = issueAt("2026-11-16T10:00:00Z", "APP-1", "alice", "iLAN", 3);
    Credential lapsingLater = issueAt("2027-01-20T10:00:00Z", "APP-2", "bob", "iPERF", 2);
    Credential revoked = issueAt("2026-11-10T10:00:00Z", "APP-3", "alice", "iOWN", 2);
    revocations.revoke(revoked.id(), "Issued in error", "demo");
    Credential lapsed = issueAt("2026-10-01T10:00:00Z", "APP-4", "bob", "iLAN", 2);

    clock.set(Instant.parse("2028-10-20T07:00:00Z"));
    ProcessInstance today = runTheDailyTimer();
    BpmnAwareTests.assertThat(today).isWaitingAt(REMIND_HOLDER);
    runJobs(today);

    BpmnAwareTests.assertThat(today).isEnded()
        .hasPassedInOrder(START, FIND_LAPSING_CREDENTIALS, ANY_CREDENTIAL_LAPSING, REMINDER_DUE, REMIND_HOLDER,
            END_HOLDER_REMINDED, END_HOLDERS_REMINDED);
    assertThat(sentMessages).singleElement().satisfies(message -> {
      assertThat(message.toUserId()).isEqualTo("alice");
      assertThat(message.toAddress()).isEqualTo("alice@example.org");
      assertThat(message.subject())
          .isEqualTo("Your credential Language Knowledge iLAN:3 stops counting for promotion on 16 November 2028");
      assertThat(message.body()).startsWith("Hello Alice,").contains("/credentials/" + lapsingSoon.id());
    });
    assertThat(reminders.reminded(lapsingSoon.id())).isTrue();
    assertThat(reminders.reminded(lapsingLater.id())).isFalse();
    assertThat(reminders.reminded(revoked.id())).isFalse();
    assertThat(reminders.reminded(lapsed.id())).isFalse();

    sentMessages.clear();
    clock.set(Instant.parse("2028-10-21T07:00:00Z"));
    String tomorrow = runTheDailyTimerToItsEnd();
    assertThat(passed(tomorrow)).containsExactly(START, FIND_LAPSING_CREDENTIALS, ANY_CREDENTIAL_LAPSING, END_NONE_LAPSING);
    assertThat(sentMessages).as("reminded once").isEmpty();
  }

  @Test
  void aMailOutageRetriesTheReminderWithoutPickingTheCredentialAgain() {
    Credential lapsingSoon = issueAt("2026-11-16T10:00:00Z", "APP-6", "alice", "iLAN", 3);
    clock.set(Instant.parse("2028-10-20T07:00:00Z"));
    mailDown.set(true);
    ProcessInstance today = runTheDailyTimer();

    Job reminder = engine.getManagementService().createJobQuery().processInstanceId(today.getId()).singleResult();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(reminder.getId()))
        .hasMessageContaining("mail server unreachable");
    Job retried = engine.getManagementService().createJobQuery().jobId(reminder.getId()).singleResult();
    assertThat(retried.getRetries()).as("R3/PT5M: two retries left").isEqualTo(2);
    assertThat(retried.getExceptionMessage()).contains("mail server unreachable");
    assertThat(reminders.reminded(lapsingSoon.id())).isTrue();

    mailDown.set(false);
    engine.getManagementService().executeJob(reminder.getId());
    BpmnAwareTests.assertThat(today).isEnded().hasPassed(END_HOLDERS_REMINDED);
    assertThat(sentMessages).singleElement().satisfies(message -> assertThat(message.toUserId()).isEqualTo("alice"));
  }

  @Test
  void aDayWithNothingLapsingEndsAtOnce() {
    issueAt("2026-11-16T10:00:00Z", "APP-5", "alice", "iLAN", 3);
    clock.set(Instant.parse("2026-12-01T07:00:00Z"));

    String instance = runTheDailyTimerToItsEnd();

    assertThat(passed(instance)).containsExactly(START, FIND_LAPSING_CREDENTIALS, ANY_CREDENTIAL_LAPSING, END_NONE_LAPSING);
    assertThat(sentMessages).isEmpty();
  }

  @Test
  void theTimerStartsTheProcessEveryDay() {
    Job timer = timer();
    assertThat(timer.getDuedate()).isNotNull();
    engine.getManagementService().executeJob(timer.getId());
    Job next = timer();
    assertThat(next.getId()).isNotEqualTo(timer.getId());
    assertThat(next.getDuedate()).isAfterOrEqualTo(timer.getDuedate());
  }

  // --- helpers

  private Credential issueAt(String instant, String sourceKey, String holder, String skill, int level) {
    clock.set(Instant.parse(instant));
    return register.issue(new CredentialRegister.Issue(sourceKey, holder, skill, level, 9, CredentialSource.SELF_SUBMISSION,
        "carol", List.of("dave"), 1, "Cut the build time from 40 to 9 minutes.", 8));
  }

  private Job timer() {
    return engine.getManagementService().createJobQuery().processDefinitionKey(CredentialExpiryProcess.KEY).timers()
        .singleResult();
  }

  /** What the job executor does at 07:00: the timer job starts an instance, which runs until its reminders' jobs. */
  private ProcessInstance runTheDailyTimer() {
    engine.getManagementService().executeJob(timer().getId());
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CredentialExpiryProcess.KEY)
        .singleResult();
  }

  private String runTheDailyTimerToItsEnd() {
    List<String> before = historicInstances();
    engine.getManagementService().executeJob(timer().getId());
    List<String> after = historicInstances();
    after.removeAll(before);
    assertThat(after).hasSize(1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(after.get(0)).count()).isZero();
    return after.get(0);
  }

  private List<String> historicInstances() {
    return new java.util.ArrayList<>(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(CredentialExpiryProcess.KEY).list().stream().map(instance -> instance.getId()).toList());
  }

  private List<String> passed(String processInstanceId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .orderPartiallyByOccurrence().asc().list().stream().map(HistoricActivityInstance::getActivityId).toList();
  }

  private void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }
}
