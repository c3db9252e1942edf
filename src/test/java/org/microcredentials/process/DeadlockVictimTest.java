package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.EmbeddedPostgres;

/**
 * A real deadlock on each of our databases, two connections locking two rows in opposite order: the
 * database rolls one transaction back, and that failure, as the engine passes it on (its SQL is not
 * translated by Spring), is a concurrent change (409; a job that lost it is due again at once), not a 500.
 */
class DeadlockVictimTest {

  @Test
  void onH2() throws Exception {
    String url = "jdbc:h2:mem:deadlock;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000";
    SQLException victim = deadlock(() -> DriverManager.getConnection(url, "sa", ""));
    assertThat(victim.getErrorCode()).as("H2's DEADLOCK_1: %s", victim).isEqualTo(40001);
    assertThat(classified(victim)).isEqualTo("concurrent-update");
  }

  @Test
  void onPostgres() throws Exception {
    // A database of its own: the shared one's public schema belongs to the PostgreSQL tests' Flyway.
    String shared = EmbeddedPostgres.jdbcUrl();
    try (Connection admin = DriverManager.getConnection(shared, "postgres", "postgres");
        Statement statement = admin.createStatement()) {
      statement.execute("drop database if exists deadlock_victim");
      statement.execute("create database deadlock_victim");
    }
    String url = shared.replaceFirst("/postgres(\\?|$)", "/deadlock_victim$1");
    assertThat(url).contains("/deadlock_victim");
    SQLException victim = deadlock(() -> DriverManager.getConnection(url, "postgres", "postgres"));
    assertThat(victim.getSQLState()).as("deadlock_detected: %s", victim).isEqualTo("40P01");
    assertThat(classified(victim)).isEqualTo("concurrent-update");
  }

  private static String classified(SQLException victim) {
    var asTheEngineThrowsIt = new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations",
        new RuntimeException("### Error updating database. Cause: " + victim, victim));
    return TransientFailures.of(asTheEngineThrowsIt).map(TransientFailures.Problem::rule).orElse("none");
  }

  interface Connections {
    Connection open() throws SQLException;
  }

  /** Two transactions, each holding one row and asking for the other's: the exception of the one rolled back. */
  private static SQLException deadlock(Connections connections) throws Exception {
    try (Connection setup = connections.open(); Statement statement = setup.createStatement()) {
      statement.execute("drop table if exists deadlock_row");
      statement.execute("create table deadlock_row (id int primary key, v int)");
      statement.execute("insert into deadlock_row values (1, 0), (2, 0)");
    }
    ExecutorService two = Executors.newFixedThreadPool(2);
    try (Connection first = connections.open(); Connection second = connections.open()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      update(first, 1);
      update(second, 2);
      List<Future<SQLException>> crossing = new ArrayList<>();
      crossing.add(two.submit(() -> attempt(first, 2)));
      crossing.add(two.submit(() -> attempt(second, 1)));
      List<SQLException> failures = new ArrayList<>();
      for (Future<SQLException> each : crossing) {
        SQLException failure = each.get(60, TimeUnit.SECONDS);
        if (failure != null) {
          failures.add(failure);
        }
      }
      first.rollback();
      second.rollback();
      assertThat(failures).as("one transaction rolled back by the database").hasSize(1);
      return failures.get(0);
    } finally {
      two.shutdownNow();
    }
  }

  private static SQLException attempt(Connection connection, int id) throws SQLException {
    try {
      update(connection, id);
      // The other was rolled back: this one got its row; end it so the other's rollback is not held up.
      connection.commit();
      return null;
    } catch (SQLException failure) {
      connection.rollback();
      return failure;
    }
  }

  private static void update(Connection connection, int id) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("update deadlock_row set v = v + 1 where id = " + id);
    }
  }
}
