package org.microcredentials.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The JUnit side of {@link OneApplicationAtATime}: before a test class that is no Spring test it closes the
 * application alive (such a class builds engines of its own, registered under the same names; not one that
 * {@link RunsAlongside}), and at the end of
 * the run it prints how many applications were started, for which class and how long each took (also written to
 * {@code target/application-starts.txt}).
 */
public class ApplicationStarts implements TestExecutionListener {

  @Override
  public void executionStarted(TestIdentifier testIdentifier) {
    TestSource source = testIdentifier.getSource().orElse(null);
    if (testIdentifier.isContainer() && source instanceof ClassSource classSource
        && !SameApplicationTogether.isSpringTest(classSource.getJavaClass())
        && !classSource.getJavaClass().isAnnotationPresent(RunsAlongside.class)) {
      OneApplicationAtATime.closeAlive();
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    List<OneApplicationAtATime.Start> starts = OneApplicationAtATime.starts();
    if (starts.isEmpty()) {
      return;
    }
    double seconds = starts.stream().mapToLong(start -> start.took().toMillis()).sum() / 1000.0;
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%s: %d application starts, %.0f s in all:", Instant.now(), starts.size(),
        seconds));
    starts.forEach(start -> lines.add(String.format(Locale.ROOT, "%6.1f s  %s", start.took().toMillis() / 1000.0,
        start.testClass())));
    System.out.println(String.join(System.lineSeparator(), lines));
    try {
      Path target = Path.of("target");
      if (Files.isDirectory(target)) {
        Files.write(target.resolve("application-starts.txt"), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
