package org.microcredentials.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.util.FileSystemUtils;

/**
 * Nothing acknowledged is lost, on the embedded default (H2 file) and on PostgreSQL: self-submissions
 * are driven through {@code /engine-rest} by concurrent clients while the application, a JVM of its
 * own, is killed with SIGKILL at random moments ({@value #KILLS} times) and started again on the same
 * database. After each restart, before any client goes on, every action that had been answered 2xx is
 * checked to be there; the work the dead JVM had locked must resume within 60 s. At the end every flow
 * has completed, with one credential each and one message per step and person (a resend of the same
 * message after a crash keeps its Message-ID and is counted).
 */
@Execution(ExecutionMode.CONCURRENT)
class CrashFaultIT {

  private static final int KILLS = 5;
  private static final int CHAINS = 8;
  /**
   * Each chain climbs these levels for one candidate and skill after another: one flow per level. Two
   * levels were too few: a clean CI machine, whose restarts and resumptions after the kills took long,
   * let a chain run its 26 flows before the fifth kill.
   */
  private static final int LEVELS = 4;
  /** Candidates and skills a chain may take before the last kill (9 candidates x 12 skills, 8 chains). */
  private static final int PAIRS_PER_CHAIN = 13;
  /**
   * A client's pause between steps: people, not a load test; flows are to be in flight at each kill,
   * not run through (a fast machine ran 24 flows a chain before the fifth kill without it).
   */
  static final long THINK_MILLIS = 300;
  private static final Duration RESUME_LIMIT = Duration.ofSeconds(60);
  /** The application is restarted often here, not measured for speed: C1 only, it starts sooner. */
  static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1");

  private final Random random = new Random();
  private GreenMail smtp;
  private AppProcess app;
  private PostgresServer postgres;

  @BeforeEach
  void startMailServer() {
    smtp = new GreenMail(new ServerSetup(AppProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopEverything() {
    if (app != null) {
      app.stop();
    }
    if (postgres != null) {
      postgres.stop();
    }
    smtp.stop();
  }

  // The two databases at once, and at the same time as DatabaseOutageFaultIT: each mostly waits.
  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void onTheEmbeddedDefault() throws Exception {
    // No datasource argument: application.yaml's H2 file in ./data of the app's working directory.
    crashAndRecover("h2", List.of());
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void onPostgres() throws Exception {
    Path directory = fresh("crash-postgres");
    postgres = new PostgresServer(directory.resolve("pgdata")).start();
    crashAndRecover("postgres", postgres.applicationArguments());
  }

  private void crashAndRecover(String database, List<String> databaseArguments) throws Exception {
    List<String> arguments = new ArrayList<>(databaseArguments);
    arguments.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort()));
    app = new AppProcess(fresh("crash-" + database + "-app"), QUICK_START, arguments);
    Duration firstStart = app.start();
    RestClient client = new RestClient(app.baseUrl());

    List<SelfSubmissionDriver.Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
    List<SelfSubmissionDriver> flows = Collections.synchronizedList(new ArrayList<>());
    CallStats calls = new CallStats();
    ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    AtomicBoolean giveUp = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CHAINS);
    List<Future<?>> chains = new ArrayList<>();
    // Work goes on until the last kill: each chain takes pair after pair of its own (candidate and skill),
    // each climbing the levels, and finishes the flow in hand once the kills are done.
    AtomicBoolean killsDone = new AtomicBoolean();
    List<String[]> pairs = SelfSubmissionDriver.pairs(CHAINS * PAIRS_PER_CHAIN);
    for (int chain = 0; chain < CHAINS; chain++) {
      int chainNumber = chain;
      chains.add(clients.submit(() -> {
        for (int flowNumber = 0; !killsDone.get() && !giveUp.get(); flowNumber++) {
          if (flowNumber == PAIRS_PER_CHAIN * LEVELS) {
            throw new IllegalStateException("Chain " + chainNumber + " ran out of flows before the last kill");
          }
          String[] pair = pairs.get(chainNumber + CHAINS * (flowNumber / LEVELS));
          int level = flowNumber % LEVELS + 1;
          SelfSubmissionDriver flow = new SelfSubmissionDriver(client, calls, acknowledged, pair[0], pair[1], level,
              SelfSubmissionDriver.Plan.PASS, chainNumber + flowNumber);
          flows.add(flow);
          boolean ended = false;
          while (!ended && !giveUp.get()) {
            gate.readLock().lock();
            try {
              ended = flow.step();
            } finally {
              gate.readLock().unlock();
            }
            AppProcess.sleep(ended ? 0 : THINK_MILLIS);
          }
        }
        return null;
      }));
    }

    List<String> report = new ArrayList<>();
    note(database, report, String.format("%s: first start %.1f s", database, firstStart.toMillis() / 1000.0));
    int acknowledgedBeforeLastKill = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      // A random moment with work going on: after 1 to 8 more acknowledged actions...
      int target = acknowledged.size() + 1 + random.nextInt(8);
      long noProgressAfter = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (acknowledged.size() < target) {
        assertThat(System.nanoTime()).as("no progress before kill %d", kill).isLessThan(noProgressAfter);
        AppProcess.sleep(20);
      }
      // ...and, when one comes within 3 s, while a job (a mail, the join, issuing) is due or running:
      // the dead JVM then leaves locked work behind, whose resumption is measured.
      long jobWaitEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
      while (System.nanoTime() < jobWaitEnds && executableJobs(client).isEmpty()) {
        AppProcess.sleep(random.nextInt(30));
      }
      int acknowledgedAtKill = acknowledged.size();
      long killedAt = System.nanoTime();
      app.kill();
      gate.writeLock().lock(); // the clients' requests in flight have failed; hold them until checked
      try {
        Duration restart = app.start();
        List<SelfSubmissionDriver.Acknowledged> answered = List.copyOf(acknowledged);
        List<String> lost = lostAcknowledgements(client, answered);
        assertThat(lost).as("acknowledged before kill %d on %s, gone after the restart", kill, database).isEmpty();
        List<String> waitingJobs = executableJobs(client);
        gate.writeLock().unlock();
        long restartedAt = System.nanoTime();
        Duration resumed = awaitGone(client, waitingJobs);
        note(database, report, String.format("kill %d: %d acknowledged actions all present (%d new since the last kill); restart "
                + "%.1f s; the %d jobs due at restart all ran %.1f s after it (%.1f s after the kill)",
            kill, answered.size(), acknowledgedAtKill - acknowledgedBeforeLastKill, restart.toMillis() / 1000.0,
            waitingJobs.size(), resumed.toMillis() / 1000.0, (restartedAt - killedAt + resumed.toNanos()) / 1e9));
        assertThat(resumed).as("work the dead JVM held resumes within %s of the restart", RESUME_LIMIT)
            .isLessThan(RESUME_LIMIT);
        acknowledgedBeforeLastKill = acknowledgedAtKill;
      } finally {
        if (gate.writeLock().isHeldByCurrentThread()) {
          gate.writeLock().unlock();
        }
      }
    }

    killsDone.set(true);
    clients.shutdown();
    try {
      Chains.await(chains, Duration.ofMinutes(5), client, flows, app);
    } finally {
      giveUp.set(true);
      clients.shutdownNow();
    }

    // Every flow completed; every answered action is there; no incident.
    assertThat(flows).hasSizeGreaterThanOrEqualTo(CHAINS);
    assertThat(lostAcknowledgements(client, List.copyOf(acknowledged))).isEmpty();
    assertThat(client.get("demo", "/engine-rest/incident/count").body().path("count").asLong()).isZero();
    assertThat(client.get("demo", "/engine-rest/history/process-instance/count?processDefinitionKey=SelfSubmissionProcess"
        + "&finished=true").body().path("count").asLong()).isEqualTo(flows.size());
    assertThat(client.get("demo", "/engine-rest/process-instance/count").body().path("count").asLong()).isZero();

    // One credential per flow, none twice.
    Map<String, Integer> credentials = new HashMap<>();
    for (String candidate : pairs.stream().map(pair -> pair[0]).distinct().toList()) {
      for (JsonNode credential : client.get(candidate, "/api/engineers/" + candidate + "/credentials").body()) {
        credentials.merge(candidate + " " + credential.path("skillCode").asText() + ":" + credential.path("skillLevel")
            .asInt(), 1, Integer::sum);
      }
    }
    assertThat(credentials).hasSize(flows.size()).allSatisfy((flow, count) -> assertThat(count).as(flow).isEqualTo(1));

    // One message per step and person: the assessor's and the candidate's of every flow; a resend after
    // a crash carries the same Message-ID.
    MimeMessage[] received = smtp.getReceivedMessages();
    Map<String, Set<String>> messageIdsByMail = new HashMap<>();
    for (MimeMessage message : received) {
      assertThat(message.getMessageID()).endsWith("@micro-credentials>");
      messageIdsByMail.computeIfAbsent(recipient(message) + " | " + message.getSubject(), mail -> new java.util.HashSet<>())
          .add(message.getMessageID());
    }
    for (SelfSubmissionDriver flow : flows) {
      List<String> assessorMails = messageIdsByMail.keySet().stream()
          .filter(mail -> mail.contains("Please assess") && mail.endsWith("(" + flow.businessKey() + ")")).toList();
      assertThat(assessorMails).as("the assessor of %s told", flow.describe()).hasSize(1);
    }
    assertThat(messageIdsByMail).allSatisfy((mail, ids) -> assertThat(ids).as("distinct messages of %s", mail).hasSize(1));
    long distinct = messageIdsByMail.values().stream().mapToLong(Set::size).sum();
    long passMails = messageIdsByMail.keySet().stream().filter(mail -> mail.contains("Congratulations")).count();
    assertThat(passMails).isEqualTo(flows.size());

    note(database, report, String.format("%d flows completed, %d actions acknowledged and all present, %d credentials (none twice), "
            + "%d messages (%d resent after a crash with the same Message-ID), %d calls, 5xx: %d",
        flows.size(), acknowledged.size(), credentials.size(), distinct, received.length - distinct, calls.total(),
        calls.serverErrors().size()));
    FaultReport.write("crash-" + database, report);
  }

  /** A figure for the report, printed at once too (a run that fails later still shows how far it got). */
  private static void note(String database, List<String> report, String line) {
    report.add(line);
    System.out.println("[CrashFaultIT " + database + "] " + line);
  }

  /** Acknowledged actions not found in the database: a start without its instance, a completion not completed. */
  static List<String> lostAcknowledgements(RestClient client, List<SelfSubmissionDriver.Acknowledged> answered) {
    List<String> lost = new ArrayList<>();
    Map<String, JsonNode> historicTasks = new HashMap<>();
    for (SelfSubmissionDriver.Acknowledged action : answered) {
      if (action.taskId() == null) {
        JsonNode instances = client.get("demo", "/engine-rest/history/process-instance?processInstanceBusinessKey="
            + action.businessKey()).body();
        if (instances.isEmpty()) {
          lost.add(action.toString());
        }
        continue;
      }
      // One query per application (its tasks, called processes' included), not one per task.
      if (!historicTasks.containsKey(action.taskId())) {
        client.get("demo", "/engine-rest/history/task?maxResults=2000&processInstanceBusinessKey=" + action.businessKey())
            .body().forEach(each -> historicTasks.put(each.path("id").asText(), each));
      }
      JsonNode task = historicTasks.getOrDefault(action.taskId(), com.fasterxml.jackson.databind.node.MissingNode.getInstance());
      boolean there = switch (action.action()) {
        case "claim" -> action.user().equals(task.path("assignee").asText());
        case "complete" -> "completed".equals(task.path("deleteReason").asText()) && !task.path("endTime").isNull();
        default -> false;
      };
      if (!there) {
        lost.add(action + " -> " + task);
      }
    }
    return lost;
  }

  static List<String> executableJobs(RestClient client) {
    List<String> ids = new ArrayList<>();
    client.get("demo", "/engine-rest/job?executable=true").body().forEach(job -> ids.add(job.path("id").asText()));
    return ids;
  }

  /** Waits until none of the jobs is left (each ran, or its instance moved on); how long that took. */
  static Duration awaitGone(RestClient client, List<String> jobIds) {
    long begin = System.nanoTime();
    List<String> left = new ArrayList<>(jobIds);
    while (!left.isEmpty()) {
      left.removeIf(id -> client.get("demo", "/engine-rest/job/" + id).status() == 404);
      if (System.nanoTime() - begin > TimeUnit.MINUTES.toNanos(3)) {
        throw new AssertionError("Jobs still waiting 3 minutes after the restart: " + left);
      }
      if (!left.isEmpty()) {
        AppProcess.sleep(250);
      }
    }
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getRecipients(Message.RecipientType.TO)[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path fresh(String name) throws IOException {
    Path directory = Path.of("target", "faults", name).toAbsolutePath();
    FileSystemUtils.deleteRecursively(directory);
    Files.createDirectories(directory);
    return directory;
  }
}
