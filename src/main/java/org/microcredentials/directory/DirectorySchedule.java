package org.microcredentials.directory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Syncs the organisation from the directory when the application starts, before it answers (so the levels are there
 * for the first sign-in), then every {@code microcredentials.directory.sync-interval}. A directory that cannot be read
 * does not stop the start: the organisation stays as last read, and the next interval tries again.
 */
@Component
@Profile("ldap")
@Order(1)
class DirectorySchedule implements ApplicationRunner, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DirectorySchedule.class);

  private final DirectorySync sync;
  private final DirectoryProperties directory;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "directory-sync");
    thread.setDaemon(true);
    return thread;
  });

  DirectorySchedule(DirectorySync sync, DirectoryProperties directory) {
    this.sync = sync;
    this.directory = directory;
  }

  @Override
  public void run(ApplicationArguments args) {
    syncNow();
    long every = Math.max(1, directory.syncInterval().toMillis());
    timer.scheduleWithFixedDelay(this::syncNow, every, every, TimeUnit.MILLISECONDS);
  }

  private void syncNow() {
    try {
      sync.sync();
    } catch (RuntimeException failed) {
      LOG.warn("The organisation could not be synced from the directory; it stays as last read: {}", failed.getMessage(),
          failed);
    }
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
