package org.microcredentials.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The documents of application.yaml, as Spring Boot loads them, for tests that check what it sets without starting
 * the application: the one every profile shares, or one profile's.
 */
public final class ApplicationYaml {

  private static final String PROFILE = "spring.config.activate.on-profile";

  private ApplicationYaml() {
  }

  /** The document that applies whatever the profiles (the one without {@code spring.config.activate.on-profile}). */
  public static PropertySource<?> everyProfile() {
    return documents().stream().filter(document -> document.getProperty(PROFILE) == null).findFirst()
        .orElseThrow(() -> new IllegalStateException("application.yaml has no document for every profile"));
  }

  /** The document that applies when {@code profile} is active. */
  public static PropertySource<?> profile(String profile) {
    return documents().stream().filter(document -> Objects.equals(profile, String.valueOf(document.getProperty(PROFILE))))
        .findFirst().orElseThrow(() -> new IllegalStateException("application.yaml has no document for profile "
            + profile));
  }

  /**
   * Binds values from one document with the conversions the application uses ({@code 10s}, {@code P14D}, ...). A
   * placeholder ({@code ${PUBLIC_URL:}}) takes its default, as with no such environment variable: the environment is
   * not read.
   */
  public static Binder binder(PropertySource<?> document) {
    return new Binder(ConfigurationPropertySources.from(document), new PropertySourcesPlaceholdersResolver(
        List.of(document)), ApplicationConversionService.getSharedInstance());
  }

  private static List<PropertySource<?>> documents() {
    try {
      return new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
