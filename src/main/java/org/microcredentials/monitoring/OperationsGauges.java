package org.microcredentials.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What is waiting now, read from Camunda's runtime tables at scrape time: open tasks per task id
 * ({@code microcredentials.tasks.open}), tasks past their due date ({@code microcredentials.tasks.overdue}),
 * jobs out of retries ({@code microcredentials.jobs.failed}) and open incidents
 * ({@code microcredentials.incidents.open}). One grouped query per scrape, kept for a second, so
 * the gauges of one scrape agree and the database answers once.
 */
@Component
class OperationsGauges implements MeterBinder {


  /** What the gauges read, taken together. */
  record Snapshot(long takenAtNanos, Map<String, Long> openTasks, long overdueTasks, long failedJobs, long openIncidents) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final RepositoryService repository;
  private final Duration freshFor;
  private volatile Snapshot snapshot;
  private MeterRegistry meters;

  OperationsGauges(JdbcClient jdbc, Clock clock, RepositoryService repository,
      @Value("${microcredentials.metrics.gauges-fresh-for:PT1S}") Duration freshFor) {
    this.freshFor = freshFor;
    this.jdbc = jdbc;
    this.clock = clock;
    this.repository = repository;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.meters = registry;
    Gauge.builder("microcredentials.tasks.overdue", this, gauges -> gauges.snapshot().overdueTasks())
        .description("Open tasks past their due date").register(registry);
    Gauge.builder("microcredentials.jobs.failed", this, gauges -> gauges.snapshot().failedJobs())
        .description("Jobs with no retries left (each one an incident in Cockpit)").register(registry);
    Gauge.builder("microcredentials.incidents.open", this, gauges -> gauges.snapshot().openIncidents())
        .description("Open incidents, each counted once where it happened (Camunda repeats an incident in every calling instance)").register(registry);
  }

  /** A gauge per user task of the deployed models, once they are deployed. */
  @EventListener(ApplicationReadyEvent.class)
  void registerTaskGauges() {
    Set<String> taskIds = new TreeSet<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)
          .forEach(task -> taskIds.add(task.getId()));
    }
    if (meters != null) {
      for (String taskId : taskIds) {
        Gauge.builder("microcredentials.tasks.open", this, gauges -> gauges.snapshot().openTasks().getOrDefault(taskId, 0L))
            .description("Open tasks per task id").tag("task", taskId).register(meters);
      }
    }
  }

  Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null || System.nanoTime() - current.takenAtNanos() >= freshFor.toNanos()) {
      current = take(clock.instant());
      snapshot = current;
    }
    return current;
  }

  private Snapshot take(Instant now) {
    Map<String, Long> openTasks = jdbc.sql("select task_def_key_, count(*) as open_tasks from act_ru_task group by task_def_key_")
        .query((rs, row) -> Map.entry(String.valueOf(rs.getString(1)), rs.getLong(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum));
    long overdue = jdbc.sql("select count(*) from act_ru_task where due_date_ < ?").param(Timestamp.from(now))
        .query(Long.class).single();
    long failedJobs = jdbc.sql("select count(*) from act_ru_job where retries_ = 0").query(Long.class).single();
    long incidents = jdbc.sql("select count(*) from act_ru_incident where id_ = root_cause_incident_id_").query(Long.class).single();
    return new Snapshot(System.nanoTime(), openTasks, overdue, failedJobs, incidents);
  }
}
