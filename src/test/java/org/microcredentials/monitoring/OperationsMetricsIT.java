package org.microcredentials.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.notification.Notifier;
import org.microcredentials.promotion.PromotionApplicationProcess;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.Promotions;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * /actuator/prometheus after real flows: the flow counters and timers, the open and overdue task
 * gauges, SLA escalations, mail failures, failed jobs and incidents move as the flows run. Only an
 * administrator scrapes (401 without credentials, 403 for the SEM team and engineers). Software that is
 * not ours reads them: promtool lints the scrape, and a Prometheus server scrapes the application and
 * answers every query of the Grafana dashboard.
 * {@link OperationsHealthIT} proves /actuator/health.
 */
@ApplicationTest
@AutoConfigureObservability(tracing = false)
// Gauges read afresh at each scrape (the default keeps them a second, for the scrapes of one moment).
@TestPropertySource(properties = "microcredentials.metrics.gauges-fresh-for=PT0S")
class OperationsMetricsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;
  /** Mail that works until a test breaks it. */
  @MockitoBean Notifier notifier;

  private final AtomicBoolean mailDown = new AtomicBoolean();
  private SelfSubmissions app;

  @BeforeEach
  void setUp() {
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
    mailDown.set(false);
    doAnswer(invocation -> {
      if (mailDown.get()) {
        throw new MailSendException("SMTP server unreachable");
      }
      return null;
    }).when(notifier).send(any());
  }

  @AfterEach
  void tearDown() {
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @Test
  void aPassedSelfSubmissionMovesTheFlowMetricsAndTheTaskGauges() {
    String before = scrape();
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    String submitted = scrape();
    assertThat(value(submitted, "microcredentials_flow_started_total", "flow", "self-submission"))
        .isEqualTo(value(before, "microcredentials_flow_started_total", "flow", "self-submission") + 1);
    assertThat(value(submitted, "microcredentials_tasks_open", "task", ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR))
        .isEqualTo(1);

    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 9);
    app.agree(instance, "dave");
    String passed = scrape();
    assertThat(value(passed, "microcredentials_flow_outcome_seconds_count", "flow", "self-submission", "outcome", "passed"))
        .isEqualTo(value(before, "microcredentials_flow_outcome_seconds_count", "flow", "self-submission", "outcome", "passed") + 1);
    assertThat(value(passed, "microcredentials_flow_outcome_seconds_count", "flow", "self-submission", "outcome", "failed"))
        .isEqualTo(value(before, "microcredentials_flow_outcome_seconds_count", "flow", "self-submission", "outcome", "failed"));
    assertThat(passed).contains("microcredentials_flow_outcome_seconds_sum{", "microcredentials_flow_outcome_seconds_max{");
    assertThat(value(passed, "microcredentials_tasks_open", "task", ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR)).isZero();
    assertThat(value(passed, "microcredentials_tasks_open", "task", ReviewRoundProcess.Tasks.PEER_REVIEW)).isZero();
  }

  @Test
  void aPromotionApplicationIsAFlowOfItsOwnWithItsDecisionAsOutcome() {
    String before = scrape();
    Promotions promotions = new Promotions(engine, jdbc, credentials);
    int version = jdbc.sql("select max(version) from skill_framework").query(Integer.class).single();
    for (String skill : List.of("iOWN", "iPERF", "iSEC", "iCOMM")) {
      promotions.holds("bob", skill, 4, 9, version);
    }
    ProcessInstance promotion = promotions.apply("bob", 4);
    assertThat(value(scrape(), "microcredentials_flow_started_total", "flow", "promotion-application"))
        .isEqualTo(value(before, "microcredentials_flow_started_total", "flow", "promotion-application") + 1);
    promotions.giveEvidence(promotion, "iARCH");
    promotions.giveEvidence(promotion, "iMENT");
    promotions.assess(promotion, "iARCH", "carol", 9, "frank", "grace");
    promotions.assess(promotion, "iMENT", "dave", 9, "frank", "grace");
    promotions.work("erin", promotions.only(promotion, PromotionApplicationProcess.Tasks.INTERVIEW_CANDIDATE), Map.of(
        PromotionApplicationProcess.Variables.INTERVIEW_PASSED.name(), false,
        PromotionApplicationProcess.Variables.INTERVIEW_NOTES.name(), "Not yet clear on trade-offs."));
    promotions.work("ivan", promotions.only(promotion, PromotionApplicationProcess.Tasks.DECIDE_PROMOTION), Map.of(
        PromotionApplicationProcess.Variables.PROMOTED.name(), false,
        PromotionApplicationProcess.Variables.DECISION_JUSTIFICATION.name(), "The interview did not pass."));
    promotions.app().runJobs(promotion);

    String decided = scrape();
    assertThat(value(decided, "microcredentials_flow_outcome_seconds_count", "flow", "promotion-application", "outcome", "failed"))
        .isEqualTo(value(before, "microcredentials_flow_outcome_seconds_count", "flow", "promotion-application", "outcome", "failed") + 1);
    assertThat(value(decided, "microcredentials_flow_outcome_seconds_count", "flow", "promotion-application", "outcome", "passed"))
        .isEqualTo(value(before, "microcredentials_flow_outcome_seconds_count", "flow", "promotion-application", "outcome", "passed"));
  }

  @Test
  void anOverdueAssessmentShowsAsOverdueAndItsEscalationIsCounted() {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    String onTime = scrape();
    assertThat(value(onTime, "microcredentials_tasks_open", "task", ReviewRoundProcess.Tasks.ASSESS_EVIDENCE)).isEqualTo(1);
    assertThat(value(onTime, "microcredentials_tasks_overdue")).isZero();

    clock.set(TestConfiguration.MID_NOVEMBER_2026.plus(Duration.ofDays(15)));
    app.fireTimer(instance, "BoundaryEvent_AssessmentOverdue");
    String late = scrape();
    assertThat(value(late, "microcredentials_tasks_overdue")).isEqualTo(1);
    assertThat(value(late, "microcredentials_sla_escalations_total", "step", "BoundaryEvent_AssessmentOverdue"))
        .isEqualTo(value(onTime, "microcredentials_sla_escalations_total", "step", "BoundaryEvent_AssessmentOverdue") + 1);
  }

  @Test
  void aMailOutageCountsMailFailuresThenAFailedJobAndAnIncident() {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    String before = scrape();
    theAssessorsMailFailsUntilItsRetriesAreSpent(instance);
    String after = scrape();
    assertThat(value(after, "microcredentials_mail_failures_total"))
        .isEqualTo(value(before, "microcredentials_mail_failures_total") + 3);
    assertThat(value(after, "microcredentials_jobs_failed")).isEqualTo(1);
    assertThat(value(after, "microcredentials_incidents_open")).isEqualTo(1);
  }

  /** Prometheus's own lint reads the scrape: it parses, and nothing it finds is about a metric of ours. */
  @Test
  void promtoolReadsTheScrapeAndFindsNoProblemWithOurMetrics() throws Exception {
    PrometheusServer.assumeInstalled();
    everyMetricOfOursMoves();
    PrometheusServer.Result lint = PrometheusServer.promtoolCheckMetrics(scrape());
    // 1 would be a scrape promtool cannot read; 3 is lint, here only of Micrometer's own metrics (help texts, units).
    assertThat(lint.exitCode()).as(lint.output()).isIn(0, 3);
    assertThat(lint.lines()).as("promtool on our metrics").noneMatch(line -> line.startsWith("microcredentials_"));
  }

  /**
   * A real Prometheus server scrapes the running application with an administrator's HTTP Basic, as
   * docs/operations.md configures it, and answers every query of docs/grafana-dashboard.json with series: the
   * dashboard's variable (Grafana's label_values) finds the application, and no panel is empty.
   */
  @Test
  void aPrometheusServerScrapesTheAppAndAnswersEveryQueryOfTheDashboard() throws Exception {
    PrometheusServer.assumeInstalled();
    everyMetricOfOursMoves();
    JsonNode dashboard = JSON.readTree(Path.of("docs/grafana-dashboard.json").toFile());
    List<String> queries = dashboard.findValues("expr").stream().map(JsonNode::asText).distinct().toList();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
    try (PrometheusServer prometheus = PrometheusServer.scraping(port, "demo", "demo")) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      List<String> applications = List.of();
      List<String> empty = queries;
      while (System.nanoTime() < deadline && !(applications.size() == 1 && empty.isEmpty())) {
        Thread.sleep(500);
        applications = texts(prometheus.api("/api/v1/label/application/values?match[]="
            + URLEncoder.encode("microcredentials_flow_started_total", StandardCharsets.UTF_8)));
        if (applications.size() == 1) {
          String application = applications.get(0);
          List<String> stillEmpty = new ArrayList<>();
          for (String query : queries) {
            if (prometheus.query(query.replace("$application", application)).isEmpty()) {
              stillEmpty.add(query);
            }
          }
          empty = stillEmpty;
        }
      }
      assertThat(prometheus.query("up{job=\"micro-credentials\"}").findValues("value"))
          .as("the scrape target is up\n%s", prometheus.log()).singleElement()
          .satisfies(value -> assertThat(value.get(1).asText()).isEqualTo("1"));
      assertThat(applications).as("the dashboard's application variable").containsExactly("micro-credentials");
      assertThat(empty).as("dashboard queries without a series after 60 s\n%s", prometheus.log()).isEmpty();
      JsonNode passed = prometheus.query(
          "microcredentials_flow_outcome_seconds_count{flow=\"self-submission\",outcome=\"passed\"}");
      assertThat(passed.findValues("value")).singleElement()
          .satisfies(value -> assertThat(value.get(1).asDouble()).isGreaterThanOrEqualTo(1));
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  @Test
  void onlyAnAdministratorScrapesTheMetrics() {
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("mallory", "guess").getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("alice", "alice").getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("erin", "erin").getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("erin", "erin").getForEntity("/actuator/metrics", String.class).getStatusCode())
        .isIn(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  /** The SMTP server is down when erin assigns carol: the assessor's mail fails at every try, an incident at last. */
  private void theAssessorsMailFailsUntilItsRetriesAreSpent(ProcessInstance instance) {
    mailDown.set(true);
    org.camunda.bpm.engine.task.Task assignment = app.task(instance, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR);
    app.claim("erin", assignment);
    app.as("erin", () -> {
      engine.getTaskService().complete(assignment.getId(), Map.of(ReviewRoundProcess.Variables.ASSESSOR_ID.name(), "carol"));
      return null;
    });
    Job mail = app.job(instance, "ServiceTask_NotifyAssessor");
    for (int attempt = 0; attempt < 10 && retries(mail) > 0; attempt++) {
      assertThatThrownBy(() -> engine.getManagementService().executeJob(mail.getId())).hasMessageContaining("SMTP");
    }
  }

  /** Each of our metrics gets a series: a pass, an escalated assessment, a mail outage ending in an incident. */
  private void everyMetricOfOursMoves() {
    ProcessInstance passed = app.submit("alice", "iLAN", 3);
    app.assignAssessor(passed, "erin", "carol");
    app.score(passed, "carol", 9);
    app.agree(passed, "dave");
    ProcessInstance late = app.submit("bob", "iPERF", 3);
    app.assignAssessor(late, "erin", "carol");
    clock.set(TestConfiguration.MID_NOVEMBER_2026.plus(Duration.ofDays(15)));
    app.fireTimer(late, "BoundaryEvent_AssessmentOverdue");
    theAssessorsMailFailsUntilItsRetriesAreSpent(app.submit("henry", "iOWN", 3));
    mailDown.set(false);
  }

  private int retries(Job job) {
    return engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries();
  }

  private String scrape() {
    ResponseEntity<String> scrape = rest.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus", String.class);
    assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
    return scrape.getBody();
  }

  /** The sum of the samples of a metric whose labels include those given; 0 when there is none yet. */
  static double value(String scrape, String metric, String... labels) {
    return Arrays.stream(scrape.split("\n"))
        .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
        .filter(line -> {
          for (int i = 0; i < labels.length; i += 2) {
            if (!line.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
              return false;
            }
          }
          return true;
        })
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
