package org.microcredentials.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.microcredentials.testing.RequiredPrograms;

/**
 * Debian's Prometheus (package {@code prometheus}: the server and {@code promtool}; .ci/run installs it,
 * and a test that needs it is skipped where it is missing, like the browser tests without Chromium):
 * software that is not ours, reading our metrics as operations will.
 */
final class PrometheusServer implements AutoCloseable {

  static final Path SERVER = Path.of("/usr/bin/prometheus");
  static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Process process;
  private final Path log;
  private final String base;

  private PrometheusServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.base = "http://127.0.0.1:" + port;
  }

  static void assumeInstalled() {
    RequiredPrograms.assumeInstalled("prometheus", SERVER, PROMTOOL);
  }

  /** promtool's lint of a scrape: its exit code (0 clean, 3 lint problems, 1 unreadable) and what it printed. */
  static Result promtoolCheckMetrics(String scrape) throws IOException, InterruptedException {
    Path input = Files.createTempFile("scrape", ".txt");
    Files.writeString(input, scrape);
    Path output = Files.createTempFile("promtool", ".txt");
    Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
        .redirectInput(input.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!promtool.waitFor(60, TimeUnit.SECONDS)) {
      promtool.destroyForcibly();
      throw new IllegalStateException("promtool check metrics did not finish within 60 s");
    }
    return new Result(promtool.exitValue(), Files.readString(output));
  }

  record Result(int exitCode, String output) {
    List<String> lines() {
      return output.lines().filter(line -> !line.isBlank()).toList();
    }
  }

  /**
   * A server scraping {@code /actuator/prometheus} of the application on {@code appPort} every second,
   * with HTTP Basic as an administrator, as docs/operations.md tells operations to configure it.
   */
  static PrometheusServer scraping(int appPort, String user, String password) throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("prometheus");
    Path config = directory.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: micro-credentials
            metrics_path: /actuator/prometheus
            basic_auth:
              username: %s
              password: %s
            static_configs:
              - targets: ['127.0.0.1:%d']
        """.formatted(user, password, appPort));
    int port = freePort();
    Path log = directory.resolve("prometheus.log");
    Process process = new ProcessBuilder(SERVER.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PrometheusServer server = new PrometheusServer(process, log, port);
    server.awaitReady();
    return server;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Prometheus ended at start:\n" + Files.readString(log));
      }
      try {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Prometheus not ready within 60 s:\n" + Files.readString(log));
  }

  /** GET of the HTTP API (path and query already encoded): its JSON; an answer that is not success fails. */
  JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(answer.body());
    if (answer.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new AssertionError("Prometheus refused " + pathAndQuery + ": " + answer.statusCode() + " " + answer.body());
    }
    return body.path("data");
  }

  /** An instant query's result (a vector: one element per series). */
  JsonNode query(String promql) throws IOException, InterruptedException {
    return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result");
  }

  /** The last lines of the server's log, for a failure message. */
  String log() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
