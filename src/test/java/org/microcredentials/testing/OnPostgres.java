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

  /** Puts the embedded PostgreSQL's address before the H2 one of {@link ApplicationTest}. */
  final class SharedDatabase implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
      context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
          "spring.datasource.url", EmbeddedPostgres.jdbcUrl(),
          "spring.datasource.username", "postgres",
          "spring.datasource.password", "postgres")));
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
