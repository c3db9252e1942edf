package org.microcredentials.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A test class that runs at the same time as the others: it builds engines of its own, each under a name of its own
 * on an in-memory database of its own, starts no application and touches none of the shared databases' schemas. Its
 * engines cannot be mistaken for an application's in Camunda's JVM-wide registry, so the application alive stays
 * alive ({@link ApplicationStarts}). Meant for classes that mostly wait (a lock to expire, a retry's pause), which the
 * developer's loop would otherwise wait out one after the other.
 *
 * <p>Such classes run one after another, on a lane of their own beside the other classes, and each class's tests one
 * after another as everywhere else: they share the lock {@code RunsAlongside} (a class that holds a lock runs its tests
 * in its own thread, one at a time), since their tests keep counts in static fields and build engines under one name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("RunsAlongside")
public @interface RunsAlongside {
}
