package org.microcredentials.sso;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application with profile {@code oidc}, signed in through {@link TestIdentityProvider}, on its own in-memory
 * H2 and the port the provider knows it by. The classes of this profile share this one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:microcredentials-sso-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generic-properties.properties.login-max-attempts=1000",
})
@ActiveProfiles({"demo", "oidc"})
@Import(TestConfiguration.class)
@ContextConfiguration(initializers = TestIdentityProvider.Configured.class)
@interface SingleSignOnTest {
}
