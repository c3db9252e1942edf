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

  static void await(List<Future<?>> chains, Duration limit, RestClient client, List<SelfSubmissionDriver> flows,
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

  static String whatIsLeft(RestClient client, List<SelfSubmissionDriver> flows, AppProcess app) {
    StringBuilder left = new StringBuilder();
    List<SelfSubmissionDriver> open;
    synchronized (flows) {
      open = flows.stream().filter(flow -> !flow.ended()).toList();
    }
    left.append("Flows not ended: ").append(open.size()).append('\n');
    for (SelfSubmissionDriver flow : open) {
      left.append("  ").append(flow.describe()).append(": tasks");
      if (flow.businessKey() != null) {
        for (JsonNode task : client.get("demo", "/engine-rest/task?processInstanceBusinessKey=" + flow.businessKey()).body()) {
          left.append(' ').append(task.path("taskDefinitionKey").asText()).append('(')
              .append(task.path("assignee").asText("-")).append(')');
        }
      }
      left.append('\n');
    }
    JsonNode jobs = client.get("demo", "/engine-rest/job?maxResults=100").body();
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
}
