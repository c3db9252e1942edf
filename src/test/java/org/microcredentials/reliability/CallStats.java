package org.microcredentials.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every call's status and time, per call name: counts of 5xx, unanswered, percentiles. */
final class CallStats implements SelfSubmissionDriver.CallLog {

  private final Map<String, ConcurrentLinkedQueue<RestClient.Answer>> answers = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();

  @Override
  public void record(String call, RestClient.Answer answer) {
    answers.computeIfAbsent(call, name -> new ConcurrentLinkedQueue<>()).add(answer);
    if (answer.status() >= 500) {
      serverErrors.add(call + " -> " + answer.status() + " " + answer.contentType() + " " + answer.body());
    }
  }

  long total() {
    return answers.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
  }

  long answered() {
    return answers.values().stream().flatMap(ConcurrentLinkedQueue::stream).filter(answer -> !answer.unanswered())
        .count();
  }

  List<String> serverErrors() {
    return List.copyOf(serverErrors);
  }

  /** A table: call, count, 4xx (refusals and conflicts), 5xx, p50 and p99 in milliseconds (answered calls only). */
  String table() {
    StringBuilder table = new StringBuilder(String.format("%-40s %8s %6s %6s %9s %9s%n", "call", "count", "4xx", "5xx",
        "p50 ms", "p99 ms"));
    for (Map.Entry<String, ConcurrentLinkedQueue<RestClient.Answer>> call : new TreeMap<>(answers).entrySet()) {
      List<Long> micros = new ArrayList<>(call.getValue().stream().filter(answer -> !answer.unanswered())
          .map(RestClient.Answer::micros).sorted().toList());
      long refusals = call.getValue().stream().filter(answer -> answer.status() >= 400 && answer.status() < 500).count();
      long errors = call.getValue().stream().filter(answer -> answer.status() >= 500).count();
      table.append(String.format("%-40s %8d %6d %6d %9.1f %9.1f%n", call.getKey(), call.getValue().size(), refusals,
          errors, percentile(micros, 0.50) / 1000.0, percentile(micros, 0.99) / 1000.0));
    }
    return table.toString();
  }

  static long percentile(List<Long> sorted, double fraction) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(fraction * sorted.size()) - 1));
  }
}
