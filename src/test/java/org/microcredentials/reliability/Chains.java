package org.microcredentials.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The clients' chains of self-submissions, awaited once their fault has passed. A chain that has not
 * ended in time fails the test with what its flows are waiting for, read from the running application:
 * the flows not ended and their open tasks, every job left (due when, retries, its failure), the
 * incidents, and the application log's job failures. A bare timeout said only that something hung.
 */
final class Chains {

  private static final int LOG_LINES = 30;

  private Chains() {
  }

  static void await(List<Future<?>> chains, Duration limit, RestClient client, List<? extends DrivenFlow> flows,
      AppProcess app) throws InterruptedException, ExecutionException {
    long deadline = System.nanoTime() + limit.toNanos();
    for (Future<?> chain : chains) {
      try {
        chain.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("The clients' flows had not ended " + limit.toSeconds() + " s after the fault passed.\n"
            + whatIsLeft(client, flows, app), e);
      }
    }
  }

  /**
   * A flow stepped by one client until it ends; one not ended within the limit fails the test with what
   * it waits for.
   */
  static void drive(DrivenFlow flow, Duration limit, RestClient client, AppProcess app) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!flow.step()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(flow.describe() + " had not ended within " + limit + ".\n"
            + whatIsLeft(client, List.of(flow), app));
      }
      AppProcess.sleep(50);
    }
  }

  static String whatIsLeft(RestClient client, List<? extends DrivenFlow> flows, AppProcess app) {
    StringBuilder left = new StringBuilder();
    List<DrivenFlow> open;
    synchronized (flows) {
      open = flows.stream().filter(flow -> !flow.ended()).map(DrivenFlow.class::cast).toList();
    }
    left.append("Flows not ended: ").append(open.size()).append('\n');
    for (DrivenFlow flow : open) {
      left.append("  ").append(flow.describe()).append(": tasks");
      if (flow.businessKey() != null) {
        for (JsonNode task : client.get("demo", "/engine-rest/task?processInstanceBusinessKey=" + flow.businessKey()).body()) {
          left.append(' ').append(task.path("taskDefinitionKey").asText()).append('(')
              .append(task.path("assignee").asText("-")).append(')');
        }
        left.append('\n');
        if (flow.lastRefusal() != null) {
          left.append("    its last call not answered 2xx: ").append(flow.lastRefusal()).append('\n');
        }
        for (JsonNode instance : client.get("demo", "/engine-rest/history/process-instance?processInstanceBusinessKey="
            + flow.businessKey()).body()) {
          describeInstance(client, instance, left);
        }
      }
      left.append('\n');
    }
    JsonNode jobs = client.get("demo", "/engine-rest/job?maxResults=100").body();
    if (!jobs.isArray()) {
      return left.append("The engine did not answer: ").append(jobs).toString();
    }
    left.append("Jobs: ").append(jobs.size()).append('\n');
    for (JsonNode job : jobs) {
      left.append("  ").append(job.path("id").asText()).append(" instance ").append(job.path("processInstanceId").asText())
          .append(" due ").append(job.path("dueDate").asText()).append(" retries ").append(job.path("retries").asInt())
          .append(job.path("exceptionMessage").isTextual() ? " failed: " + job.path("exceptionMessage").asText() : "")
          .append('\n');
    }
    JsonNode incidents = client.get("demo", "/engine-rest/incident?maxResults=100").body();
    left.append("Incidents: ").append(incidents.size()).append('\n');
    incidents.forEach(incident -> left.append("  ").append(incident.path("incidentMessage").asText()).append('\n'));
    left.append("The application log's job failures and errors (the last ").append(LOG_LINES).append("):\n");
    try {
      List<String> failures = new ArrayList<>();
      for (String line : Files.readAllLines(app.log())) {
        if (line.contains("ENGINE-14006") || line.contains(" ERROR ")) {
          failures.add(line.length() > 400 ? line.substring(0, 400) : line);
        }
      }
      failures.subList(0, Math.max(0, failures.size() - LOG_LINES)).clear();
      failures.forEach(line -> left.append("  ").append(line).append('\n'));
    } catch (IOException e) {
      left.append("  (unreadable: ").append(e).append(")\n");
    }
    return left.toString();
  }

  /** An instance's state, where it is, and every failure of its jobs, with its called instances'. */
  private static void describeInstance(RestClient client, JsonNode instance, StringBuilder left) {
    String id = instance.path("id").asText();
    left.append("    instance ").append(id).append(' ').append(instance.path("processDefinitionKey").asText()).append(' ')
        .append(instance.path("state").asText()).append(", at:");
    for (JsonNode activity : client.get("demo", "/engine-rest/history/activity-instance?unfinished=true&processInstanceId="
        + id).body()) {
      left.append(' ').append(activity.path("activityId").asText());
    }
    left.append('\n');
    for (JsonNode log : client.get("demo", "/engine-rest/history/job-log?sortBy=timestamp&sortOrder=asc&processInstanceId="
        + id).body()) {
      left.append("      job ").append(log.path("jobId").asText()).append(' ').append(log.path("activityId").asText())
          .append(' ').append(log.path("timestamp").asText())
          .append(log.path("creationLog").asBoolean() ? " created, due " + log.path("jobDueDate").asText() : "")
          .append(log.path("successLog").asBoolean() ? " succeeded" : "")
          .append(log.path("deletionLog").asBoolean() ? " deleted" : "")
          .append(log.path("failureLog").asBoolean() ? " failed (retries " + log.path("jobRetries").asInt() + "): "
              + log.path("jobExceptionMessage").asText() : "")
          .append('\n');
    }
    for (JsonNode called : client.get("demo", "/engine-rest/history/process-instance?superProcessInstanceId=" + id).body()) {
      describeInstance(client, called, left);
    }
  }
}
