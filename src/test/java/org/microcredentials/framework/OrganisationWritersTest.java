package org.microcredentials.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every write of the organisation moves its version, and writers of different engineers at the same moment wait for
 * each other at the version rather than fail: on H2 with the application's lock timeout, one writer holding an
 * engineer's row (a promotion's level change) and another saving someone else.
 */
class OrganisationWritersTest {

  private JdbcClient jdbc;
  private Organisation organisation;
  private TransactionTemplate transaction;

  @BeforeEach
  void database() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("""
        create table engineer (user_id varchar(64) primary key, display_name varchar(200) not null,
          email varchar(254) not null, seniority_level integer not null, role_title varchar(100) not null,
          line_manager_id varchar(64) references engineer (user_id))""").update();
    jdbc.sql("create table organisation_version (id integer primary key, version bigint not null)").update();
    jdbc.sql("insert into organisation_version (id, version) values (1, 0)").update();
    organisation = new Organisation(jdbc);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    organisation.save(engineer("ann", null, 5));
    organisation.save(engineer("bob", "ann", 2));
    organisation.save(engineer("cid", "ann", 2));
  }

  @Test
  void everySaveMovesTheVersion() {
    long before = organisation.version();

    organisation.save(engineer("dan", "bob", 1));
    organisation.save(engineer("dan", "cid", 1));

    assertThat(organisation.version()).isEqualTo(before + 2);
  }

  @Test
  void twoWritersOfDifferentEngineersBothSucceed() throws Exception {
    CountDownLatch firstHasSaved = new CountDownLatch(1);
    CompletableFuture<Void> promotion = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
      Engineer bob = organisation.lock("bob");
      organisation.save(engineer("bob", bob.lineManagerId(), 3));
      firstHasSaved.countDown();
      sleep(1_000);
    }));
    assertThat(firstHasSaved.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> administrator = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status ->
        organisation.save(engineer("cid", "bob", 2))));

    promotion.get(20, TimeUnit.SECONDS);
    administrator.get(20, TimeUnit.SECONDS);

    assertThat(organisation.engineer("bob").seniorityLevel()).isEqualTo(3);
    assertThat(organisation.engineer("cid").lineManagerId()).isEqualTo("bob");
    assertThat(organisation.version()).isEqualTo(5);
  }

  @Test
  void aWriterWaitingForAnEngineersRowHoldsNotTheVersion() throws Exception {
    // The promotion holds bob's row before it saves (Organisation.lock); an administrator saves bob meanwhile.
    CountDownLatch bobLocked = new CountDownLatch(1);
    CompletableFuture<Void> promotion = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
      Engineer bob = organisation.lock("bob");
      bobLocked.countDown();
      sleep(1_000);
      organisation.save(engineer("bob", bob.lineManagerId(), 3));
    }));
    assertThat(bobLocked.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> administrator = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status ->
        organisation.save(new Engineer("bob", "Bob", "bob@example.org", 3, "Team Lead", "ann"))));

    promotion.get(20, TimeUnit.SECONDS);
    administrator.get(20, TimeUnit.SECONDS);

    assertThat(organisation.engineer("bob").roleTitle()).isEqualTo("Team Lead");
    assertThat(organisation.version()).isEqualTo(5);
  }

  private static Engineer engineer(String userId, String lineManager, int level) {
    return new Engineer(userId, userId, userId + "@example.org", level, "Engineer", lineManager);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
