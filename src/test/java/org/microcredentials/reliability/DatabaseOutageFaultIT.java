package org.microcredentials.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * PostgreSQL goes away for {@value #OUTAGE_SECONDS} seconds under load, then comes back; the
 * application (its own JVM) is not restarted. While the database is away every request is answered,
 * and answered 503 with a problem detail, never 500; {@code /actuator/health} says DOWN, then UP
 * again; afterwards the connection pool and the job executor work again by themselves, every action
 * answered 2xx is there, every flow completes, and no credential is issued twice.
 */
@Execution(ExecutionMode.CONCURRENT)
class DatabaseOutageFaultIT {

  private static final int OUTAGE_SECONDS = 20;
  private static final int CLIENTS = 6;
  /** Each chain climbs these levels for one candidate and skill after another: one flow per level. */
  private static final int LEVELS = 2;
  /** Candidates and skills a chain may take before the outage ends (9 candidates x 12 skills, 6 chains). */
  private static final int PAIRS_PER_CLIENT = 18;
  /** Seconds of work after PostgreSQL is back, before the clients finish their flows in hand. */
  private static final int AFTER_SECONDS = 10;

  private AppProcess app;
  private PostgresServer postgres;

  /** One answer seen by a client, and when it came ({@code at}, after the request took {@code answer.micros}). */
  record Seen(long at, String call, RestClient.Answer answer) {

    long sentAt() {
      return at - answer.micros() * 1000;
    }

    /** Sent and answered between the two moments: what it saw was the state in between. */
    boolean within(long from, long to) {
      return sentAt() > from && at < to;
    }
  }

  @AfterEach
  void stopEverything() {
    if (app != null) {
      app.stop();
    }
    if (postgres != null) {
      postgres.stop();
    }
  }

  @Test
  void theApplicationAnswers503DuringTheOutageAndRecoversWithoutARestart() throws Exception {
    postgres = new PostgresServer(CrashFaultIT.fresh("outage-postgres").resolve("pgdata")).start();
    app = new AppProcess(CrashFaultIT.fresh("outage-app"), CrashFaultIT.QUICK_START,
        postgres.applicationArguments());
    app.start();
    long pid = app.pid();
    RestClient client = new RestClient(app.baseUrl());

    List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    CallStats calls = new CallStats();
    SelfSubmissionDriver.CallLog log = (call, answer) -> {
      calls.record(call, answer);
      seen.add(new Seen(System.nanoTime(), call, answer));
    };
    List<SelfSubmissionDriver.Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
    List<SelfSubmissionDriver> flows = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean giveUp = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 2);
    List<Future<?>> chains = new ArrayList<>();
    // Work goes on before, during and after the outage: each chain takes pair after pair of its own
    // (candidate and skill), each climbing the levels, until told to stop; it finishes the flow in hand.
    AtomicBoolean stop = new AtomicBoolean();
    List<String[]> pairs = SelfSubmissionDriver.pairs(CLIENTS * PAIRS_PER_CLIENT);
    for (int chain = 0; chain < CLIENTS; chain++) {
      int chainNumber = chain;
      chains.add(clients.submit(() -> {
        for (int flowNumber = 0; !stop.get() && !giveUp.get(); flowNumber++) {
          if (flowNumber == PAIRS_PER_CLIENT * LEVELS) {
            throw new IllegalStateException("Chain " + chainNumber + " ran out of flows before the end of the outage");
          }
          String[] pair = pairs.get(chainNumber + CLIENTS * (flowNumber / LEVELS));
          SelfSubmissionDriver flow = new SelfSubmissionDriver(client, log, acknowledged, pair[0], pair[1],
              flowNumber % LEVELS + 1, SelfSubmissionDriver.Plan.PASS, chainNumber + flowNumber);
          flows.add(flow);
          while (!giveUp.get() && !flow.step()) {
            AppProcess.sleep(CrashFaultIT.THINK_MILLIS);
          }
        }
        return null;
      }));
    }
    List<Seen> health = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean watching = new AtomicBoolean(true);
    Future<?> healthWatch = clients.submit(() -> {
      while (watching.get()) {
        // The moment it is answered, read after the answer: the arguments of new Seen(...) are evaluated in order.
        RestClient.Answer answer = client.get(null, "/actuator/health");
        health.add(new Seen(System.nanoTime(), "health", answer));
        AppProcess.sleep(500);
      }
      return null;
    });
    // Our own API too, besides the drivers' /engine-rest calls.
    Future<?> apiWatch = clients.submit(() -> {
      while (watching.get()) {
        log.record("api skills", client.get("alice", "/api/skills"));
        AppProcess.sleep(500);
      }
      return null;
    });

    AppProcess.sleep(8000);
    long outageBegins = System.nanoTime();
    postgres.stop();
    AppProcess.sleep(OUTAGE_SECONDS * 1000L);
    long restartBegins = System.nanoTime();
    postgres.start();
    long outageEnds = System.nanoTime();
    // Work after the outage too: the application recovers by itself, under load.
    AppProcess.sleep(AFTER_SECONDS * 1000L);
    stop.set(true);

    clients.shutdown();
    try {
      Chains.await(chains, Duration.ofMinutes(5), client, flows, app);
    } finally {
      giveUp.set(true);
      watching.set(false);
      healthWatch.get(1, TimeUnit.MINUTES);
      apiWatch.get(1, TimeUnit.MINUTES);
      clients.shutdownNow();
    }

    // Not restarted: the same JVM throughout.
    assertThat(app.isAlive()).isTrue();
    assertThat(app.pid()).isEqualTo(pid);

    // During the outage: answered, 503 problem details; never 500 at any time.
    List<Seen> duringOutage = seen.stream().filter(s -> s.within(outageBegins, restartBegins)).toList();
    Map<Integer, Long> outageStatuses = duringOutage.stream()
        .collect(Collectors.groupingBy(s -> s.answer().status(), TreeMap::new, Collectors.counting()));
    assertThat(calls.serverErrors()).allSatisfy(error -> assertThat(error).contains("-> 503 "));
    assertThat(seen).filteredOn(s -> s.answer().status() == 503).allSatisfy(s -> {
      assertThat(s.answer().contentType()).startsWith("application/problem+json");
      assertThat(s.answer().rule()).isIn("database-unavailable", "too-busy");
    });
    assertThat(outageStatuses).containsKey(503).doesNotContainKey(0).doesNotContainKey(500);
    assertThat(duringOutage).anySatisfy(s -> assertThat(s.answer().rule()).isEqualTo("database-unavailable"));
    assertThat(duringOutage).filteredOn(s -> s.call().equals("api skills")).isNotEmpty()
        .anySatisfy(s -> assertThat(s.answer().status()).isEqualTo(503));

    // Health: DOWN while the database is away, UP again after it is back.
    // Asked at least 5 s into the outage (the pool's wait for a connection) and answered before PostgreSQL
    // was started again.
    List<Seen> healthDuring = health.stream().filter(s -> s.within(outageBegins + 5_000_000_000L, restartBegins))
        .toList();
    assertThat(healthDuring).isNotEmpty().allSatisfy(s -> {
      assertThat(s.answer().status()).isEqualTo(503);
      assertThat(s.answer().body().path("status").asText()).isEqualTo("DOWN");
    });
    Seen firstUpAfter = health.stream().filter(s -> s.at() > restartBegins && s.answer().status() == 200).findFirst()
        .orElseThrow(() -> new AssertionError("/actuator/health never UP after the outage"));
    assertThat(firstUpAfter.answer().body().path("status").asText()).isEqualTo("UP");
    assertThat(health.get(health.size() - 1).answer().body().path("status").asText()).isEqualTo("UP");

    // Nothing lost, nothing twice; every flow completed; no incident.
    assertThat(CrashFaultIT.lostAcknowledgements(client, List.copyOf(acknowledged))).isEmpty();
    assertThat(flows).hasSizeGreaterThanOrEqualTo(CLIENTS);
    assertThat(client.get("demo", "/engine-rest/history/process-instance/count?processDefinitionKey=SelfSubmissionProcess"
        + "&finished=true").body().path("count").asLong()).isEqualTo(flows.size());
    assertThat(client.get("demo", "/engine-rest/process-instance/count").body().path("count").asLong()).isZero();
    assertThat(client.get("demo", "/engine-rest/incident/count").body().path("count").asLong()).isZero();
    Map<String, Integer> credentials = new HashMap<>();
    for (String candidate : pairs.stream().map(pair -> pair[0]).distinct().toList()) {
      for (JsonNode credential : client.get(candidate, "/api/engineers/" + candidate + "/credentials").body()) {
        credentials.merge(candidate + " " + credential.path("skillCode").asText() + ":"
            + credential.path("skillLevel").asInt(), 1, Integer::sum);
      }
    }
    assertThat(credentials).hasSize(flows.size()).allSatisfy((flow, count) -> assertThat(count).isEqualTo(1));
    // Jobs that failed for the outage ran again: none is left waiting with an error.
    assertThat(client.get("demo", "/engine-rest/job/count?withException=true").body().path("count").asLong()).isZero();

    Seen firstDown = health.stream().filter(s -> s.answer().status() != 200).findFirst().orElseThrow();
    Seen lastDown = health.stream().filter(s -> s.answer().status() != 200).reduce((first, second) -> second)
        .orElseThrow();
    List<String> report = List.of(
        String.format("PostgreSQL stopped for %d s under load from %d clients (and started again in %.1f s); the "
            + "application (pid %d) was not restarted", OUTAGE_SECONDS, CLIENTS, (outageEnds - restartBegins) / 1e9, pid),
        "answers during the outage, by status: " + outageStatuses
            + " (503s are application/problem+json, rule database-unavailable); 500s at any time: 0",
        String.format("/actuator/health: %d answers during the outage, all 503 DOWN (the first DOWN asked %.1f s after"
                + " the stop, the last DOWN answered %.1f s after it); UP again %.1f s after PostgreSQL was started",
            healthDuring.size(), (firstDown.sentAt() - outageBegins) / 1e9, (lastDown.at() - outageBegins) / 1e9,
            (firstUpAfter.at() - restartBegins) / 1e9),
        String.format("%d flows completed, %d acknowledged actions all present, %d credentials (none twice), no incident,"
            + " no job left with an error", flows.size(), acknowledged.size(), credentials.size()));
    report.forEach(line -> System.out.println("[DatabaseOutageFaultIT] " + line));
    FaultReport.write("outage-postgres", report);
  }
}
