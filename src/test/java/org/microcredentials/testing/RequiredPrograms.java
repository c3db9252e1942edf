package org.microcredentials.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A test that needs a program this machine lacks is skipped, and says so once in the build's output: which program
 * is missing and which Debian package brings it ({@code .ci/run} installs them all).
 */
public final class RequiredPrograms {

  private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

  private RequiredPrograms() {
  }

  /** Skips the calling test unless every program is installed; {@code debianPackages} as apt-get takes them. */
  public static void assumeInstalled(String debianPackages, Path... programs) {
    String missing = Arrays.stream(programs).filter(program -> !Files.isExecutable(program)).map(Path::toString)
        .collect(Collectors.joining(", "));
    String reason = "Skipped, " + missing + " missing: apt-get install " + debianPackages + " (.ci/run installs it)";
    if (!missing.isEmpty() && SAID.add(reason)) {
      System.err.println(reason);
    }
    assumeTrue(missing.isEmpty(), reason);
  }
}
