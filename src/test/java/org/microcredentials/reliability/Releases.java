package org.microcredentials.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The earlier releases an upgrade starts from: the commits listed in {@code .ci/releases}, oldest
 * first, each built once into {@code target/releases/<commit>/} (the commit's tree by {@code git
 * archive}, then {@code mvn -DskipTests -Dmaven.test.skip=true package}: no test is compiled) and kept there
 * for every database the test runs on.
 * CI's clean clone holds the whole history, so every listed commit is there.
 */
final class Releases {

  /** One earlier release: its commit as listed and the executable jar built from it. */
  record Release(String commit, Path jar) {
  }

  private static final Path LIST = Path.of(".ci", "releases");
  private static final Path HOME = Path.of("target", "releases");

  private Releases() {
  }

  /** The commits of {@code .ci/releases}, oldest first; comments and blank lines skipped. */
  static List<String> listed() {
    try {
      return Files.readAllLines(LIST).stream().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every listed release, built where not built yet; both databases' tests share the one build. */
  static synchronized List<Release> built() {
    List<Release> releases = new ArrayList<>();
    for (String commit : listed()) {
      releases.add(new Release(commit, build(commit)));
    }
    return releases;
  }

  private static Path build(String commit) {
    Path home = HOME.resolve(commit).toAbsolutePath();
    Path jar = home.resolve("micro-credentials.jar");
    if (Files.exists(jar)) {
      return jar;
    }
    try {
      Path source = home.resolve("source");
      org.springframework.util.FileSystemUtils.deleteRecursively(home);
      Files.createDirectories(source);
      Path log = home.resolve("build.log");
      run(log, Path.of("."), List.of("git", "cat-file", "-e", commit + "^{commit}"),
          "Commit " + commit + " of .ci/releases is not in this clone's history (a shallow clone?)");
      run(log, Path.of("."), List.of("sh", "-c", "git archive " + commit + " | tar -x -C '" + source + "'"),
          "git archive of " + commit + " failed");
      run(log, source, List.of(maven(), "-B", "-q", "-DskipTests", "-Dmaven.test.skip=true", "package"), "The build of release " + commit + " failed");
      try (var built = Files.list(source.resolve("target"))) {
        Path packaged = built.filter(path -> path.getFileName().toString().matches("micro-credentials-.*\\.jar"))
            .findFirst().orElseThrow(() -> new IllegalStateException("Release " + commit + " built no jar; see " + log));
        Files.move(packaged, jar);
      }
      // The jar is all that is run: the sources and classes would only fill the disk.
      org.springframework.util.FileSystemUtils.deleteRecursively(source);
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(Path log, Path directory, List<String> command, String failure) throws IOException {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    try {
      if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(failure + "; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The Maven that runs this build (maven.home), else mvn on the PATH. */
  private static String maven() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }
}
