package org.microcredentials.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * A real H2 file with the application's settings (WRITE_DELAY=0) behind a Hikari pool, as the embedded
 * default runs it: short transactions that insert, update and delete rows (as the engine's jobs do)
 * grow the file many times over its live rows, and one housekeeping run gives the space back, every
 * row kept, the retention time as it was. On an in-memory H2 it does nothing.
 */
class EmbeddedDatabaseHousekeepingTest {

  @TempDir Path directory;

  @Test
  void compactingGivesTheSpaceOfOldChunksBackAndKeepsEveryRow() throws Exception {
    Path file = directory.resolve("db.mv.db");
    try (HikariDataSource pool = pool("jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=0")) {
      long rows = churn(pool, 3_000);
      long grown = Files.size(file);
      assertThat(grown).as("file after %d commits", 9_000).isGreaterThan(50_000_000);

      OptionalLong after = housekeeping(pool).compact();

      assertThat(after).isPresent();
      assertThat(after.getAsLong()).as("file after compaction, was %d bytes", grown).isLessThan(grown / 10);
      assertThat(Files.size(file)).isEqualTo(after.getAsLong());
      try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement();
          ResultSet count = sql.executeQuery("select count(*) from hist")) {
        count.next();
        assertThat(count.getLong(1)).isEqualTo(rows);
        assertThat(((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
            .getMvStore().getRetentionTime()).isEqualTo(45_000);
      }
    }
    // And the compacted file opens again with every row.
    try (HikariDataSource pool = pool("jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=0");
        Connection connection = pool.getConnection(); Statement sql = connection.createStatement();
        ResultSet count = sql.executeQuery("select count(*) from hist")) {
      count.next();
      assertThat(count.getLong(1)).isEqualTo(3_000);
    }
  }

  @Test
  void anInMemoryDatabaseIsLeftAlone() throws Exception {
    try (HikariDataSource pool = pool("jdbc:h2:mem:housekeeping;DB_CLOSE_DELAY=-1")) {
      assertThat(housekeeping(pool).compact()).isEmpty();
    }
  }

  private static EmbeddedDatabaseHousekeeping housekeeping(HikariDataSource pool) {
    return new EmbeddedDatabaseHousekeeping(pool, Duration.ofSeconds(2), DataSize.ofMegabytes(32), Duration.ofSeconds(1));
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  /** Jobs created, updated and deleted, each step a commit, leaving a history row each: the rows kept. */
  private static long churn(HikariDataSource pool, int jobs) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      try (Statement sql = connection.createStatement()) {
        sql.execute("create table job (id varchar(64) primary key, rev int, payload varchar(2000))");
        sql.execute("create table hist (id bigint auto_increment primary key, job varchar(64), payload varchar(2000))");
      }
      connection.setAutoCommit(false);
      String payload = "x".repeat(600);
      try (PreparedStatement insert = connection.prepareStatement("insert into job values (?, 1, ?)");
          PreparedStatement update = connection.prepareStatement("update job set rev = rev + 1 where id = ?");
          PreparedStatement delete = connection.prepareStatement("delete from job where id = ?");
          PreparedStatement history = connection.prepareStatement("insert into hist (job, payload) values (?, ?)")) {
        for (int i = 0; i < jobs; i++) {
          String id = "job-" + i;
          insert.setString(1, id);
          insert.setString(2, payload);
          insert.executeUpdate();
          connection.commit();
          update.setString(1, id);
          update.executeUpdate();
          connection.commit();
          delete.setString(1, id);
          delete.executeUpdate();
          history.setString(1, id);
          history.setString(2, payload);
          history.executeUpdate();
          connection.commit();
        }
      }
      connection.setAutoCommit(true);
      return jobs;
    }
  }
}
