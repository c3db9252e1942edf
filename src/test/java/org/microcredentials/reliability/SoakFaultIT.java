package org.microcredentials.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@value #CLIENTS} clients for {@code soak.minutes} minutes (2 in CI; {@code -Dsoak.minutes=10} for the
 * full run) against the application in its own JVM, on PostgreSQL and on the embedded H2 default:
 * self-submissions that pass, that fail and are let go, that fail and are resubmitted and pass;
 * endorsements, and endorsement requests accepted or declined; after each credential its download
 * and public verification. Zero 5xx, zero incidents, nothing stuck (no due job left once the clients
 * stop: every instance has ended or waits at a user task or a far timer), the live heap (what a class
 * histogram counts after a full GC) in the last minute not far above the first minute's; throughput and
 * p50/p99 per call printed.
 */
// It measures: alone on the machine (JUnit runs an isolated class once the concurrent crash and outage tests
// have ended), one database after the other.
@Isolated
class SoakFaultIT {

  private static final int CLIENTS = 16;
  /**
   * Pairs of candidate and skill each client owns: a pair climbs levels 1..4 by passes. 16 x 5 pairs
   * use the first 9 of the 12 skills; endorsements have the other 3.
   */
  private static final int PAIRS_PER_CLIENT = 5;
  /** Skills no self-submission uses: endorsements and requests climb them. */
  private static final List<String> ENDORSED_SKILLS = List.of("iCOLL", "iCOMM", "iMENT");
  /** Candidates below the leaders, by seniority: an endorsement is for a level above it. */
  private static final Map<String, Integer> ENDORSED_CANDIDATES = Map.of("henry", 1, "alice", 2, "bob", 3);
  /** Every fourth flow of a client is an endorsement or a request, while lanes are left. */
  private static final int ENDORSEMENT_EVERY = 4;
  /** A flow takes seconds; one still going after this is stuck (said so, with the flow's name). */
  private static final Duration FLOW_LIMIT = Duration.ofMinutes(2);
  private static final int HIGHEST_LEVEL = 4;
  /** Class histograms taken at each moment, a second apart; the least counts (see {@link AppProcess#liveHeap}). */
  private static final int HEAP_SAMPLES = 3;

  private AppProcess app;
  private PostgresServer postgres;

  @AfterEach
  void stopEverything() {
    if (app != null) {
      app.stop();
    }
    if (postgres != null) {
      postgres.stop();
    }
  }

  /**
   * One candidate and skill that endorsements climb, level by level above the candidate's seniority;
   * held by one client at a time (one open endorsement per candidate and skill).
   */
  private static final class Lane {
    final String candidate;
    final String skill;
    /** At most two requests of one candidate are open at once: requests go in two of the three lanes. */
    final boolean requests;
    int level;
    int flows;

    Lane(String candidate, String skill, int seniority, boolean requests) {
      this.candidate = candidate;
      this.skill = skill;
      this.level = seniority + 1;
      this.requests = requests;
    }

    EndorsementDriver.Kind next() {
      EndorsementDriver.Kind kind = EndorsementDriver.Kind.values()[flows++ % 3];
      return requests ? kind : EndorsementDriver.Kind.ENDORSE;
    }
  }

  @Test
  void onPostgres() throws Exception {
    postgres = new PostgresServer(CrashFaultIT.fresh("soak-postgres").resolve("pgdata")).start();
    soak("postgres", postgres.applicationArguments());
  }

  @Test
  void onTheEmbeddedDefault() throws Exception {
    soak("h2", List.of());
  }

  private void soak(String database, List<String> databaseArguments) throws Exception {
    double minutes = Double.parseDouble(System.getProperty("soak.minutes", "2"));
    Duration length = Duration.ofSeconds((long) (minutes * 60));
    app = new AppProcess(CrashFaultIT.fresh("soak-" + database + "-app"), databaseArguments);
    app.start();
    RestClient client = new RestClient(app.baseUrl());

    CallStats calls = new CallStats();
    List<SelfSubmissionDriver.Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger flowsEnded = new AtomicInteger();
    AtomicInteger verified = new AtomicInteger();
    Map<EndorsementDriver.Kind, AtomicInteger> endorsementFlows = new java.util.EnumMap<>(EndorsementDriver.Kind.class);
    for (EndorsementDriver.Kind kind : EndorsementDriver.Kind.values()) {
      endorsementFlows.put(kind, new AtomicInteger());
    }
    java.util.Queue<Lane> lanes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    ENDORSED_CANDIDATES.forEach((candidate, seniority) -> {
      for (String skill : ENDORSED_SKILLS) {
        lanes.add(new Lane(candidate, skill, seniority, !skill.equals(ENDORSED_SKILLS.get(2))));
      }
    });
    List<String[]> pairs = SelfSubmissionDriver.pairs(CLIENTS * PAIRS_PER_CLIENT);
    long begin = System.nanoTime();
    long end = begin + length.toNanos();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> work = new ArrayList<>();
    for (int number = 0; number < CLIENTS; number++) {
      int clientNumber = number;
      work.add(clients.submit(() -> {
        int[] levelReached = new int[PAIRS_PER_CLIENT];
        List<String[]> held = new ArrayList<>();
        for (int iteration = 0; System.nanoTime() < end; iteration++) {
          if (iteration % ENDORSEMENT_EVERY == ENDORSEMENT_EVERY - 1) {
            Lane lane = lanes.poll();
            if (lane != null) {
              try {
                EndorsementDriver.Kind kind = lane.next();
                String leader = List.of("carol", "dave").get((clientNumber + iteration) % 2);
                EndorsementDriver flow = new EndorsementDriver(client, calls, acknowledged, lane.candidate, lane.skill,
                    lane.level, kind, leader, clientNumber + iteration);
                Chains.drive(flow, FLOW_LIMIT, client, app);
                flowsEnded.incrementAndGet();
                endorsementFlows.get(kind).incrementAndGet();
                if (kind != EndorsementDriver.Kind.REQUEST_DECLINED) {
                  verify(client, calls, lane.candidate, lane.skill, lane.level);
                  verified.incrementAndGet();
                  lane.level++;
                }
              } finally {
                if (lane.level <= 6) {
                  lanes.add(lane);
                }
              }
              continue;
            }
          }
          int pairIndex = iteration % PAIRS_PER_CLIENT;
          String[] pair = pairs.get(clientNumber + CLIENTS * pairIndex);
          boolean climbed = levelReached[pairIndex] == HIGHEST_LEVEL;
          if (climbed) {
            // This pair holds every level it climbs: a verifier checks one of its credentials.
            String[] credential = held.get(iteration % held.size());
            verify(client, calls, credential[0], credential[1], Integer.parseInt(credential[2]));
            verified.incrementAndGet();
          }
          // A let-go application leaves the level free: the next flow of the pair applies for it again. A pair
          // that has climbed applies for the level above and lets it go, again and again: flows go on however
          // long the soak (the 10-minute soak ran out of flows within its first minutes before).
          SelfSubmissionDriver.Plan plan = climbed ? SelfSubmissionDriver.Plan.LET_GO : List.of(
              SelfSubmissionDriver.Plan.PASS, SelfSubmissionDriver.Plan.LET_GO, SelfSubmissionDriver.Plan.RESUBMIT)
              .get(iteration % 3);
          int level = levelReached[pairIndex] + 1;
          SelfSubmissionDriver flow = new SelfSubmissionDriver(client, calls, acknowledged, pair[0], pair[1], level, plan,
              iteration + clientNumber);
          Chains.drive(flow, FLOW_LIMIT, client, app);
          flowsEnded.incrementAndGet();
          if (plan != SelfSubmissionDriver.Plan.LET_GO) {
            levelReached[pairIndex] = level;
            held.add(new String[] {pair[0], pair[1], String.valueOf(level)});
            verify(client, calls, pair[0], pair[1], level);
            verified.incrementAndGet();
          }
        }
        return null;
      }));
    }

    // The live heap at the end of the first minute and in the last, the clients still at work both times.
    AppProcess.sleep(Math.min(60_000, length.toMillis() / 2));
    AppProcess.LiveHeap firstMinuteHeap = app.liveHeap(HEAP_SAMPLES, 25);
    int flowsAfterFirstMinute = flowsEnded.get();
    long lastHeapAt = end - TimeUnit.SECONDS.toNanos(15);
    AppProcess.sleep(Math.max(0, (lastHeapAt - System.nanoTime()) / 1_000_000));
    AppProcess.LiveHeap lastMinuteHeap = app.liveHeap(HEAP_SAMPLES, 25);

    clients.shutdown();
    for (Future<?> each : work) {
      each.get(5, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - begin) / 1e9;

    // Nothing stuck: once the clients stop, every due job runs (none is left), and nothing failed.
    long drainBegins = System.nanoTime();
    while (client.get("demo", "/engine-rest/job/count?executable=true").body().path("count").asLong() > 0) {
      assertThat(System.nanoTime() - drainBegins).as("due jobs left 60 s after the clients stopped")
          .isLessThan(TimeUnit.SECONDS.toNanos(60));
      AppProcess.sleep(500);
    }
    long incidents = client.get("demo", "/engine-rest/incident/count").body().path("count").asLong();
    long running = client.get("demo", "/engine-rest/process-instance/count").body().path("count").asLong();
    List<String> stuck = stuckInstances(client);

    List<String> report = new ArrayList<>();
    report.add(String.format("%d clients for %.1f min on %s: %d flows ended (%.1f a minute; %d in the first "
            + "minute; of them %d endorsements, %d requests accepted, %d requests declined), %d credentials downloaded "
            + "and verified publicly, %d calls (%.1f a second), 5xx: %d, incidents: %d, running instances at the end: "
            + "%d (each at a user task or a timer not due), stuck: %d, due jobs left: 0",
        CLIENTS, seconds / 60, database, flowsEnded.get(), flowsEnded.get() / (seconds / 60), flowsAfterFirstMinute,
        endorsementFlows.get(EndorsementDriver.Kind.ENDORSE).get(),
        endorsementFlows.get(EndorsementDriver.Kind.REQUEST_ACCEPTED).get(),
        endorsementFlows.get(EndorsementDriver.Kind.REQUEST_DECLINED).get(),
        verified.get(), calls.total(), calls.total() / seconds, calls.serverErrors().size(), incidents, running,
        stuck.size()));
    report.add(String.format("live heap (the sum of a class histogram, after its full GC; the least of %d): first minute "
            + "%d MB, last minute %d MB (-Xmx512m); for comparison, the heap in use as GC.heap_info answered just after "
            + "(what the earlier check read: it counts what the clients allocated since the GC too): %d MB, %d MB",
        HEAP_SAMPLES,
        firstMinuteHeap.megabytes(), lastMinuteHeap.megabytes(), firstMinuteHeap.inUseAfterMegabytes(),
        lastMinuteHeap.inUseAfterMegabytes()));
    report.add("per call:\n" + calls.table());
    report.forEach(line -> System.out.println("[SoakFaultIT] " + line));
    FaultReport.write("soak-" + database, report);
    FaultReport.write("soak-" + database + "-heap", List.of("first minute:", firstMinuteHeap.largestClasses(), "",
        "last minute:", lastMinuteHeap.largestClasses()));

    assertThat(calls.serverErrors()).as("5xx answers").isEmpty();
    assertThat(incidents).isZero();
    assertThat(stuck).as("running instances at neither a user task nor a timer").isEmpty();
    assertThat(flowsEnded.get()).isPositive();
    assertThat(CrashFaultIT.lostAcknowledgements(client, List.copyOf(acknowledged))).isEmpty();
    assertThat(lastMinuteHeap.megabytes()).as("live heap, last minute vs first (%d MB)", firstMinuteHeap.megabytes())
        .isLessThanOrEqualTo(Math.max(firstMinuteHeap.megabytes() * 3 / 2, firstMinuteHeap.megabytes() + 64));
  }

  /**
   * Running instances that wait for nothing that will come: neither at a user task, nor at a timer
   * (not due: due jobs are drained before), nor calling an instance that waits so.
   */
  private static List<String> stuckInstances(RestClient client) {
    java.util.Set<String> waiting = new java.util.HashSet<>();
    client.get("demo", "/engine-rest/task?maxResults=2000").body()
        .forEach(task -> waiting.add(task.path("processInstanceId").asText()));
    client.get("demo", "/engine-rest/job?timers=true&maxResults=2000").body()
        .forEach(job -> waiting.add(job.path("processInstanceId").asText()));
    List<String> stuck = new ArrayList<>();
    for (JsonNode instance : client.get("demo", "/engine-rest/process-instance?maxResults=2000").body()) {
      String id = instance.path("id").asText();
      if (waiting.contains(id)) {
        continue;
      }
      JsonNode called = client.get("demo", "/engine-rest/process-instance?superProcessInstance=" + id).body();
      if (called.isEmpty() || !waiting.contains(called.path(0).path("id").asText())) {
        stuck.add(instance.path("businessKey").asText() + " " + instance.path("definitionId").asText());
      }
    }
    return stuck;
  }

  /** What a holder and a verifier do with a new credential: download it, verify it without an account. */
  private static void verify(RestClient client, CallStats calls, String candidate, String skill, int level) {
    RestClient.Answer list = client.get(candidate, "/api/engineers/" + candidate + "/credentials");
    calls.record("list credentials", list);
    JsonNode credential = null;
    for (JsonNode held : list.body()) {
      if (held.path("skillCode").asText().equals(skill) && held.path("skillLevel").asInt() == level) {
        assertThat(credential).as("one credential for %s %s:%d", candidate, skill, level).isNull();
        credential = held;
      }
    }
    assertThat(credential).as("credential for %s %s:%d", candidate, skill, level).isNotNull();
    RestClient.Answer download = client.get(candidate, "/api/credentials/" + credential.path("id").asText());
    calls.record("download credential", download);
    RestClient.Answer verification = client.post(null, "/api/credentials/verify", download.body());
    calls.record("verify credential", verification);
    assertThat(verification.body().path("verified").asBoolean()).as("%s", verification).isTrue();
  }
}
