package org.microcredentials.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * An {@link ApplicationTest} on the one embedded PostgreSQL of the test run ({@link EmbeddedPostgres}) instead of
 * H2. Every class so marked has the same configuration, so they all share one application (a
 * {@code @DynamicPropertySource} method per class would make each class a configuration of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface OnPostgres {

  /** Registered in {@code META-INF/spring.factories}: gives every {@code @OnPostgres} class the same customizer. */
  class Factory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
        List<ContextConfigurationAttributes> configAttributes) {
      return TestContextAnnotationUtils.hasAnnotation(testClass, OnPostgres.class) ? new SharedDatabase() : null;
    }
  }

  /**
   * Puts the embedded PostgreSQL's address before the H2 one of {@link ApplicationTest}, and what the {@code postgres}
   * profile runs on each new connection (application.yaml), so that the tests plan their queries as production does.
   */
  final class SharedDatabase implements ContextCustomizer {

    /** The property of the {@code postgres} profile that every pooled connection runs first. */
    static final String CONNECTION_INIT_SQL = "spring.datasource.hikari.connection-init-sql";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
          "spring.datasource.url", EmbeddedPostgres.jdbcUrl(),
          "spring.datasource.username", "postgres",
          "spring.datasource.password", "postgres",
          CONNECTION_INIT_SQL, productionConnectionInitSql())));
    }

    /** The {@code postgres} profile's document of application.yaml is the one home of the setting. */
    static Object productionConnectionInitSql() {
      Object initSql = ApplicationYaml.profile("postgres").getProperty(CONNECTION_INIT_SQL);
      if (initSql == null) {
        throw new IllegalStateException("application.yaml's postgres profile sets no " + CONNECTION_INIT_SQL);
      }
      return initSql;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SharedDatabase;
    }

    @Override
    public int hashCode() {
      return SharedDatabase.class.hashCode();
    }
  }
}
