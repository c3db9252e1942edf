package org.microcredentials.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file from growing without bound. With {@code WRITE_DELAY=0} (every commit in the
 * file before it returns, so that nothing answered is lost to a kill) H2 runs no background writer, and
 * with it none of its housekeeping: every commit writes a new chunk, and the space of old ones is
 * never gathered (60,000 small commits over 13 MB of live rows left a 1 GB file; a 2-minute soak,
 * 1.5 GB). Every {@code microcredentials.embedded-database.compact-every} (default 10 s) this compacts
 * the store for at most {@code compact-for} (default 100 ms): rewrites sparse chunks, moves them to the
 * front and shortens the file, as H2 does when it closes. H2's MVStore API; the store lock holds
 * commits back meanwhile. The retention time, which compaction sets to 0, is put back. Nothing happens
 * on any other database (PostgreSQL, an H2 server over TCP, an in-memory H2).
 */
@Component
class EmbeddedDatabaseHousekeeping implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseHousekeeping.class);

  private final DataSource dataSource;
  private final Duration every;
  private final Duration compactFor;
  private ScheduledExecutorService scheduler;

  EmbeddedDatabaseHousekeeping(DataSource dataSource,
      @Value("${microcredentials.embedded-database.compact-every:PT10S}") Duration every,
      @Value("${microcredentials.embedded-database.compact-for:PT0.1S}") Duration compactFor) {
    this.dataSource = dataSource;
    this.every = every;
    this.compactFor = compactFor;
  }

  @Override
  public synchronized void start() {
    if (compact().isEmpty()) {
      return; // not an embedded H2 file
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "h2-housekeeping");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(this::compact, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  /** Compacts the embedded H2 file now: its size after, or empty where the database is not one. */
  OptionalLong compact() {
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = embeddedFileStore(connection);
      if (store == null) {
        return OptionalLong.empty();
      }
      long before = store.getFileStore().size();
      int retention = store.getRetentionTime();
      try {
        store.compactFile((int) compactFor.toMillis());
      } finally {
        store.setRetentionTime(retention);
      }
      long after = store.getFileStore().size();
      if (after < before) {
        LOG.debug("Embedded database file compacted from {} to {} bytes", before, after);
      }
      return OptionalLong.of(after);
    } catch (SQLException | RuntimeException failure) {
      // Housekeeping never fails the application; it tries again next time.
      LOG.warn("Embedded database housekeeping failed: {}", failure.toString());
      return OptionalLong.of(-1);
    }
  }

  /** The MVStore of an H2 file database open in this JVM, or null. */
  private static MVStore embeddedFileStore(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)) {
      return null;
    }
    Session session = connection.unwrap(JdbcConnection.class).getSession();
    if (!(session instanceof SessionLocal local) || !local.getDatabase().isPersistent()) {
      return null;
    }
    Store store = local.getDatabase().getStore();
    MVStore mvStore = store == null ? null : store.getMvStore();
    return mvStore == null || mvStore.getFileStore() == null ? null : mvStore;
  }
}
