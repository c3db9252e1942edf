package org.microcredentials.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Test classes with the same configuration share one application, and at most one application lives at a time.
 *
 * <p>Camunda's REST layer finds "the" engine by its name in a JVM-wide registry ({@code ProcessEngines}), so two
 * live applications would answer each other's requests, and closing one unregisters the other's engine. Spring's
 * context cache (capped at one in {@code spring.properties}) closes the old application only after the new one has
 * started; this listener closes it before: when a test class needs an application that is not the one alive,
 * the one alive is closed first. {@link ApplicationStarts} closes it as well before a test class that is no Spring
 * test (a bare engine, the cluster's own nodes). Before every class it checks that the engine registered under the
 * application's engine name is the application's own. It also counts the starts, printed at the end of the run.
 */
public class OneApplicationAtATime implements TestExecutionListener, Ordered {

  /** The test context whose application is alive, if any. */
  private static TestContext alive;
  private static final List<Start> STARTS = new ArrayList<>();

  /** One application start: for which test class, and how long it took. */
  record Start(String testClass, Duration took) {
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    enter(testContext);
  }

  /** A class with {@code @TestInstance(PER_CLASS)} gets its instance, and so its application, before the class. */
  @Override
  public void prepareTestInstance(TestContext testContext) {
    enter(testContext);
  }

  private static void enter(TestContext testContext) {
    synchronized (OneApplicationAtATime.class) {
      if (!testContext.hasApplicationContext()) {
        closeAlive();
        long started = System.nanoTime();
        testContext.getApplicationContext();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        STARTS.add(new Start(testContext.getTestClass().getName(), took));
        System.out.printf(Locale.ROOT, "Application start %d, for %s: %.1f s%n", STARTS.size(),
            testContext.getTestClass().getName(), took.toMillis() / 1000.0);
      }
      alive = testContext;
      requireOwnEngine(testContext.getApplicationContext());
    }
  }

  /** The engine Camunda's REST layer finds by this application's engine name is the application's own. */
  private static void requireOwnEngine(ApplicationContext application) {
    ProcessEngine own = application.getBeanProvider(ProcessEngine.class).getIfAvailable();
    if (own == null) {
      return;
    }
    Map<String, ProcessEngine> registered = ProcessEngines.getProcessEngines();
    if (registered.get(own.getName()) != own) {
      throw new IllegalStateException("Another engine is registered as '" + own.getName() + "': " + registered);
    }
  }

  /** Closes the application alive, if there is one (before a test that builds engines of its own). */
  static synchronized void closeAlive() {
    if (alive != null) {
      if (alive.hasApplicationContext()) {
        alive.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
      }
      alive = null;
    }
  }

  static synchronized List<Start> starts() {
    return List.copyOf(STARTS);
  }
}
