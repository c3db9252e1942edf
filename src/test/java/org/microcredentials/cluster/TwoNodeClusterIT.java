package org.microcredentials.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsApplication;
import org.microcredentials.notification.Notifier;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.microcredentials.testing.EmbeddedPostgres;
import org.microcredentials.testing.SelfSubmissions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's homogeneous cluster: two application nodes (two Spring contexts, each with its own
 * process engine and job executor) on one PostgreSQL database, no other coordinator. 240
 * self-submissions are driven through both nodes at once, every step on the node the previous one
 * did not use; notifications, the async join and issuing run on whichever node's job executor
 * acquires the job, and the two-week SLA is shortened to two seconds so escalation timers really
 * fire. Every credential and every notification must have happened exactly once, and no instance
 * may be left stuck.
 */
@Tag("cluster")
class TwoNodeClusterIT {

  private static final String ESCALATION_SLA = "PT2S";
  private static final List<String> CANDIDATES = List.of("henry", "alice", "bob", "carol", "dave");
  private static final List<String> SKILLS = List.of("iLAN", "iPERF", "iOWN", "iTEST", "iARCH", "iSEC", "iOPS",
      "iDATA", "iDEL", "iCOLL", "iCOMM", "iMENT");
  /** Levels 1..3 need one peer reviewer, level 4 two: both shapes of the flow run. */
  private static final int HIGHEST_LEVEL = 4;
  private static final List<String> SENIORS = List.of("carol", "dave", "erin", "frank", "ivan", "grace");
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);

  private static final RecordingNotifier NOTIFICATIONS = new RecordingNotifier();

  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;
  private static List<ProcessEngine> engines;

  /** What every node adds to the application: the recording notifier in place of mail. */
  @Configuration(proxyBeanMethods = false)
  static class ClusterNode {
    @Bean
    @Primary
    Notifier recordingNotifier() {
      return NOTIFICATIONS;
    }
  }

  @BeforeAll
  static void startTwoNodes() throws SQLException {
    String database = freshDatabase("cluster_test");
    // One after the other, as a rolling start would: the first creates the schema and the demo data.
    nodeA = node("nodeA", database);
    nodeB = node("nodeB", database);
    engines = List.of(nodeA.getBean(ProcessEngine.class), nodeB.getBean(ProcessEngine.class));
  }

  @AfterAll
  static void stopNodes() {
    if (nodeB != null) {
      nodeB.close();
    }
    if (nodeA != null) {
      nodeA.close();
    }
  }

  @Test
  void everyCredentialAndEveryNotificationHappensExactlyOnceAndNoInstanceIsStuck() throws Exception {
    assertThat(engines.get(0).getName()).isNotEqualTo(engines.get(1).getName());

    // One chain per candidate and skill climbs the levels (a held level blocks applying for it again).
    ExecutorService workers = Executors.newFixedThreadPool(12);
    List<Future<List<String>>> chains = new ArrayList<>();
    int chainNumber = 0;
    for (String candidate : CANDIDATES) {
      for (String skill : SKILLS) {
        int chain = chainNumber++;
        chains.add(workers.submit(() -> {
          List<String> instanceIds = new ArrayList<>();
          for (int level = 1; level <= HIGHEST_LEVEL; level++) {
            instanceIds.add(runFlow(chain * HIGHEST_LEVEL + level, candidate, skill, level));
          }
          return instanceIds;
        }));
      }
    }
    List<String> instanceIds = new ArrayList<>();
    for (Future<List<String>> chain : chains) {
      instanceIds.addAll(chain.get(10, TimeUnit.MINUTES));
    }
    workers.shutdown();
    int flows = CANDIDATES.size() * SKILLS.size() * HIGHEST_LEVEL;
    assertThat(instanceIds).hasSize(flows).doesNotHaveDuplicates();

    ProcessEngine engine = engines.get(0);
    HistoryService history = engine.getHistoryService();

    // No instance stuck: every one ended normally; no job, incident or task is left.
    List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(SelfSubmissionProcess.KEY).list();
    assertThat(instances).hasSize(flows)
        .allSatisfy(instance -> assertThat(instance.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    // (The history cleanup job has no instance and stays: it belongs to the engine.)
    assertThat(engine.getManagementService().createJobQuery().list())
        .filteredOn(job -> job.getProcessInstanceId() != null).isEmpty();
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();

    // Every credential exactly once: one per application, keyed by its business key.
    JdbcClient jdbc = JdbcClient.create(nodeA.getBean(javax.sql.DataSource.class));
    Set<String> businessKeys = instances.stream().map(HistoricProcessInstance::getBusinessKey).collect(Collectors.toSet());
    List<String> sourceKeys = jdbc.sql("select source_key from credential").query(String.class).list();
    assertThat(sourceKeys).hasSize(flows).doesNotHaveDuplicates();
    assertThat(Set.copyOf(sourceKeys)).isEqualTo(businessKeys);

    // Every notification exactly once: each recipient of each committed notification step got
    // one message, and no step sent anything that did not commit (a second run on the other node would).
    Map<String, Long> committedSteps = history.createHistoricActivityInstanceQuery().activityType("serviceTask")
        .finished().list().stream()
        .filter(step -> step.getActivityId().startsWith("ServiceTask_Notify")
            || step.getActivityId().startsWith("ServiceTask_Escalate"))
        .collect(Collectors.groupingBy(TwoNodeClusterIT::step, Collectors.counting()));
    Map<String, Map<String, Long>> messagesPerStep = NOTIFICATIONS.sent().stream()
        .collect(Collectors.groupingBy(sent -> sent.processInstanceId() + "/" + sent.activityId(),
            Collectors.groupingBy(RecordingNotifier.Sent::recipient, Collectors.counting())));
    assertThat(messagesPerStep.keySet()).isEqualTo(committedSteps.keySet());
    messagesPerStep.forEach((step, perRecipient) -> assertThat(perRecipient.values())
        .as("messages per recipient of %s", step)
        .allSatisfy(count -> assertThat(count).isEqualTo(committedSteps.get(step))));

    // Per flow: the assessor once, the reviewers once, the candidate once.
    long assessorMessages = NOTIFICATIONS.sent().stream()
        .filter(sent -> sent.activityId().equals("ServiceTask_NotifyAssessor")).count();
    long candidateMessages = NOTIFICATIONS.sent().stream()
        .filter(sent -> sent.activityId().equals("ServiceTask_NotifyCandidateOfPass")).count();
    assertThat(assessorMessages).isEqualTo(flows);
    assertThat(candidateMessages).isEqualTo(flows);

    // The timers really fired: every fourth flow waited for its assignment escalation, sent once.
    List<HistoricActivityInstance> escalations = history.createHistoricActivityInstanceQuery()
        .activityId("ServiceTask_EscalateAssignment").finished().list();
    assertThat(escalations).hasSizeGreaterThanOrEqualTo(flows / 4);
    assertThat(escalations.stream().map(HistoricActivityInstance::getProcessInstanceId)).doesNotHaveDuplicates();
    // Both job executors did work.
    assertThat(NodeJobs.nodesThatRanJobs(history)).isEqualTo(2);
  }

  private static String step(HistoricActivityInstance step) {
    return step.getProcessInstanceId() + "/" + step.getActivityId();
  }

  /** One self-submission from start to credential, each step on the other node. */
  private static String runFlow(int flow, String candidate, String skill, int level) {
    Map<String, Object> evidence = SelfSubmissions.evidence(skill, level);
    var started = retrying(() -> as(engine(flow, 0), candidate,
        () -> engine(flow, 0).getRuntimeService().startProcessInstanceByKey(SelfSubmissionProcess.KEY, evidence)));
    String instanceId = started.getId();
    // The application's tasks and steps are in its review round, called with the same business key.
    String businessKey = started.getBusinessKey();

    if (flow % 4 == 0) {
      // Leave the SEM team's task past its (shortened) response time: the escalation timer fires on some node.
      await(() -> engine(flow, 0).getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
          .list().stream().mapToLong(each -> engine(flow, 0).getHistoryService().createHistoricActivityInstanceQuery()
              .processInstanceId(each.getId()).activityId("ServiceTask_EscalateAssignment").finished().count()).sum() == 1,
          "assignment escalated", instanceId);
    }

    List<String> seniors = SENIORS.stream().filter(person -> !person.equals(candidate)).toList();
    String assessor = seniors.get(flow % seniors.size());
    String semMember = flow % 2 == 0 ? "erin" : "ivan";
    work(engine(flow, 1), businessKey, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, List.of(semMember),
        Map.of(ASSESSOR_ID.name(), assessor));
    work(engine(flow, 2), businessKey, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, List.of(assessor),
        Map.of(SCORE.name(), 9, JUSTIFICATION.name(), "Clear impact, measured results."));

    List<String> reviewers = seniors.stream().filter(person -> !person.equals(assessor)).toList();
    int reviewerCount = level >= 4 ? 2 : 1;
    List<String> chosen = List.of(reviewers.get(flow % reviewers.size()), reviewers.get((flow + 1) % reviewers.size()))
        .subList(0, reviewerCount);
    work(engine(flow, 3), businessKey, ReviewRoundProcess.Tasks.PEER_REVIEW, chosen,
        Map.of(REVIEW_AGREES.name(), true, REVIEW_COMMENT.name(), "Agreed."));

    // The async join, issuing and the candidate's message run on the job executors.
    await(() -> engine(flow, 4).getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instanceId)
        .finished().count() == 1, "instance ended", instanceId);
    return instanceId;
  }

  /** Waits for the task(s) to appear, then each person claims and completes one. */
  private static void work(ProcessEngine engine, String businessKey, String taskKey, List<String> people,
      Map<String, Object> variables) {
    await(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
        .count() == people.size(), taskKey, businessKey);
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskKey).list();
    for (int i = 0; i < people.size(); i++) {
      String person = people.get(i);
      Task task = tasks.get(i);
      retrying(() -> as(engine, person, () -> {
        if (task.getAssignee() == null) {
          engine.getTaskService().claim(task.getId(), person);
        }
        return null;
      }));
      retrying(() -> as(engine, person, () -> {
        engine.getTaskService().complete(task.getId(), new HashMap<>(variables));
        return null;
      }));
    }
  }

  private static ProcessEngine engine(int flow, int step) {
    return engines.get((flow + step) % 2);
  }

  /** A client's answer to a concurrent change (a timer firing on the same task): try again. */
  private static <T> T retrying(Supplier<T> action) {
    for (int attempt = 1; ; attempt++) {
      try {
        return action.get();
      } catch (OptimisticLockingException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  private static <T> T as(ProcessEngine engine, String user, Supplier<T> action) {
    var identity = engine.getIdentityService();
    identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
        .map(group -> group.getId()).toList());
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static void await(Supplier<Boolean> condition, String what, String instanceId) {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Stuck: " + what + " did not happen in " + STEP_TIMEOUT + " for " + instanceId);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + what, e);
      }
    }
  }

  private static ConfigurableApplicationContext node(String engineName, String jdbcUrl) {
    return new SpringApplicationBuilder(MicroCredentialsApplication.class, ClusterNode.class)
        .profiles("demo")
        .run("--server.port=0",
            "--spring.datasource.url=" + jdbcUrl,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            // Each node its own engine name: both live in this JVM's ProcessEngines registry.
            "--camunda.bpm.process-engine-name=" + engineName,
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.job-execution.deployment-aware=false",
            // Idle nodes look for jobs (and due timers) at least every second.
            "--camunda.bpm.job-execution.wait-time-in-millis=500",
            "--camunda.bpm.job-execution.max-wait=1000",
            "--microcredentials.sla.response-time=" + ESCALATION_SLA,
            "--microcredentials.monthly-cap=1000",
            "--logging.level.notifications=WARN");
  }

  /** A database of its own in the shared embedded PostgreSQL, so no other test sees these instances. */
  private static String freshDatabase(String name) throws SQLException {
    String postgres = EmbeddedPostgres.jdbcUrl();
    try (Connection connection = DriverManager.getConnection(postgres, "postgres", "postgres")) {
      connection.createStatement().execute("drop database if exists " + name);
      connection.createStatement().execute("create database " + name);
    }
    return postgres.replaceFirst("/postgres\\?", "/" + name + "?");
  }

  /** Which nodes ran jobs, told apart by the job log's host name (the engine name is part of it here). */
  static final class NodeJobs {
    static long nodesThatRanJobs(HistoryService history) {
      Map<String, Boolean> hosts = new ConcurrentHashMap<>();
      history.createHistoricJobLogQuery().successLog().list().forEach(log -> hosts.put(log.getHostname(), true));
      return hosts.size();
    }
  }
}
