package org.microcredentials.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL server (zonky's binaries, its own OS process) on a fixed port and data directory,
 * so the fault tests can stop it and start it again as an outage would, the data surviving. Durable as
 * in production: {@code fsync} and {@code synchronous_commit} on (zonky turns both off by default).
 */
final class PostgresServer {

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  PostgresServer(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
    this.port = AppProcess.freePort();
  }

  PostgresServer start() {
    try {
      server = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /**
   * Stops the server (pg_ctl stop, fast: open connections are cut) and returns once it refuses connections: on a
   * loaded machine pg_ctl may give up waiting while the server still accepts them. The data stays.
   */
  void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (acceptsConnections()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("PostgreSQL on port " + port + " still accepts connections 60 s after pg_ctl stop");
      }
      AppProcess.sleep(100);
    }
  }

  private boolean acceptsConnections() {
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
        jdbcUrl() + "?connectTimeout=2&socketTimeout=2", "postgres", "postgres")) {
      return connection.isValid(2);
    } catch (java.sql.SQLException refused) {
      return false;
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres";
  }

  /** Arguments that point the application at this server. */
  java.util.List<String> applicationArguments() {
    return java.util.List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres");
  }
}
