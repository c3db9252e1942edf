package org.microcredentials.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application as an operator runs it: its own JVM (an OS process of its own), started from the
 * compiled classes and the runtime dependencies Maven lists in {@code target/fault-classpath.txt}
 * (profile {@code faults}), in a working directory of its own, so the embedded default's
 * {@code ./data} is that directory's. {@link #kill()} is {@code kill -9}: SIGKILL, no shutdown hook.
 */
final class AppProcess {

  private final Path workingDirectory;
  private final List<String> arguments;
  private final int port;
  private final Path log;
  private Process process;
  private int starts;
  /** Where this start's lines begin in the log, which the JVMs started in one working directory share. */
  private long logOffset;

  private final List<String> jvmOptions;
  /** The executable jar of an earlier release, or null: the build under test (target/classes). */
  private Path releaseJar;

  AppProcess(Path workingDirectory, List<String> arguments) {
    this(workingDirectory, List.of(), arguments);
  }

  /**
   * With JVM options, e.g. {@code -XX:TieredStopAtLevel=1}: a JVM that starts sooner and runs slower
   * code, for tests that restart it often rather than measure its speed.
   */
  AppProcess(Path workingDirectory, List<String> jvmOptions, List<String> arguments) {
    this.workingDirectory = workingDirectory;
    this.jvmOptions = jvmOptions;
    this.arguments = arguments;
    this.port = freePort();
    this.log = workingDirectory.resolve("app.log");
  }

  /**
   * An earlier release, as its own executable jar (built from its commit by {@link Releases}), on the
   * working directory given: the same database as the current build started there after it.
   */
  static AppProcess release(Path jar, Path workingDirectory, List<String> jvmOptions, List<String> arguments) {
    AppProcess release = new AppProcess(workingDirectory, jvmOptions, arguments);
    release.releaseJar = jar;
    return release;
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /** Starts the JVM and waits until the application answers; returns how long that took. */
  Duration start() {
    long begin = System.nanoTime();
    try {
      Files.createDirectories(workingDirectory);
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
      command.addAll(jvmOptions);
      command.addAll(releaseJar != null ? List.of("-jar", releaseJar.toString())
          : List.of("-cp", classpath(), "org.microcredentials.MicroCredentialsApplication"));
      command.addAll(List.of(
          "--server.port=" + port,
          "--spring.profiles.active=demo",
          // The demo users' passwords are probed by many clients at once; never lock them out.
          "--camunda.bpm.generic-properties.properties.login-max-attempts=1000000",
          "--microcredentials.monthly-cap=1000000"));
      command.addAll(arguments);
      ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      starts++;
      logOffset = Files.exists(log) ? Files.size(log) : 0;
      Files.writeString(log, "\n===== start " + starts + " =====\n", java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RestClient probe = new RestClient(baseUrl());
    // Generous: on a machine shared with other builds a start has taken more than 3 minutes.
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    // Ready once started through (HTTP answers a little earlier, before the demo people exist).
    while (!ready(probe)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application ended while starting; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("The application was not ready within 5 minutes; see " + log);
      }
      sleep(200);
    }
    return Duration.ofNanos(System.nanoTime() - begin);
  }

  /**
   * Readiness as Spring Boot's actuator tells it; an earlier release without the actuator (404, or 401
   * where it asked for a login) is ready
   * when its job executor starts, which Camunda does once the application is ready (its runners, the
   * demo people's loader among them, have run).
   */
  private boolean ready(RestClient probe) {
    int status = probe.get(null, "/actuator/health/readiness").status();
    if (status == 200 || status == 0) {
      return status == 200;
    }
    try (var in = Files.newInputStream(log)) {
      in.skipNBytes(logOffset);
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains("ENGINE-14014");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code kill -9}: the JVM ends at once, mid-request and mid-transaction. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("The application did not die");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A normal shutdown, at the end of a test. */
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /**
   * What lives on the heap: {@code bytes}, the sum of a class histogram ({@code jcmd GC.class_histogram}
   * runs a full GC, then counts every object still reachable); {@code inUseAfterBytes}, the heap in use
   * when {@code GC.heap_info} answers just after (what an earlier version of the soak checked, after a
   * {@code GC.run}: it counts whatever the busy application allocated since that GC too, in G1's whole
   * regions, so under load it moved by tens or hundreds of MB while the live objects did not); and the
   * largest classes, to tell what grew when it did.
   */
  record LiveHeap(long bytes, long inUseAfterBytes, String largestClasses) {

    long megabytes() {
      return bytes / (1024 * 1024);
    }

    long inUseAfterMegabytes() {
      return inUseAfterBytes / (1024 * 1024);
    }
  }

  /**
   * The live heap, the least of {@code samples} histograms a second apart: each one counts, besides what
   * stays, what the requests in flight hold at that instant (up to 16 clients mid-call); the least of a
   * few is closer to what stays, at either moment it is asked.
   */
  LiveHeap liveHeap(int samples, int largestClasses) {
    LiveHeap least = null;
    for (int sample = 0; sample < samples; sample++) {
      if (sample > 0) {
        sleep(1000);
      }
      LiveHeap heap = liveHeapOnce(largestClasses);
      if (least == null || heap.bytes() < least.bytes()) {
        least = heap;
      }
    }
    return least;
  }

  private LiveHeap liveHeapOnce(int largestClasses) {
    try {
      String histogram = run(jcmd(), String.valueOf(pid()), "GC.class_histogram");
      // The last line: "Total        2345678      123456789" (instances, bytes).
      java.util.regex.Matcher total = java.util.regex.Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$")
          .matcher(histogram);
      if (!total.find()) {
        throw new IllegalStateException("No total in the class histogram of " + pid() + ":\n" + histogram);
      }
      long liveBytes = Long.parseLong(total.group(1));
      // "garbage-first heap   total 262144K, used 81234K [...]" (or "def new generation"... for other GCs)
      long usedKb = 0;
      java.util.regex.Matcher used = java.util.regex.Pattern.compile("heap\\s+total \\d+K, used (\\d+)K")
          .matcher(run(jcmd(), String.valueOf(pid()), "GC.heap_info"));
      if (used.find()) {
        usedKb = Long.parseLong(used.group(1));
      }
      return new LiveHeap(liveBytes, usedKb * 1024,
          String.join("\n", histogram.lines().limit(largestClasses + 3L).toList()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JDK's own jcmd, next to the java that runs the application. */
  private static String jcmd() {
    Path besideJava = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    return Files.isExecutable(besideJava) ? besideJava.toString() : "jcmd";
  }

  private static String run(String... command) throws IOException {
    Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes());
    try {
      jcmd.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return output;
  }

  private static String classpath() throws IOException {
    Path dependencies = Path.of("target", "fault-classpath.txt");
    if (!Files.exists(dependencies)) {
      throw new IllegalStateException("No " + dependencies + ": run the fault suite with its profile, mvn -Pfaults verify");
    }
    return Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + Files.readString(dependencies).strip();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
