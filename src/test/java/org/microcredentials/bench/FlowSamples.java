package org.microcredentials.bench;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Counts the CPU samples of the flow workers in a recording of {@code -Dbench.only=flows -Dbench.jfr=<file>} by
 * category, per model (docs/performance.md, "Where a flow's CPU goes"):
 * {@code java src/test/java/org/microcredentials/bench/FlowSamples.java target/bench/flows.jfr '-[24]-'} (the second
 * argument, optional, picks the workers' threads by a pattern of their names, here the cells of 2 and 4 workers).
 * A sample counts once, for the innermost frame that belongs to a category; a second table counts the samples with a
 * frame anywhere on the stack (on whose behalf).
 */
final class FlowSamples {

  static final String OTHER = "other (JDK, Spring, unmatched)";

  /** In order: a frame is in the first category one of whose prefixes it starts with. */
  static final Map<String, List<String>> WHAT_RUNS = categories(
      "JDBC driver and connection pool", List.of("org.postgresql.", "com.zaxxer.hikari."),
      "signing and canonicalising (Ed25519, JOSE, RDF, JSON-LD)", List.of("com.nimbusds.", "sun.security.ec.",
          "com.apicatalog.", "org.eclipse.parsson."),
      "rendering mail (Thymeleaf, Jakarta Mail)", List.of("org.thymeleaf.", "jakarta.mail.", "org.springframework.mail."),
      "expression evaluation (JUEL)", List.of("org.camunda.bpm.impl.juel.", "org.camunda.bpm.engine.impl.el."),
      "variable serialisation and typed values", List.of("org.camunda.spin.", "com.fasterxml.jackson.",
          "org.camunda.bpm.engine.impl.variable.", "org.camunda.bpm.engine.variable.",
          "org.camunda.bpm.engine.impl.core.variable.", "org.camunda.bpm.engine.impl.persistence.entity.VariableInstance",
          "org.camunda.bpm.engine.impl.persistence.entity.ByteArray",
          "org.camunda.bpm.engine.impl.persistence.entity.util.TypedValue"),
      "authorization checks", List.of("org.camunda.bpm.engine.impl.cfg.auth.",
          "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager",
          "org.camunda.bpm.engine.impl.db.AuthorizationCheck", "org.camunda.bpm.engine.impl.db.PermissionCheck",
          "org.camunda.bpm.engine.impl.db.CompositePermissionCheck", "org.camunda.bpm.engine.impl.identity."),
      "engine history", List.of("org.camunda.bpm.engine.impl.history.",
          "org.camunda.bpm.engine.impl.persistence.entity.Historic",
          "org.camunda.bpm.engine.impl.persistence.entity.UserOperationLog"),
      "job handling", List.of("org.camunda.bpm.engine.impl.jobexecutor.",
          "org.camunda.bpm.engine.impl.persistence.entity.Job", "org.camunda.bpm.engine.impl.persistence.entity.TimerEntity",
          "org.camunda.bpm.engine.impl.persistence.entity.MessageEntity", "org.camunda.bpm.engine.impl.cmd.ExecuteJob"),
      "our own SQL (Spring JDBC)", List.of("org.springframework.jdbc.core."),
      "the harness", List.of("org.microcredentials.bench."),
      "our listeners, delegates and rules", List.of("org.microcredentials."),
      "the engine's SQL mapping (MyBatis, DbSqlSession, flush)", List.of("org.apache.ibatis.",
          "org.camunda.bpm.engine.impl.db."),
      "Spring transactions", List.of("org.springframework.transaction.", "org.springframework.jdbc.datasource.",
          "org.camunda.bpm.engine.spring.SpringTransaction"),
      "the engine's own work (BPMN execution, entities, commands)", List.of("org.camunda.bpm."));

  /** A sample has one of these if a frame anywhere on its stack starts with one of its prefixes. */
  static final Map<String, List<String>> ON_WHOSE_BEHALF = categories(
      "queries with authorization checks", List.of("org.camunda.bpm.engine.impl.cfg.auth.",
          "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager"),
      "the harness's look-ups (instances, tasks, jobs)", List.of("org.microcredentials.bench.Benchmark.running",
          "org.camunda.bpm.engine.impl.TaskQueryImpl", "org.camunda.bpm.engine.impl.JobQueryImpl"),
      "the flush of a command's entities", List.of("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush"),
      "engine history", List.of("org.camunda.bpm.engine.impl.history."),
      "variables", List.of("org.camunda.spin.", "org.camunda.bpm.engine.impl.variable.serializer.",
          "org.camunda.bpm.engine.impl.core.variable."),
      "our own SQL (Spring JDBC)", List.of("org.springframework.jdbc.core."));

  private FlowSamples() {
  }

  private static Map<String, List<String>> categories(Object... namesAndPrefixes) {
    Map<String, List<String>> categories = new LinkedHashMap<>();
    for (int i = 0; i < namesAndPrefixes.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> prefixes = (List<String>) namesAndPrefixes[i + 1];
      categories.put((String) namesAndPrefixes[i], prefixes);
    }
    return categories;
  }

  /** The category of a sample whose frames, innermost first, are {@code frames} ("class.method"). */
  static String whatRuns(List<String> frames) {
    for (String frame : frames) {
      for (Map.Entry<String, List<String>> category : WHAT_RUNS.entrySet()) {
        if (category.getValue().stream().anyMatch(frame::startsWith)) {
          return category.getKey();
        }
      }
    }
    return OTHER;
  }

  static Set<String> onWhoseBehalf(List<String> frames) {
    Set<String> found = new HashSet<>();
    for (String frame : frames) {
      ON_WHOSE_BEHALF.forEach((name, prefixes) -> {
        if (prefixes.stream().anyMatch(frame::startsWith)) {
          found.add(name);
        }
      });
    }
    return found;
  }

  public static void main(String[] arguments) throws Exception {
    Pattern threads = Pattern.compile(arguments.length > 1 ? arguments[1] : "");
    Map<String, Map<String, Integer>> whatRuns = new TreeMap<>();
    Map<String, Map<String, Integer>> behalf = new TreeMap<>();
    Map<String, Integer> samples = new TreeMap<>();
    try (RecordingFile recording = new RecordingFile(Path.of(arguments[0]))) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        RecordedThread thread = event.getThread("sampledThread");
        String name = thread == null ? null : thread.getJavaName();
        if (name == null || !name.startsWith("flows-") || name.contains("-warmup-") || !threads.matcher(name).find()) {
          continue;
        }
        String model = name.startsWith("flows-reference-") ? "reference" : "self-submission";
        List<String> frames = event.getStackTrace() == null ? List.of() : event.getStackTrace().getFrames().stream()
            .map(FlowSamples::name).toList();
        samples.merge(model, 1, Integer::sum);
        whatRuns.computeIfAbsent(whatRuns(frames), key -> new TreeMap<>()).merge(model, 1, Integer::sum);
        onWhoseBehalf(frames).forEach(each -> behalf.computeIfAbsent(each, key -> new TreeMap<>())
            .merge(model, 1, Integer::sum));
      }
    }
    System.out.println("samples " + samples);
    print("what runs (innermost frame of a category)", whatRuns);
    print("on whose behalf (a frame anywhere on the stack)", behalf);
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void print(String title, Map<String, Map<String, Integer>> counts) {
    System.out.println("\n| " + title + " | reference | self-submission |\n|---|---|---|");
    counts.forEach((category, byModel) -> System.out.println("| " + category + " | "
        + byModel.getOrDefault("reference", 0) + " | " + byModel.getOrDefault("self-submission", 0) + " |"));
  }
}
