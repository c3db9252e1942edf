package org.microcredentials.bench;

import static org.microcredentials.credential.CredentialVariables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.microcredentials.MicroCredentialsApplication;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.IdentityChanged;
import org.microcredentials.framework.Organisation;
import org.microcredentials.report.ReportFilter;
import org.microcredentials.report.ReportName;
import org.microcredentials.report.Reports;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.microcredentials.testing.ApplicationYaml;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The performance harness of docs/performance.md. Starts its own PostgreSQL with {@code fsync} and
 * {@code synchronous_commit} on (a benchmark speaks for production), the application on it, and
 * measures in one run: flow throughput of our self-submission against a bare reference model of
 * the same shape, the database's own commit limit (probed between the flow cells), REST latency (task
 * completion against the reference model's), the data at scale, and heap. Every target is a ratio
 * or a bound checked against figures of the same run. {@link Settings#smoke()} runs it all in a
 * few seconds (the default test run), {@link Settings#full()} for real ({@code mvn -Pbench verify}).
 */
public final class Benchmark {

  /**
   * How long and how wide each measurement runs. {@code databaseSlice} is one probe of the database's commit rate
   * between the flow cells, {@code databaseLoop} pgbench's run. The REST targets are checked at the widest of
   * {@code restClients} (16 in the full run).
   */
  public record Settings(String name, Duration cell, Duration warmUp, List<Integer> workers, Duration databaseSlice,
      Duration databaseLoop, List<Integer> restClients, int restRequestsPerClient, int candidates, boolean pgbench,
      int bulkCredentials, int bulkApplications, int bulkEndorsements, int bulkOpenTasks, int reportRequestsPerClient,
      boolean enableMaterialComparison) {

    public static Settings smoke() {
      return new Settings("smoke", Duration.ofMillis(700), Duration.ofMillis(300), List.of(1, 2), Duration.ofMillis(300),
          Duration.ofMillis(500), List.of(1, 4), 3, 12, false, 10_000, 1_000, 200, 200, 1, true);
    }

    /**
     * The comparison of {@code enable_material} on and off at scale takes about three minutes: only with
     * {@code -Dbench.enable-material=compare}.
     */
    public static Settings full() {
      return new Settings("full", Duration.ofSeconds(15), Duration.ofSeconds(5), List.of(1, 2, 4), Duration.ofSeconds(4),
          Duration.ofSeconds(8), List.of(1, 4, 16), 25, 400, true, 1_000_000, 100_000, 20_000, 10_000, 10,
          "compare".equals(System.getProperty("bench.enable-material", "").strip()));
    }

    int widestRestClients() {
      return restClients.get(restClients.size() - 1);
    }
  }

  /** One line of the printed table. */
  public record Row(String measure, String figure, String target, Boolean met) {
    String cell() {
      return met == null ? "info" : met ? "met" : "NOT met";
    }
  }

  public record Report(String machine, Settings settings, List<Row> rows, Instant at) {

    public String table() {
      StringBuilder table = new StringBuilder();
      table.append("| measure | figure | target | |\n|---|---|---|---|\n");
      rows.forEach(row -> table.append("| ").append(row.measure()).append(" | ").append(row.figure()).append(" | ")
          .append(row.target()).append(" | ").append(row.cell()).append(" |\n"));
      return table.toString();
    }

    public String markdown() {
      return "Run `" + settings.name() + "` at " + at + " on " + machine + ".\n\n" + table();
    }
  }

  static final String REFERENCE_KEY = "BenchReferenceProcess";
  private static final String SEM_MEMBER = "ivan";
  private static final String ASSESSOR = "grace";
  private static final List<String> REVIEWERS = List.of("erin", "frank");
  private static final List<String> SKILLS = List.of("iLAN", "iPERF", "iOWN", "iTEST", "iARCH", "iSEC", "iOPS",
      "iDATA", "iDEL", "iCOLL", "iCOMM", "iMENT");
  /** Levels 4..6: two peer reviewers, the assessor grace (level 6) may assess all of them. */
  private static final int[] LEVELS = {4, 5, 6};

  private final Settings settings;
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, List<String>> groupsOf = new ConcurrentHashMap<>();
  private final AtomicInteger nextCandidate = new AtomicInteger();
  private final AtomicLong transactions = new AtomicLong();
  private Reports reports;
  private String loadAtStart = "";
  private ProcessEngine engine;
  private ApplicationEventPublisher events;
  private HikariDataSource applicationPool;

  public Benchmark(Settings settings) {
    this.settings = settings;
  }

  public Report run() throws Exception {
    loadAtStart = loadAverage();
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres
        .builder()
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "200")
        // What each flow asks of the database, counted by the server itself (databaseWorkPerFlow)
        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
        .setServerConfig("pg_stat_statements.track", "all")
        // The server's log in a file of its own, read back for the plans of Tasklist's page (tasklistPlans)
        .setServerConfig("logging_collector", "on")
        .start();
    try {
      String admin = postgres.getJdbcUrl("postgres", "postgres");
      try (Connection connection = DriverManager.getConnection(admin, "postgres", "postgres")) {
        connection.createStatement().execute("create database bench");
        // The database limit is measured beside the application's database, on the same server.
        connection.createStatement().execute("create database commit_loop");
      }
      String url = admin.replaceFirst("/postgres\\?", "/bench?");
      String commitLoop = admin.replaceFirst("/postgres\\?", "/commit_loop?");
      if (profileOnly()) {
        try (ConfigurableApplicationContext app = application(url, settings)) {
          engine = app.getBean(ProcessEngine.class);
          deployReference(app);
          databaseWorkPerFlow(url);
        }
        return report();
      }
      if (flowsOnly()) {
        try (ConfigurableApplicationContext app = application(url, settings)) {
          engine = app.getBean(ProcessEngine.class);
          deployReference(app);
          List<Double> databaseSlices = new ArrayList<>();
          throughput(() -> databaseSlices.add(databaseLimit(commitLoop)));
          rows.add(databaseSlicesRow(databaseSlices));
          databaseWorkPerFlow(url);
        }
        return report();
      }
      if (scaleOnly()) {
        try (ConfigurableApplicationContext app = application(url, settings)) {
          engine = app.getBean(ProcessEngine.class);
          reports = app.getBean(Reports.class);
          events = app;
          applicationPool = app.getBean(DataSource.class).unwrap(HikariDataSource.class);
          dataAtScale(((WebServerApplicationContext) app).getWebServer().getPort(), url);
        }
        return report();
      }
      Double pgbenchTps = settings.pgbench() ? pgbench(postgres.getPort()) : null;

      try (ConfigurableApplicationContext app = application(url, settings)) {
        engine = app.getBean(ProcessEngine.class);
        reports = app.getBean(Reports.class);
        events = app;
        applicationPool = app.getBean(DataSource.class).unwrap(HikariDataSource.class);
        deployReference(app);
        List<Double> databaseSlices = new ArrayList<>();
        List<Double> engineTps = throughput(() -> databaseSlices.add(databaseLimit(commitLoop)));
        rows.add(engineShareRow(engineTps.stream().mapToDouble(Double::doubleValue).max().orElse(0), databaseSlices));
        rows.add(databaseSlicesRow(databaseSlices));
        if (pgbenchTps != null) {
          rows.add(new Row("database: pgbench simple-update TPS, " + cores() + " clients", format(pgbenchTps), "", null));
        }
        databaseWorkPerFlow(url);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        restLatency(port);
        heap();
        dataAtScale(port, url);
      }
    } finally {
      postgres.close();
    }
    return report();
  }

  private void deployReference(ConfigurableApplicationContext app) {
    engine.getRepositoryService().createDeployment().name("benchmark reference")
        .addClasspathResource("bench/reference-self-submission.bpmn").deploy();
    grantStart(engine, "engineers", REFERENCE_KEY);
    createCandidates(app.getBean(Organisation.class));
  }

  private Report report() {
    String experiment = System.getProperty("bench.app-args", "").strip();
    Report report = new Report(machine(settings) + "; load average (1, 5, 15 min) at start " + loadAtStart + ", at end "
        + loadAverage() + (experiment.isEmpty() ? "" : "; application arguments: " + experiment)
        + (scaleOnly() ? "; only the data at scale (-Dbench.only=scale)" : "")
        + (profileOnly() ? "; only the database work per flow (-Dbench.only=profile)" : "")
        + (flowsOnly() ? "; only the flow cells and the database work per flow (-Dbench.only=flows)" : ""), settings,
        List.copyOf(rows), Instant.now());
    System.out.println("\n" + report.markdown());
    return report;
  }

  /** {@code -Dbench.only=scale}: only the bulk load and the queries at scale, for tuning them (a few minutes less). */
  static boolean scaleOnly() {
    return "scale".equals(System.getProperty("bench.only", "").strip());
  }

  /** {@code -Dbench.only=profile}: only what each flow asks of the database (a minute or two). */
  static boolean profileOnly() {
    return "profile".equals(System.getProperty("bench.only", "").strip());
  }

  /**
   * {@code -Dbench.only=flows}: only the flow cells (with the database's slices between them) and the database work per
   * flow, for profiling a flow (a few minutes). With {@code -Dbench.jfr=<file>} the flow cells are recorded by Java
   * Flight Recorder (settings {@code profile}); the workers' threads are named after the model and the width.
   */
  static boolean flowsOnly() {
    return "flows".equals(System.getProperty("bench.only", "").strip());
  }

  /** Writes the table between the markers of docs/performance.md, leaving the rest of the page. */
  public static void writeTo(Path page, Report report) throws IOException {
    String begin = "<!-- benchmark:begin -->";
    String end = "<!-- benchmark:end -->";
    String text = Files.exists(page) ? Files.readString(page) : "# Performance\n\n" + begin + "\n" + end + "\n";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    String replaced = text.substring(0, from + begin.length()) + "\n" + report.markdown() + text.substring(to);
    Files.writeString(page, replaced, StandardCharsets.UTF_8);
  }

  // --- 1. flow throughput -------------------------------------------------------------------

  /** A measurement run between two others, e.g. one slice of the database's commit rate. */
  @FunctionalInterface
  interface Probe {
    void run() throws Exception;
  }

  /**
   * Engine transactions/s of our flows at each width. {@code betweenCells} runs before the first width, between the
   * widths and after the last, with no flow running: the database's commit rate drifts on a shared disk, so it is
   * probed in the same minutes as the flows, not once before and once after everything.
   */
  private List<Double> throughput(Probe betweenCells) throws Exception {
    List<Double> engineTps = new ArrayList<>();
    String jfr = System.getProperty("bench.jfr", "").strip();
    jdk.jfr.Recording recording = null;
    if (!jfr.isEmpty()) {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.setDestination(Path.of(jfr));
      recording.start();
    }
    try {
      betweenCells.run();
      for (int workers : settings.workers()) {
        // Reference and ours back to back at each width, so drift on a shared machine hits both alike.
        double[] reference = measureFlows(workers, "reference", this::referenceFlow);
        double[] ours = measureFlows(workers, "self-submission", this::selfSubmissionFlow);
        double ratio = ours[0] / reference[0];
        rows.add(new Row("flows/s, " + workers + " worker(s): reference model", format(reference[0])
            + " (" + format(reference[1]) + " tx/s)", "", null));
        rows.add(new Row("flows/s, " + workers + " worker(s): self-submission", format(ours[0])
            + " (" + format(ours[1]) + " tx/s)", "", null));
        rows.add(new Row("self-submission / reference, " + workers + " worker(s)", format2(ratio), ">= 0.80",
            ratio >= 0.8));
        rows.add(new Row("a worker's time per flow, " + workers + " worker(s): reference model / self-submission",
            format2(reference[2]) + " / " + format2(ours[2]) + " ms, of which the JVM's CPU in the worker "
            + format2(reference[3]) + " / " + format2(ours[3]) + " ms", "", null));
        engineTps.add(ours[1]);
        betweenCells.run();
      }
    } finally {
      if (recording != null) {
        recording.stop(); // written to its destination
        recording.close();
      }
    }
    return engineTps;
  }

  /**
   * Flows/s and transactions/s of complete flows driven by {@code workers} threads for one cell, and per flow: a
   * worker's wall time and the CPU time of the JVM in the worker's thread (the engine, our code and the driver; not
   * the database server's).
   */
  private double[] measureFlows(int workers, String model, Runnable flow) throws Exception {
    runFor(workers, model + "-warmup", settings.warmUp(), flow);
    long before = transactions.get();
    long started = System.nanoTime();
    long[] flowsAndCpu = runFor(workers, model + "-" + workers, settings.cell(), flow);
    long nanos = System.nanoTime() - started;
    double seconds = nanos / 1e9;
    long flows = Math.max(1, flowsAndCpu[0]);
    return new double[] {flowsAndCpu[0] / seconds, (transactions.get() - before) / seconds,
        workers * nanos / 1e6 / flows, flowsAndCpu[1] / 1e6 / flows};
  }

  /** Flows done and the CPU time of the workers' threads, each thread named {@code flows-<model>-<i>}. */
  private long[] runFor(int workers, String model, Duration duration, Runnable flow) throws Exception {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers,
        task -> new Thread(task, "flows-" + model + "-" + threads.incrementAndGet()));
    long deadline = System.nanoTime() + duration.toNanos();
    java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    List<Future<long[]>> counts = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      counts.add(pool.submit(() -> {
        long cpuBefore = cpu.getCurrentThreadCpuTime();
        long done = 0;
        while (System.nanoTime() < deadline) {
          flow.run();
          done++;
        }
        return new long[] {done, cpu.getCurrentThreadCpuTime() - cpuBefore};
      }));
    }
    long flows = 0;
    long cpuNanos = 0;
    for (Future<long[]> count : counts) {
      flows += count.get()[0];
      cpuNanos += count.get()[1];
    }
    pool.shutdown();
    return new long[] {flows, cpuNanos};
  }

  /** Per thread: the candidate it applies for, and which skill and level comes next. */
  private final ThreadLocal<int[]> applicationCursor = ThreadLocal.withInitial(() -> new int[] {-1, 0});

  private void selfSubmissionFlow() {
    int[] cursor = applicationCursor.get();
    if (cursor[0] < 0 || cursor[1] == SKILLS.size() * LEVELS.length) {
      cursor[0] = nextCandidate.getAndIncrement();
      cursor[1] = 0;
    }
    String candidate = candidate(cursor[0]);
    // Levels ascend per skill: a held level blocks applying for it (or lower) again.
    String skill = SKILLS.get(cursor[1] % SKILLS.size());
    int level = LEVELS[cursor[1] / SKILLS.size()];
    cursor[1]++;
    Map<String, Object> variables = new HashMap<>();
    variables.put(SKILL_CODE.name(), skill);
    variables.put(SKILL_LEVEL.name(), level);
    variables.put(ImpactStatement.PROBLEM.name(), "Our build took 40 minutes and blocked releases.");
    variables.put(ImpactStatement.ACTIONS.name(), "I profiled the build, parallelised the test suites and cached dependencies.");
    variables.put(ImpactStatement.RESULTS.name(), "Build time fell to 9 minutes; we release daily instead of weekly.");
    variables.put(ImpactStatement.LINKS.name(), "https://git.example.org/build/pull/42");
    String instance = transaction(candidate,
        () -> engine.getRuntimeService().startProcessInstanceByKey(SelfSubmissionProcess.KEY, variables).getId());
    work(instance, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, SEM_MEMBER, Map.of(ASSESSOR_ID.name(), ASSESSOR));
    work(instance, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, ASSESSOR,
        Map.of(SCORE.name(), 9, JUSTIFICATION.name(), "Clear impact, measured results."));
    for (String reviewer : REVIEWERS) {
      work(instance, ReviewRoundProcess.Tasks.PEER_REVIEW, reviewer, Map.of(REVIEW_AGREES.name(), true, REVIEW_COMMENT.name(), "Agreed."));
    }
    requireEnded(instance);
  }

  private void referenceFlow() {
    String instance = transaction("henry", () -> engine.getRuntimeService()
        .startProcessInstanceByKey(REFERENCE_KEY, Map.of("reviewerCount", REVIEWERS.size())).getId());
    work(instance, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, SEM_MEMBER, Map.of(ASSESSOR_ID.name(), ASSESSOR));
    work(instance, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, ASSESSOR, Map.of());
    for (String reviewer : REVIEWERS) {
      work(instance, ReviewRoundProcess.Tasks.PEER_REVIEW, reviewer, Map.of());
    }
    requireEnded(instance);
  }

  /** Claims (unless assigned) and completes one open task, then runs the jobs it left, as the job executor would. */
  private void work(String instance, String taskKey, String person, Map<String, Object> variables) {
    TaskService tasks = engine.getTaskService();
    // The flow's tasks and jobs are in the instance or in one it called (the review round).
    Task task = running(instance).stream()
        .flatMap(each -> tasks.createTaskQuery().processInstanceId(each).taskDefinitionKey(taskKey).active().list().stream())
        .filter(open -> open.getAssignee() == null || open.getAssignee().equals(person)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No " + taskKey + " for " + person + " in " + instance));
    if (task.getAssignee() == null) {
      transaction(person, () -> {
        tasks.claim(task.getId(), person);
        return null;
      });
    }
    transaction(person, () -> {
      tasks.complete(task.getId(), variables);
      return null;
    });
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 10; round++) {
      List<Job> due = running(instance).stream()
          .flatMap(each -> management.createJobQuery().processInstanceId(each).executable().list().stream()).toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
        transactions.incrementAndGet();
      }
    }
  }

  /** The instance, if it still runs, and the instances it called that still run (innermost last). */
  private List<String> running(String instance) {
    List<String> family = new ArrayList<>();
    for (String current = instance; current != null; ) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(current).count() == 0) {
        break;
      }
      family.add(current);
      var called = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(current).singleResult();
      current = called == null ? null : called.getId();
    }
    return family;
  }

  private void requireEnded(String instance) {
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
      throw new IllegalStateException("Flow " + instance + " did not end");
    }
  }

  /** One engine command as the person, as Tasklist would send it: counted as one transaction. */
  private <T> T transaction(String person, Supplier<T> command) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(person, groupsOf.computeIfAbsent(person,
        user -> identity.createGroupQuery().groupMember(user).list().stream().map(group -> group.getId()).toList()));
    try {
      T result = command.get();
      transactions.incrementAndGet();
      return result;
    } finally {
      identity.clearAuthentication();
    }
  }

  private static String candidate(int number) {
    return String.format(Locale.ROOT, "bench%04d", number);
  }

  /** Engineers of level 1 who apply: each gives 36 flows (12 skills x levels 4..6). */
  private void createCandidates(Organisation organisation) {
    IdentityService identity = engine.getIdentityService();
    for (int number = 0; number < settings.candidates(); number++) {
      String userId = candidate(number);
      organisation.save(new Engineer(userId, "Bench " + number, userId + "@example.org", 1, "Engineer I", "dave"));
      User user = identity.newUser(userId);
      user.setFirstName("Bench");
      user.setLastName(String.valueOf(number));
      user.setEmail(userId + "@example.org");
      user.setPassword(userId);
      identity.saveUser(user);
      identity.createMembership(userId, "engineers");
    }
  }

  // --- 1b. what one flow asks of the database ---------------------------------------------------

  /** The statements of a number of flows, as PostgreSQL's pg_stat_statements counted them, by statement. */
  record DatabaseWork(int flows, List<StatementWork> statements) {

    long calls() {
      return statements.stream().mapToLong(StatementWork::calls).sum();
    }

    long rows() {
      return statements.stream().mapToLong(StatementWork::rows).sum();
    }

    double millis() {
      return statements.stream().mapToDouble(StatementWork::millis).sum();
    }

    /** Calls per flow by the family of tables a statement names first: the engine's runtime, history, ... or ours. */
    Map<String, Double> callsPerFlowByFamily() {
      Map<String, Double> families = new java.util.TreeMap<>();
      statements.forEach(statement -> families.merge(statement.family(), (double) statement.calls() / flows, Double::sum));
      return families;
    }
  }

  record StatementWork(long calls, long rows, double millis, String query) {

    private static final java.util.regex.Pattern TABLE = java.util.regex.Pattern.compile(
        "(?i)\\b(?:from|into|update|join)\\s+([a-z_][a-z0-9_.]*)");

    /** ACT_RU, ACT_HI, ACT_ID, ACT_RE/ACT_GE (the engine's families), ours, or the transaction's own commands. */
    String family() {
      java.util.regex.Matcher table = TABLE.matcher(query);
      if (!table.find()) {
        return query.strip().toLowerCase(Locale.ROOT).split("\\s+")[0];
      }
      String name = table.group(1).toLowerCase(Locale.ROOT);
      if (name.startsWith("act_ru_")) {
        return "engine runtime (ACT_RU_*)";
      }
      if (name.startsWith("act_hi_")) {
        return "engine history (ACT_HI_*)";
      }
      if (name.startsWith("act_id_")) {
        return "engine identity (ACT_ID_*)";
      }
      if (name.startsWith("act_")) {
        return "engine repository, properties (ACT_RE_*, ACT_GE_*)";
      }
      return "ours (" + name + ")";
    }
  }

  /**
   * What one flow asks of the database, ours and the reference model's, one worker, as the server counted it
   * (pg_stat_statements, reset before each): statements, rows and the server's execution time per flow, and per
   * family of tables. Counts, not timings, so they do not depend on the machine's load; the statements behind the
   * difference are written, most frequent first, to {@code target/bench/statements-per-flow.md}.
   */
  private void databaseWorkPerFlow(String url) throws Exception {
    int flows = settings.name().equals("smoke") ? 2 : 20;
    DatabaseWork reference = databaseWork(url, flows, this::referenceFlow);
    DatabaseWork ours = databaseWork(url, flows, this::selfSubmissionFlow);
    rows.add(new Row("database statements per flow: reference model / self-submission (pg_stat_statements, "
        + flows + " flows each)", format(reference.calls() / (double) flows) + " / "
        + format(ours.calls() / (double) flows), "", null));
    rows.add(new Row("rows read or written per flow: reference model / self-submission",
        format(reference.rows() / (double) flows) + " / " + format(ours.rows() / (double) flows), "", null));
    rows.add(new Row("server execution time per flow: reference model / self-submission",
        format2(reference.millis() / flows) + " / " + format2(ours.millis() / flows) + " ms", "", null));
    Map<String, Double> referenceFamilies = reference.callsPerFlowByFamily();
    Map<String, Double> ourFamilies = ours.callsPerFlowByFamily();
    java.util.Set<String> families = new java.util.TreeSet<>(referenceFamilies.keySet());
    families.addAll(ourFamilies.keySet());
    StringBuilder byFamily = new StringBuilder();
    for (String family : families) {
      double theirs = referenceFamilies.getOrDefault(family, 0.0);
      double mine = ourFamilies.getOrDefault(family, 0.0);
      if (mine >= 1 || theirs >= 1) {
        byFamily.append(byFamily.isEmpty() ? "" : "; ").append(family).append(' ').append(format(theirs)).append(" / ")
            .append(format(mine));
      }
    }
    rows.add(new Row("statements per flow by tables: reference model / self-submission", byFamily.toString(), "", null));
    writeStatements(flows, reference, ours);
  }

  private DatabaseWork databaseWork(String url, int flows, Runnable flow) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("create extension if not exists pg_stat_statements");
      for (int i = 0; i < 3; i++) {
        flow.run(); // caches and the JIT as in the flows measured
      }
      statement.execute("select pg_stat_statements_reset()");
      for (int i = 0; i < flows; i++) {
        flow.run();
      }
      List<StatementWork> work = new ArrayList<>();
      try (ResultSet counted = statement.executeQuery("select calls, rows, total_exec_time, query from pg_stat_statements"
          + " where dbid = (select oid from pg_database where datname = current_database())"
          + " and query not like '%pg_stat_statements%' order by calls desc")) {
        while (counted.next()) {
          work.add(new StatementWork(counted.getLong(1), counted.getLong(2), counted.getDouble(3), counted.getString(4)));
        }
      }
      return new DatabaseWork(flows, work);
    }
  }

  private static void writeStatements(int flows, DatabaseWork reference, DatabaseWork ours) throws IOException {
    StringBuilder page = new StringBuilder("# Statements per flow\n\nCounted by pg_stat_statements over " + flows
        + " flows each, one worker; calls and rows per flow, most frequent first.\n");
    for (var entry : List.of(Map.entry("Self-submission", ours), Map.entry("Reference model", reference))) {
      page.append("\n## ").append(entry.getKey()).append("\n\n| calls | rows | ms | tables | statement |\n|---|---|---|---|---|\n");
      for (StatementWork statement : entry.getValue().statements()) {
        String query = statement.query().replaceAll("\\s+", " ").replace("|", "\\|");
        page.append("| ").append(format2(statement.calls() / (double) flows)).append(" | ")
            .append(format2(statement.rows() / (double) flows)).append(" | ")
            .append(format3(statement.millis() / flows)).append(" | ").append(statement.family()).append(" | `")
            .append(query.length() > 200 ? query.substring(0, 200) + "…" : query).append("` |\n");
      }
    }
    Path file = Path.of("target", "bench", "statements-per-flow.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, page, StandardCharsets.UTF_8);
    System.out.println("Statements per flow: " + file.toAbsolutePath());
  }

  // --- 2. the database's own limit --------------------------------------------------------------

  /** The engine's transactions/s may be at least this share of the database's own commits/s. */
  static final double ENGINE_SHARE_TARGET = 0.15;
  /**
   * The database's commit rate is a yardstick only while it holds still: the slices' spread, (max - min) / median,
   * may be at most this. Beyond it the disk moved under the run (fsync on a shared disk; runs before showed 0.12 to
   * 0.56 between one probe before and one after the flows) and no ratio against it means anything.
   */
  static final double BASELINE_SPREAD_LIMIT = 0.25;

  /**
   * The engine's transactions/s against the median of the database's slices, or, when the slices spread too far,
   * no ratio at all: the row then says so and counts as not met, never as met.
   */
  static Row engineShareRow(double engineTps, List<Double> databaseSlices) {
    String measure = "engine tx/s (best self-submission width) / database commits/s (median of the slices)";
    String target = ">= " + format2(ENGINE_SHARE_TARGET) + ", the slices' spread <= " + format2(BASELINE_SPREAD_LIMIT);
    double spread = spread(databaseSlices);
    if (!(spread <= BASELINE_SPREAD_LIMIT)) {
      return new Row(measure, "spread too large: " + format2(spread) + " (inconclusive)", target, false);
    }
    double share = engineTps / median(databaseSlices);
    return new Row(measure, format3(share) + " (" + format(engineTps) + " / " + format(median(databaseSlices))
        + "; spread " + format2(spread) + ")", target, share >= ENGINE_SHARE_TARGET);
  }

  /** (max - min) / median of the slices; infinite when there is nothing to compare against. */
  static double spread(List<Double> slices) {
    if (slices.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    double median = median(slices);
    double range = Collections.max(slices) - Collections.min(slices);
    return median > 0 ? range / median : Double.POSITIVE_INFINITY;
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private Row databaseSlicesRow(List<Double> databaseSlices) {
    return new Row("database: JDBC UPDATE+INSERT commits/s, " + cores() + " clients, " + databaseSlices.size()
        + " slices of " + seconds(settings.databaseSlice()) + " before, between and after the flow cells",
        spreadFigure(databaseSlices), "", null);
  }

  private static String spreadFigure(List<Double> slices) {
    return "min " + format(Collections.min(slices)) + " / median " + format(median(slices)) + " / max "
        + format(Collections.max(slices)) + ", spread " + format2(spread(slices)) + " (in order: "
        + String.join(", ", slices.stream().map(Benchmark::format).toList()) + ")";
  }

  private static String seconds(Duration duration) {
    return format(duration.toMillis() / 1000.0) + " s";
  }

  /** Commit-bound transactions/s: one client per core, each a loop of UPDATE one row + INSERT one row, commit. */
  private double databaseLimit(String url) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
        Statement ddl = connection.createStatement()) {
      ddl.execute("create table if not exists bench_counter (id int primary key, hits bigint not null)");
      ddl.execute("create table if not exists bench_event (id bigserial primary key, counter_id int not null, at timestamptz not null)");
      ddl.execute("insert into bench_counter select g, 0 from generate_series(0, 63) g on conflict do nothing");
    }
    int clients = cores();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long deadline = System.nanoTime() + settings.databaseSlice().toNanos();
    long started = System.nanoTime();
    List<Future<Long>> counts = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      int row = client;
      counts.add(pool.submit(() -> {
        long committed = 0;
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
            PreparedStatement update = connection.prepareStatement("update bench_counter set hits = hits + 1 where id = ?");
            PreparedStatement insert = connection.prepareStatement(
                "insert into bench_event (counter_id, at) values (?, now())")) {
          connection.setAutoCommit(false);
          while (System.nanoTime() < deadline) {
            update.setInt(1, row);
            update.executeUpdate();
            insert.setInt(1, row);
            insert.executeUpdate();
            connection.commit();
            committed++;
          }
        }
        return committed;
      }));
    }
    long committed = 0;
    for (Future<Long> count : counts) {
      committed += count.get();
    }
    pool.shutdown();
    return committed / ((System.nanoTime() - started) / 1e9);
  }

  /** pgbench's simple-update script on the same server, where Debian's postgresql package installed it. */
  private Double pgbench(int port) {
    Path binary = Path.of("/usr/bin/pgbench");
    if (!Files.isExecutable(binary)) {
      rows.add(new Row("database: pgbench", "not installed", "", null));
      return null;
    }
    try {
      String seconds = String.valueOf(settings.databaseLoop().toSeconds());
      String clients = String.valueOf(cores());
      run(List.of(binary.toString(), "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-i", "-q", "commit_loop"));
      String output = run(List.of(binary.toString(), "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres",
          "-N", "-c", clients, "-j", clients, "-T", seconds, "commit_loop"));
      return output.lines().filter(line -> line.startsWith("tps = ")).findFirst()
          .map(line -> Double.parseDouble(line.substring(6).split(" ")[0])).orElse(null);
    } catch (Exception e) {
      rows.add(new Row("database: pgbench", "failed: " + e.getMessage(), "", null));
      return null;
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", "postgres");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + ": " + output);
    }
    return output;
  }

  // --- 3. REST latency ---------------------------------------------------------------------------

  private void restLatency(int port) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base = "http://localhost:" + port;
    // A warm-up round, not counted: the first requests of a path pay for class loading and the JIT.
    List<Integer> widths = new ArrayList<>(List.of(2));
    widths.addAll(settings.restClients());
    for (int round = 0; round < widths.size(); round++) {
      int clients = widths.get(round);
      boolean warmUp = round == 0;
      int requests = warmUp ? 2 * settings.restRequestsPerClient() : clients * settings.restRequestsPerClient();
      // Tasks to complete: the SEM team's assignment task of fresh applications, claimed by ivan, of the reference
      // model and of ours, all prepared before either is timed.
      List<String> referenceTaskIds = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        referenceTaskIds.add(referenceAssignmentTaskClaimedBySem());
      }
      List<String> taskIds = new ArrayList<>();
      // Fresh candidates, each with one open application per skill.
      int firstCandidate = nextCandidate.getAndAdd((requests + SKILLS.size() - 1) / SKILLS.size());
      for (int i = 0; i < requests; i++) {
        taskIds.add(assignmentTaskClaimedBySem(firstCandidate + i / SKILLS.size(), SKILLS.get(i % SKILLS.size())));
      }
      // The same call with the same body, the reference model's right before ours, as the flow cells.
      List<Long> referenceCompletion = completeThroughRest(http, base, clients, referenceTaskIds);
      List<Long> completion = completeThroughRest(http, base, clients, taskIds);
      if (!warmUp) {
        rows.add(latencyRow("POST /engine-rest/task/{id}/complete (reference model's assignment task)", clients,
            referenceCompletion, null));
        rows.add(latencyRow("POST /engine-rest/task/{id}/complete (self-submission's assignment task)", clients,
            completion, null));
        if (clients == settings.widestRestClients()) {
          rows.add(completionAgainstReference(clients, completion, referenceCompletion));
        }
      }
      AtomicInteger holder = new AtomicInteger();
      List<Long> portfolio = measureRequests(clients, requests, () -> HttpRequest
          .newBuilder(URI.create(base + "/api/engineers/" + candidate(holder.getAndIncrement() % Math.max(1,
              Math.min(nextCandidate.get(), settings.candidates()))) + "/credentials"))
          .header("Authorization", basic("demo")).GET().build(), http, 200);
      if (!warmUp) {
        rows.add(latencyRow("GET /api/engineers/{id}/credentials", clients, portfolio,
            clients == settings.widestRestClients() ? CREDENTIALS_P99_MILLIS : null));
      }
      // The public status list, as every verifier and wallet asks for it (anonymously, no cache of its own): served
      // from its stored signature, signed once per change.
      long started = System.nanoTime();
      List<Long> statusList = measureRequests(clients, requests, () -> HttpRequest
          .newBuilder(URI.create(base + "/api/credentials/status/0")).GET().build(), http, 200);
      double seconds = (System.nanoTime() - started) / 1e9;
      if (!warmUp) {
        Row latency = latencyRow("GET /api/credentials/status/{n} (public)", clients, statusList, null);
        rows.add(new Row(latency.measure(), latency.figure() + ", " + format(requests / seconds) + " requests/s", "",
            null));
      }
    }
  }

  /** Our task completion's p99 may be at most this multiple of the reference model's, at the same clients. */
  static final double COMPLETION_P99_RATIO_TARGET = 1.25;
  /** The credentials of one engineer: p99 at most this at the widest client count. */
  static final double CREDENTIALS_P99_MILLIS = 50;

  private static Row completionAgainstReference(int clients, List<Long> ours, List<Long> reference) {
    double oursP99 = percentile(sorted(ours), 0.99);
    double referenceP99 = percentile(sorted(reference), 0.99);
    double ratio = oursP99 / referenceP99;
    return new Row("task completion through REST, p99 at " + clients + " clients: self-submission / reference model",
        format(oursP99) + " / " + format(referenceP99) + " ms = " + format2(ratio),
        "<= " + format2(COMPLETION_P99_RATIO_TARGET), ratio <= COMPLETION_P99_RATIO_TARGET);
  }

  /** Completes each task once through {@code POST /engine-rest/task/{id}/complete} as ivan, naming grace the assessor. */
  private static List<Long> completeThroughRest(HttpClient http, String base, int clients, List<String> taskIds)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    return measureRequests(clients, taskIds.size(), () -> {
      String taskId = taskIds.get(next.getAndIncrement());
      return HttpRequest.newBuilder(URI.create(base + "/engine-rest/task/" + taskId + "/complete"))
          .header("Authorization", basic(SEM_MEMBER)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"variables\":{\"" + ASSESSOR_ID.name() + "\":{\"value\":\"" + ASSESSOR + "\"}}}"))
          .build();
    }, http, 204);
  }

  /**
   * The reference model's assignment task, claimed by ivan. The reference model has no forms, and a task without a
   * form takes no variable through REST unless it comes back unchanged ({@code TaskInputsFilter}): so the instance
   * starts with the assessor the completion names, and the same call with the same body goes through.
   */
  private String referenceAssignmentTaskClaimedBySem() {
    String instance = transaction("henry", () -> engine.getRuntimeService().startProcessInstanceByKey(REFERENCE_KEY,
        Map.of("reviewerCount", REVIEWERS.size(), ASSESSOR_ID.name(), ASSESSOR)).getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .taskDefinitionKey(ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR).singleResult();
    transaction(SEM_MEMBER, () -> {
      engine.getTaskService().claim(task.getId(), SEM_MEMBER);
      return null;
    });
    return task.getId();
  }

  private String assignmentTaskClaimedBySem(int number, String skill) {
    if (number >= settings.candidates()) {
      throw new IllegalStateException("Not enough benchmark candidates: raise Settings.candidates");
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(SKILL_CODE.name(), skill);
    variables.put(SKILL_LEVEL.name(), 4);
    variables.put(ImpactStatement.PROBLEM.name(), "A problem.");
    variables.put(ImpactStatement.ACTIONS.name(), "Actions.");
    variables.put(ImpactStatement.RESULTS.name(), "Results.");
    String instance = transaction(candidate(number),
        () -> engine.getRuntimeService().startProcessInstanceByKey(SelfSubmissionProcess.KEY, variables).getId());
    String round = running(instance).get(running(instance).size() - 1);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(round)
        .taskDefinitionKey(ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR).singleResult();
    transaction(SEM_MEMBER, () -> {
      engine.getTaskService().claim(task.getId(), SEM_MEMBER);
      return null;
    });
    return task.getId();
  }

  private static List<Long> measureRequests(int clients, int requests, Supplier<HttpRequest> request, HttpClient http,
      int expectedStatus) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger remaining = new AtomicInteger(requests);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> done = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      done.add(pool.submit(() -> {
        while (remaining.getAndDecrement() > 0) {
          HttpRequest next = request.get();
          long started = System.nanoTime();
          HttpResponse<String> response = http.send(next, HttpResponse.BodyHandlers.ofString());
          latencies.add(System.nanoTime() - started);
          if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(next.uri() + " answered " + response.statusCode() + ": " + response.body());
          }
        }
        return null;
      }));
    }
    for (Future<?> client : done) {
      client.get();
    }
    pool.shutdown();
    return latencies;
  }

  /** p50, p95 and p99 of a call; with a bound on the p99 where {@code p99Millis} names one. */
  private static Row latencyRow(String call, int clients, List<Long> latencies, Double p99Millis) {
    List<Long> sorted = sorted(latencies);
    double p99 = percentile(sorted, 0.99);
    String figure = "p50 " + format(percentile(sorted, 0.50)) + " / p95 " + format(percentile(sorted, 0.95)) + " / p99 "
        + format(p99) + " ms (" + sorted.size() + " requests)";
    return new Row(call + ", " + clients + " client(s)", figure, p99Millis == null ? "" : "p99 <= " + format(p99Millis)
        + " ms", p99Millis == null ? null : p99 <= p99Millis);
  }

  private static List<Long> sorted(List<Long> latencies) {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return sorted;
  }

  private static double percentile(List<Long> sortedNanos, double quantile) {
    int index = (int) Math.ceil(quantile * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, Math.min(index, sortedNanos.size() - 1))) / 1e6;
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  // --- 4. data at scale --------------------------------------------------------------------------

  /**
   * Bulk-loads the programme's data (engineers, applications, endorsements, credentials, promotion applications and the
   * history the flows leave: {@code bench/reports-at-scale.sql}) and open tasks straight into the
   * tables (set-based SQL, not through the engine), then times the queries people wait for and
   * every report.
   */
  private void dataAtScale(int port, String url) throws Exception {
    int holders = Math.max(1, settings.bulkCredentials() / 10);
    long started = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
        Statement sql = connection.createStatement()) {
      Map<String, Object> placeholders = Map.of("engineers", holders, "applications", settings.bulkApplications(),
          "endorsements", settings.bulkEndorsements(), "credentials", settings.bulkCredentials(),
          "promotions", Math.max(1, settings.bulkApplications() / 20),
          "selfSubmissionDefinition", latestDefinition(SelfSubmissionProcess.KEY),
          "reviewRoundDefinition", latestDefinition(ReviewRoundProcess.KEY),
          "endorsementDefinition", latestDefinition(EndorsementProcess.KEY));
      for (String statement : statements("bench/reports-at-scale.sql", placeholders)) {
        sql.execute(statement);
      }
      String definitionId = latestDefinition(SelfSubmissionProcess.KEY);
      sql.execute("""
          insert into act_ru_task (id_, rev_, proc_def_id_, name_, task_def_key_, priority_, create_time_,
            suspension_state_)
          select 'scale-task-' || g, 1, '%s', 'Assign an assessor', 'Task_AssignAssessor', 50,
            now() - g * interval '1 second', 1
          from generate_series(1, %d) g""".formatted(definitionId, settings.bulkOpenTasks()));
      sql.execute("""
          insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
          select 'scale-link-' || g, 1, 'sem-team', 'candidate', 'scale-task-' || g
          from generate_series(1, %d) g""".formatted(settings.bulkOpenTasks()));
      // What the engine writes beside each such task with authorizations on: the candidate group's
      // grant, and the REVOKE that hides the task from its candidate (HideFromApplicantsListener).
      int groupGrant = TaskPermissions.READ.getValue() | TaskPermissions.UPDATE.getValue()
          | TaskPermissions.READ_VARIABLE.getValue();
      int hidden = ~ParticipantAccess.HIDDEN.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
      sql.execute("""
          insert into act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_)
          select 'scale-grant-' || g, 1, %d, 'sem-team', null, %d, 'scale-task-' || g, %d
          from generate_series(1, %d) g""".formatted(Authorization.AUTH_TYPE_GRANT, Resources.TASK.resourceType(),
          groupGrant, settings.bulkOpenTasks()));
      sql.execute("""
          insert into act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_)
          select 'scale-revoke-' || g, 1, %d, null, 'scale' || (1 + g %% %d), %d, 'scale-task-' || g, %d
          from generate_series(1, %d) g""".formatted(Authorization.AUTH_TYPE_REVOKE, holders,
          Resources.TASK.resourceType(), hidden, settings.bulkOpenTasks()));
      // As autovacuum leaves bulk-loaded tables: statistics, and the pages marked all-visible (index-only scans).
      sql.execute("vacuum analyze");
    }
    rows.add(new Row("bulk load: " + settings.bulkApplications() + " applications, " + settings.bulkEndorsements()
        + " endorsements, " + settings.bulkCredentials() + " credentials over " + holders + " engineers, their history ("
        + historicInstances(url) + " historic instances, " + historicTasks(url) + " historic tasks), "
        + settings.bulkOpenTasks() + " open tasks", format((System.nanoTime() - started) / 1e9) + " s", "", null));

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base = "http://localhost:" + port;
    int clients = 4;
    int requests = clients * settings.restRequestsPerClient() * 2;
    AtomicInteger holder = new AtomicInteger();
    List<Long> credentials = measureRequests(clients, requests, () -> HttpRequest
        .newBuilder(URI.create(base + "/api/engineers/scale" + (1 + holder.getAndAdd(7919) % holders) + "/credentials"))
        .header("Authorization", basic("demo")).GET().build(), http, 200);
    rows.add(p95Row("credentials of one engineer among " + settings.bulkCredentials()
        + " (GET /api/engineers/{id}/credentials), 4 clients", credentials, 10));
    rememberedAgainstCheckedLogins(http, base, clients, requests, holders);
    // The portfolio page (GET /api/engineers/{id}/portfolio) comes with another branch: measured
    // where the application has it, otherwise a historic lookup stands in.
    HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create(base + "/api/engineers/scale1/portfolio"))
        .header("Authorization", basic("demo")).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (probe.statusCode() == 200) {
      AtomicInteger owner = new AtomicInteger();
      List<Long> portfolio = measureRequests(clients, requests, () -> HttpRequest
          .newBuilder(URI.create(base + "/api/engineers/scale" + (1 + owner.getAndAdd(7919) % holders) + "/portfolio"))
          .header("Authorization", basic("demo")).GET().build(), http, 200);
      rows.add(p95Row("portfolio of one engineer among " + settings.bulkCredentials()
          + " credentials (GET /api/engineers/{id}/portfolio), 4 clients", portfolio, 20));
    }
    AtomicInteger application = new AtomicInteger();
    List<Long> history = measureRequests(clients, requests, () -> HttpRequest
        .newBuilder(URI.create(base + "/engine-rest/history/process-instance?processInstanceBusinessKey="
            + String.format(Locale.ROOT, "APP-BENCH-%07d", 1 + application.getAndAdd(7919) % settings.bulkApplications())))
        .header("Authorization", basic("demo")).GET().build(), http, 200);
    rows.add(p95Row("one application's history (its 2 instances) among " + settings.bulkApplications()
        + " applications' (GET /engine-rest/history/process-instance?processInstanceBusinessKey=), 4 clients",
        history, 20));
    List<Long> tasklist = measureRequests(clients, requests, () -> HttpRequest
        .newBuilder(URI.create(base + "/engine-rest/task?candidateGroups=sem-team&includeAssignedTasks=true"
            + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15"))
        .header("Authorization", basic(SEM_MEMBER)).GET().build(), http, 200);
    rows.add(p95Row("Tasklist's group task page among " + settings.bulkOpenTasks()
        + " open tasks (GET /engine-rest/task?candidateGroups=sem-team&includeAssignedTasks=true, newest 15), 4 clients",
        tasklist, 100));
    reportsAtScale(http, base, clients, url);
    if (settings.enableMaterialComparison()) {
      materialisationOnAgainstOff(http, base, clients, holders, url);
    }
  }

  /**
   * Whether PostgreSQL's planner setting {@code enable_material = off} for the application's connections helps
   * Tasklist's group-task page (docs/performance.md: the planner materialises the caller's grants and compares every
   * task with all of them) without making the other queries at scale slower. Three rounds of each, alternating and
   * in turn first (on, off; off, on; on, off), each measure after an uncounted warm-up; the median of the rounds' p50
   * and p95 and the spread of their p95. "On" is PostgreSQL's default (the benchmark's application runs without the
   * {@code postgres} profile, which turns it off for production). The setting is switched for the
   * application's role ({@code ALTER ROLE ... SET} / {@code RESET}) and reaches the pool because its connections are
   * replaced ({@code softEvictConnections}), checked with {@code SHOW enable_material} on every connection the pool
   * may hold. Then the page's plan in each mode ({@link #tasklistPlans}).
   */
  private void materialisationOnAgainstOff(HttpClient http, String base, int clients, int holders, String url)
      throws Exception {
    int requests = clients * settings.restRequestsPerClient();
    int reportRequests = clients * Math.max(1, settings.reportRequestsPerClient() / 2);
    AtomicInteger holder = new AtomicInteger();
    AtomicInteger application = new AtomicInteger();
    Map<String, Supplier<HttpRequest>> measures = new LinkedHashMap<>();
    measures.put("Tasklist's group task page (newest 15 of " + settings.bulkOpenTasks() + ")", () -> HttpRequest
        .newBuilder(URI.create(base + "/engine-rest/task?candidateGroups=sem-team&includeAssignedTasks=true"
            + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15"))
        .header("Authorization", basic(SEM_MEMBER)).GET().build());
    measures.put("credentials of one engineer", () -> HttpRequest
        .newBuilder(URI.create(base + "/api/engineers/scale" + (1 + holder.getAndAdd(7919) % holders) + "/credentials"))
        .header("Authorization", basic("demo")).GET().build());
    measures.put("portfolio of one engineer", () -> HttpRequest
        .newBuilder(URI.create(base + "/api/engineers/scale" + (1 + holder.getAndAdd(7919) % holders) + "/portfolio"))
        .header("Authorization", basic("demo")).GET().build());
    measures.put("one application's history", () -> HttpRequest
        .newBuilder(URI.create(base + "/engine-rest/history/process-instance?processInstanceBusinessKey="
            + String.format(Locale.ROOT, "APP-BENCH-%07d", 1 + application.getAndAdd(7919) % settings.bulkApplications())))
        .header("Authorization", basic("demo")).GET().build());
    List<String> reportPaths = List.of(ReportName.SUBMISSIONS.slug(), ReportName.SLA_BREACHES.slug(),
        ReportName.SUBMISSIONS.slug() + "?team=" + TEAM_LEAD, ReportName.SLA_BREACHES.slug() + "?team=" + TEAM_LEAD,
        ReportName.CREDENTIALS_BY_SKILL_LEVEL.slug() + "?team=" + TEAM_LEAD);
    for (String path : reportPaths) {
      measures.put("report " + path, () -> reportRequest(base, path, "application/json"));
    }
    Map<String, List<double[]>> asConfigured = new LinkedHashMap<>();
    Map<String, List<double[]>> off = new LinkedHashMap<>();
    long started = System.nanoTime();
    try {
      for (int round = 0; round < 3; round++) {
        for (boolean materialOff : round % 2 == 0 ? List.of(false, true) : List.of(true, false)) {
          enableMaterial(url, !materialOff);
          for (Map.Entry<String, Supplier<HttpRequest>> measure : measures.entrySet()) {
            int count = measure.getKey().startsWith("report ") ? reportRequests : requests;
            measureRequests(clients, clients, measure.getValue(), http, 200);
            List<Long> latencies = sorted(measureRequests(clients, count, measure.getValue(), http, 200));
            (materialOff ? off : asConfigured).computeIfAbsent(measure.getKey(), key -> new ArrayList<>())
                .add(new double[] {percentile(latencies, 0.50), percentile(latencies, 0.95)});
          }
        }
      }
      tasklistPlans(url, http, measures.values().iterator().next());
    } finally {
      enableMaterial(url, true);
    }
    rows.add(new Row("enable_material on / off: the rounds and the page's plans in each mode",
        format((System.nanoTime() - started) / 1e9) + " s", "", null));
    for (String measure : measures.keySet()) {
      List<double[]> on = asConfigured.get(measure);
      List<double[]> without = off.get(measure);
      int count = measure.startsWith("report ") ? reportRequests : requests;
      double p95On = median(column(on, 1));
      double p95Off = median(column(without, 1));
      rows.add(new Row("enable_material on (PostgreSQL's default) / off for the application's connections: " + measure
          + ", 3 alternating rounds of " + count + " requests, " + clients + " clients (median p50 / p95; the rounds' "
          + "p95 min-max)", "p50 " + format(median(column(on, 0))) + " / " + format(median(column(without, 0)))
          + " ms; p95 " + format(p95On) + " / " + format(p95Off) + " ms = " + format2(p95Off / p95On) + "; p95 "
          + range(column(on, 1)) + " / " + range(column(without, 1)) + " ms", "", null));
    }
  }

  private static List<Double> column(List<double[]> rounds, int index) {
    return rounds.stream().map(round -> round[index]).toList();
  }

  private static String range(List<Double> values) {
    return format(Collections.min(values)) + "-" + format(Collections.max(values));
  }

  /**
   * Sets {@code enable_material} for the application's role (on: the server's setting, {@code RESET}) and replaces
   * the pool's connections so that each starts with it; fails unless every connection the pool may hold shows it.
   */
  private void enableMaterial(String url, boolean on) throws Exception {
    roleSettings(url, on ? List.of("reset enable_material") : List.of("set enable_material = off"));
    expectEveryPooledConnection("show enable_material", on ? "on" : "off");
  }

  private void roleSettings(String url, List<String> settingsOfTheRole) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, applicationPool.getUsername(),
        applicationPool.getPassword()); Statement sql = connection.createStatement()) {
      for (String setting : settingsOfTheRole) {
        sql.execute("alter role current_user " + setting);
      }
    }
    applicationPool.getHikariPoolMXBean().softEvictConnections();
  }

  /** Borrows as many connections as the pool may hold, all at once, so that none of them goes unchecked. */
  private void expectEveryPooledConnection(String show, String expected) throws SQLException {
    List<Connection> borrowed = new ArrayList<>();
    try {
      for (int n = 0; n < applicationPool.getMaximumPoolSize(); n++) {
        Connection connection = applicationPool.getConnection();
        borrowed.add(connection);
        try (Statement sql = connection.createStatement(); ResultSet value = sql.executeQuery(show)) {
          value.next();
          if (!expected.equals(value.getString(1))) {
            throw new IllegalStateException(show + " on a pooled connection: " + value.getString(1) + ", not "
                + expected);
          }
        }
      }
    } finally {
      for (Connection connection : borrowed) {
        connection.close();
      }
    }
  }

  /**
   * The plan of Tasklist's group-task page as PostgreSQL runs it for the application, with {@code enable_material}
   * on and off: {@code auto_explain} (ANALYZE, BUFFERS) loaded for the application's role while one page
   * is asked for, read back from the server's log and written to {@code target/bench/tasklist-plans.txt}.
   */
  private void tasklistPlans(String url, HttpClient http, Supplier<HttpRequest> page) throws Exception {
    StringBuilder plans = new StringBuilder();
    for (boolean on : List.of(true, false)) {
      roleSettings(url, List.of(on ? "reset enable_material" : "set enable_material = off",
          "set session_preload_libraries = 'auto_explain'", "set auto_explain.log_min_duration = 0",
          "set auto_explain.log_analyze = on", "set auto_explain.log_buffers = on"));
      expectEveryPooledConnection("show enable_material", on ? "on" : "off");
      long from = serverLogSize(url);
      measureRequests(1, 1, page, http, 200);
      roleSettings(url, List.of("reset session_preload_libraries", "reset auto_explain.log_min_duration",
          "reset auto_explain.log_analyze", "reset auto_explain.log_buffers"));
      plans.append("-- enable_material ").append(on ? "on (PostgreSQL's default)" : "off").append("\n");
      for (String entry : serverLogFrom(url, from).split("\n(?=\\d{4}-\\d{2}-\\d{2} )")) {
        if (entry.toLowerCase(Locale.ROOT).contains("act_ru_task")) {
          plans.append(entry).append("\n");
        }
      }
    }
    Path file = Path.of("target/bench/tasklist-plans.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, plans, StandardCharsets.UTF_8);
  }

  private static long serverLogSize(String url) throws SQLException {
    return count(url, "select size from pg_stat_file(pg_current_logfile())");
  }

  /** What the server logged since {@code offset} (the benchmark's server logs to a file of its data directory). */
  private static String serverLogFrom(String url, long offset) throws Exception {
    Thread.sleep(1000);
    try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement read = connection.prepareStatement("select pg_read_file(pg_current_logfile(), ?, "
            + "(select size from pg_stat_file(pg_current_logfile())) - ?)")) {
      read.setLong(1, offset);
      read.setLong(2, offset);
      try (ResultSet text = read.executeQuery()) {
        text.next();
        return text.getString(1);
      }
    }
  }

  /**
   * What remembering a Basic login for a moment (security/RecentLogins) saves, in this run: the credentials query
   * in three alternating rounds with the logins remembered and with every login checked (every remembered login
   * forgotten before each request, outside the timed call, as a change to who is who forgets them), the median of
   * the rounds' p50 and p95 of each, and their ratio.
   */
  private void rememberedAgainstCheckedLogins(HttpClient http, String base, int clients, int requests, int holders)
      throws Exception {
    AtomicInteger holder = new AtomicInteger();
    Function<Boolean, Supplier<HttpRequest>> call = checked -> () -> {
      if (checked) {
        events.publishEvent(new IdentityChanged("the benchmark: every login checked"));
      }
      return HttpRequest.newBuilder(URI.create(base + "/api/engineers/scale" + (1 + holder.getAndAdd(7919) % holders)
          + "/credentials")).header("Authorization", basic("demo")).GET().build();
    };
    List<Double> rememberedP50 = new ArrayList<>();
    List<Double> rememberedP95 = new ArrayList<>();
    List<Double> checkedP50 = new ArrayList<>();
    List<Double> checkedP95 = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      List<Long> remembered = sorted(measureRequests(clients, requests, call.apply(false), http, 200));
      rememberedP50.add(percentile(remembered, 0.50));
      rememberedP95.add(percentile(remembered, 0.95));
      List<Long> checked = sorted(measureRequests(clients, requests, call.apply(true), http, 200));
      checkedP50.add(percentile(checked, 0.50));
      checkedP95.add(percentile(checked, 0.95));
    }
    double p50 = median(rememberedP50) / median(checkedP50);
    double p95 = median(rememberedP95) / median(checkedP95);
    rows.add(new Row("credentials of one engineer, Basic logins remembered for a moment / every login checked, 3 "
        + "alternating rounds of " + requests + " requests, " + clients + " clients (median p50 / p95)",
        "p50 " + format(median(rememberedP50)) + " / " + format(median(checkedP50)) + " ms = " + format(p50)
            + "; p95 " + format(median(rememberedP95)) + " / " + format(median(checkedP95)) + " ms = " + format(p95),
        "", null));
  }

  /**
   * Every report of CONTRACT.md as the reports page opens it (the whole period, no filter), as JSON,
   * and the largest also as CSV: {@code clients} readers at once, each report on its own after an
   * uncounted warm-up round (which also fails the run when a report does not answer 200).
   */
  private void reportsAtScale(HttpClient http, String base, int clients, String url) throws Exception {
    String scale = settings.bulkApplications() + " applications, " + settings.bulkEndorsements() + " endorsements, "
        + settings.bulkCredentials() + " credentials";
    List<String[]> calls = new ArrayList<>();
    for (ReportName name : ReportName.values()) {
      calls.add(new String[] {name.slug(), "application/json"});
    }
    calls.add(new String[] {ReportName.CREDENTIALS_BY_SKILL_LEVEL.slug(), "text/csv"});
    tallyAgreesWithTheWholeQuery();
    for (String[] call : calls) {
      measureRequests(clients, clients, () -> reportRequest(base, call[0], call[1]), http, 200);
    }
    for (String[] call : calls) {
      List<Long> latencies = measureRequests(clients, clients * settings.reportRequestsPerClient(),
          () -> reportRequest(base, call[0], call[1]), http, 200);
      rows.add(p95Row("report " + call[0] + " (GET /api/reports/" + call[0] + ", " + (call[1].equals("text/csv") ? "CSV"
          : "JSON") + ", whole period) over " + scale + ", " + clients + " clients", latencies, REPORT_P95_MILLIS));
    }
    // A line manager's team, as the reports page asks when one is chosen (its team parameter): the same target as
    // the whole organisation's. The filter runs the report's query, not the tallies. bench/reports-at-scale.sql's
    // scale3 leads a tenth of the engineers (scale1 to scale10 report to dave and lead the others between them).
    long teamSize = teamSize(url);
    if (Boolean.getBoolean("bench.report-plans")) {
      teamReportPlans(url, http, base);
    }
    for (ReportName name : ReportName.values()) {
      String path = name.slug() + "?team=" + TEAM_LEAD;
      measureRequests(clients, clients, () -> reportRequest(base, path, "application/json"), http, 200);
      List<Long> latencies = measureRequests(clients, clients * settings.reportRequestsPerClient(),
          () -> reportRequest(base, path, "application/json"), http, 200);
      rows.add(p95Row("report " + name.slug() + " of a team of " + teamSize + " (GET /api/reports/" + path
          + ", JSON, whole period) over " + scale + ", " + clients + " clients", latencies, REPORT_P95_MILLIS));
    }
  }

  /**
   * {@code -Dbench.report-plans=true}: the plans of each report filtered by the team as PostgreSQL runs them for the
   * application ({@code auto_explain}, ANALYZE and BUFFERS, statements of 10 ms or more) for one request each and
   * for the report's query over every row of the team ({@link Reports#queried}), before the timed rounds, read back
   * from the server's log and written to {@code target/bench/report-plans.txt}.
   */
  private void teamReportPlans(String url, HttpClient http, String base) throws Exception {
    StringBuilder plans = new StringBuilder();
    roleSettings(url, List.of("set session_preload_libraries = 'auto_explain'",
        "set auto_explain.log_min_duration = 10", "set auto_explain.log_analyze = on",
        "set auto_explain.log_buffers = on"));
    try {
      for (ReportName name : ReportName.values()) {
        String path = name.slug() + "?team=" + TEAM_LEAD;
        for (boolean request : List.of(true, false)) {
          long from = serverLogSize(url);
          if (request) {
            measureRequests(1, 1, () -> reportRequest(base, path, "application/json"), http, 200);
          } else {
            reports.queried(name, new ReportFilter(null, null, null, TEAM_LEAD));
          }
          plans.append("-- ").append(path).append(request ? ", a request" : ", its query over every row").append("\n");
          for (String entry : serverLogFrom(url, from).split("\n(?=\\d{4}-\\d{2}-\\d{2} )")) {
            if (entry.contains("plan:")) {
              plans.append(entry).append("\n");
            }
          }
        }
      }
    } finally {
      roleSettings(url, List.of("reset session_preload_libraries", "reset auto_explain.log_min_duration",
          "reset auto_explain.log_analyze", "reset auto_explain.log_buffers"));
    }
    Path file = Path.of("target/bench/report-plans.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, plans, StandardCharsets.UTF_8);
  }

  /** The line manager whose team the benchmark filters by (bench/reports-at-scale.sql). */
  private static final String TEAM_LEAD = "scale3";

  private static long teamSize(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement count = connection.prepareStatement("""
            with recursive team(user_id) as (
              select user_id from engineer where line_manager_id = ?
              union select e.user_id from engineer e join team t on e.line_manager_id = t.user_id)
            select count(*) from team""")) {
      count.setString(1, TEAM_LEAD);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /**
   * The reports that add up tallies of the settled past must give the rows that their queries give
   * over every row ({@link Reports#queried}): over the whole period, for one skill, for a period whose
   * ends cut months and quarters in two, and for a team.
   */
  private void tallyAgreesWithTheWholeQuery() {
    LocalDate today = LocalDate.now(reports.zone());
    List<ReportFilter> filters = List.of(ReportFilter.none(), new ReportFilter(null, null, "iLAN", null),
        new ReportFilter(today.minusDays(400), today.minusDays(95), null, null),
        new ReportFilter(today.minusDays(200), null, "iSEC", null), new ReportFilter(null, null, null, TEAM_LEAD));
    List<String> differing = new ArrayList<>();
    for (ReportName name : ReportName.values()) {
      for (ReportFilter filter : filters) {
        List<Map<String, Object>> tallied = reports.report(name, filter).rows();
        if (tallied.isEmpty() || !tallied.equals(reports.queried(name, filter).rows())) {
          differing.add(name.slug() + " " + filter);
        }
      }
    }
    rows.add(new Row("reports from tallies = their queries over every row (" + ReportName.values().length
        + " reports: whole period, one skill, a period cutting months, both, a team)",
        differing.isEmpty() ? "same rows" : "differ: " + String.join(", ", differing), "same rows", differing.isEmpty()));
  }

  /** The target for every report at scale, whole organisation or one team: p95 at most 200 ms at 4 clients. */
  static final double REPORT_P95_MILLIS = 200;

  private static HttpRequest reportRequest(String base, String name, String accept) {
    return HttpRequest.newBuilder(URI.create(base + "/api/reports/" + name)).header("Authorization", basic(SEM_MEMBER))
        .header("Accept", accept).GET().build();
  }

  private String latestDefinition(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
  }

  /** The statements of a SQL file on the test classpath, its {@code {{placeholders}}} replaced. */
  private static List<String> statements(String resource, Map<String, Object> placeholders) throws IOException {
    String text;
    try (var in = Benchmark.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("No " + resource + " on the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, Object> placeholder : placeholders.entrySet()) {
      text = text.replace("{{" + placeholder.getKey() + "}}", String.valueOf(placeholder.getValue()));
    }
    List<String> statements = new ArrayList<>();
    for (String chunk : text.split(";\\s*\\n")) {
      String statement = chunk.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n")
          .strip();
      if (!statement.isEmpty()) {
        statements.add(statement);
      }
    }
    return statements;
  }

  private static long historicInstances(String url) throws SQLException {
    return count(url, "select count(*) from act_hi_procinst");
  }

  private static long historicTasks(String url) throws SQLException {
    return count(url, "select count(*) from act_hi_taskinst");
  }

  private static long count(String url, String query) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
        var result = connection.createStatement().executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Row p95Row(String query, List<Long> latencies, double targetMillis) {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double p95 = percentile(sorted, 0.95);
    return new Row(query, "p50 " + format(percentile(sorted, 0.50)) + " / p95 " + format(p95) + " ms ("
        + sorted.size() + " requests)", "p95 <= " + format(targetMillis) + " ms", p95 <= targetMillis);
  }

  // --- 5. memory ---------------------------------------------------------------------------------

  /** Heap in use after a GC, the flows and REST calls done and the application still up: at most this. */
  static final long HEAP_TARGET_MB = 128;

  private void heap() {
    System.gc();
    long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long max = Runtime.getRuntime().maxMemory();
    rows.add(new Row("heap in use after the workload (after GC)", format(used / 1048576.0) + " MB of -Xmx "
        + (max >> 20) + " MB", "<= " + HEAP_TARGET_MB + " MB", used <= HEAP_TARGET_MB << 20));
  }

  // --- the application ---------------------------------------------------------------------------

  /**
   * The application on the benchmark's database. Its connections plan as the {@code postgres} profile of
   * application.yaml has them plan in production ({@code spring.datasource.hikari.connection-init-sql}, read from
   * there), except in a run that compares {@code enable_material} on and off: that comparison switches the setting for
   * the application's role, which a connection's own {@code SET} would override.
   */
  private static ConfigurableApplicationContext application(String jdbcUrl, Settings settings) {
    List<String> arguments = new ArrayList<>(List.of("--server.port=0",
            "--spring.datasource.url=" + jdbcUrl,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            // The engine keeps its name "default": /api and /engine-rest look that one up.
            // The workers run the jobs, like the reference figures in CAMUNDA-FACTS.md: deterministic counts.
            "--camunda.bpm.job-execution.enabled=false",
            "--camunda.bpm.generic-properties.properties.login-max-attempts=100000",
            "--microcredentials.monthly-cap=1000000",
            // Mail goes to the log notifier; its INFO lines must not dominate the figures.
            "--logging.level.notifications=WARN"));
    productionConnectionInitSql(settings).ifPresent(sql -> arguments.add("--" + CONNECTION_INIT_SQL + "=" + sql));
    // A tuning experiment without a code change: -Dbench.app-args="--camunda.bpm.history-level=audit ..."
    String experiment = System.getProperty("bench.app-args", "").strip();
    if (!experiment.isEmpty()) {
      arguments.addAll(List.of(experiment.split("\\s+")));
    }
    return new SpringApplicationBuilder(MicroCredentialsApplication.class).profiles("demo")
        .run(arguments.toArray(String[]::new));
  }

  /** The machine is shared: how busy it was says how to read the figures. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private static final String CONNECTION_INIT_SQL = "spring.datasource.hikari.connection-init-sql";

  /** What every pooled connection runs first, as in production; none while enable_material is being compared. */
  private static Optional<String> productionConnectionInitSql(Settings settings) {
    if (settings.enableMaterialComparison()) {
      return Optional.empty();
    }
    return Optional.of(String.valueOf(ApplicationYaml.profile("postgres").getProperty(CONNECTION_INIT_SQL)));
  }

  private static String machine(Settings settings) {
    String cpu = "unknown CPU";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
          .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
    } catch (IOException | RuntimeException ignored) {
      // not Linux: the core count and JVM still say enough
    }
    return cores() + " cores (" + cpu + "), " + (Runtime.getRuntime().maxMemory() >> 20) + " MB max heap, Java "
        + System.getProperty("java.version") + ", " + System.getProperty("os.name") + ", PostgreSQL 17 (zonky, fsync=on, "
        + "synchronous_commit=on; the application's connections: "
        + productionConnectionInitSql(settings).orElse("PostgreSQL's planner defaults, to compare enable_material") + ")";
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
  }

  private static String format2(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String format3(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** Engineers may start the reference model as they start SelfSubmissionProcess (AccessGrants). */
  static void grantStart(ProcessEngine engine, String groupId, String processKey) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization grant = authorizations.createNewAuthorization(
        Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(processKey);
    grant.addPermission(Permissions.READ);
    grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(grant);
  }
}
