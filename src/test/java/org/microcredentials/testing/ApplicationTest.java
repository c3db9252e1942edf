package org.microcredentials.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application with its real beans and the demo organisation, on an in-memory H2
 * (subclasses switch to PostgreSQL), on a random port. The job executor is off: tests run the
 * jobs themselves, so every step is deterministic.
 *
 * <p>Test classes with the same configuration share one application: each test starts from a clean slate
 * ({@link CleanSlate}) or keeps to business keys of its own. Only one application lives at a time
 * ({@link OneApplicationAtATime}): Camunda's REST layer finds "the" engine in a JVM-wide registry, so two live
 * applications would answer each other's requests. {@link OnPostgres} moves a class to the one PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:microcredentials-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generic-properties.properties.login-max-attempts=1000",
})
@ActiveProfiles("demo")
@Import(TestConfiguration.class)
public @interface ApplicationTest {
}
