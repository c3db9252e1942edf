package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures answer 409 and 503, however deep the engine or Spring wrapped them; nothing else does. */
class TransientFailuresTest {

  @Test
  void anOptimisticLockingConflictAnywhereIsA409() {
    var wrapped = new ProcessEngineException("Cannot claim", new OptimisticLockingException("Entity was updated by another transaction concurrently"));
    assertThat(TransientFailures.of(wrapped)).hasValueSatisfying(problem -> {
      assertThat(problem.status()).isEqualTo(409);
      assertThat(problem.rule()).isEqualTo("concurrent-update");
      assertThat(problem.body()).containsEntry("status", 409).containsKeys("type", "title", "detail", "message");
    });
  }

  @Test
  void aParentExecutionGoneInTheMeantimeIsAConcurrentChangeToo() {
    // As seen in SoakFaultIT on H2: a leader completed a request while the parallel branch's job merged the branches.
    var parentGone = new ProcessEngineException("ENGINE-03077 Cannot resolve parent with id 'a8b9b0fa' of execution "
        + "'a8b9d80d', perhaps it was deleted in the meantime");
    assertThat(TransientFailures.of(new ProcessEngineException("Cannot submit task form", parentGone)))
        .hasValueSatisfying(problem -> assertThat(problem.rule()).isEqualTo("concurrent-update"));
  }

  @Test
  void aLockWaitThatGaveUpIsA503TooBusy() {
    // As seen in SoakFaultIT on H2 (before LOCK_TIMEOUT=10000): the intake's "for update" of the candidate's row.
    var lockTimeout = new QueryTimeoutException("PreparedStatementCallback; Timeout trying to lock table \"ENGINEER\"",
        new SQLException("Timeout trying to lock table \"ENGINEER\"", "HYT00", 50200));
    assertThat(TransientFailures.of(lockTimeout)).hasValueSatisfying(problem -> {
      assertThat(problem.status()).isEqualTo(503);
      assertThat(problem.rule()).isEqualTo("too-busy");
    });
    assertThat(TransientFailures.of(new ProcessEngineException("start failed",
        new SQLException("Timeout trying to lock table", "HYT00", 50200))))
        .hasValueSatisfying(problem -> assertThat(problem.rule()).isEqualTo("too-busy"));
  }

  @Test
  void aDatabaseThatIsNotThereIsA503() {
    SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
    var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001", refused);
    assertThat(TransientFailures.of(new CannotCreateTransactionException("no JDBC connection",
        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout))))
        .hasValueSatisfying(problem -> assertThat(problem.rule()).isEqualTo("database-unavailable"));
    // PostgreSQL shutting down cuts the open connections.
    assertThat(TransientFailures.of(new ProcessEngineException("flush failed",
        new SQLException("terminating connection due to administrator command", "57P01"))))
        .hasValueSatisfying(problem -> assertThat(problem.status()).isEqualTo(503));
  }

  @Test
  void aConnectionCutMidTransactionIsA503EvenWhenTheRollbackFailsToo() {
    // As seen when PostgreSQL stopped under load (DatabaseOutageFaultIT): the rollback's failure hides the first.
    TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    rollbackFailed.initApplicationException(new ProcessEngineException("query failed",
        new SQLException("An I/O error occurred while sending to the backend.", "08006")));
    assertThat(TransientFailures.of(new ProcessEngineException("An exception occurred in the persistence layer",
        rollbackFailed))).hasValueSatisfying(problem -> assertThat(problem.rule()).isEqualTo("database-unavailable"));
  }

  @Test
  void aCommitCutByTheDatabaseGoingIsA503ThatDoesNotSayNothingWasDone() {
    // As seen when PostgreSQL stopped under load (DatabaseOutageFaultIT, second run): the commit failed
    // ("terminating connection due to administrator command"), Spring logged it and threw the rollback's
    // failure on the closed connection instead, with no application exception: the outcome is unknown.
    TransactionSystemException rollbackAfterCommitFailed = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    assertThat(TransientFailures.of(new ProcessEngineException("An exception occurred in the persistence layer",
        rollbackAfterCommitFailed))).hasValueSatisfying(problem -> {
          assertThat(problem.status()).isEqualTo(503);
          assertThat(problem.rule()).isEqualTo("database-unavailable");
          assertThat(problem.detail()).contains("may or may not have been done").doesNotContain("nothing was changed");
        });
  }

  @Test
  void aPoolWithEveryConnectionBusyIsA503TooBusy() {
    var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out");
    assertThat(TransientFailures.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimeout)))
        .hasValueSatisfying(problem -> {
          assertThat(problem.status()).isEqualTo(503);
          assertThat(problem.rule()).isEqualTo("too-busy");
        });
  }

  @Test
  void theSameRowInsertedTwiceAtOnceIsA409AlreadyRecorded() {
    // A completion sent two or three times at once: the second insert into peer_review met the first's key.
    assertThat(TransientFailures.of(new ProcessEngineException("Exception while invoking TaskListener",
        new DuplicateKeyException("insert into peer_review", new SQLException("Unique index violation", "23505")))))
        .hasValueSatisfying(problem -> {
          assertThat(problem.status()).isEqualTo(409);
          assertThat(problem.rule()).isEqualTo("already-recorded");
        });
    assertThat(TransientFailures.of(new SQLException("duplicate key value", "23505")))
        .hasValueSatisfying(problem -> assertThat(problem.rule()).isEqualTo("already-recorded"));
  }

  @Test
  void anythingElseIsNotOurs() {
    assertThat(TransientFailures.of(new ProcessEngineException("Cannot find task"))).isEmpty();
    assertThat(TransientFailures.of(new SQLException("NULL not allowed for column", "23502"))).isEmpty();
    assertThat(TransientFailures.of(new SQLException("violates foreign key constraint", "23503"))).isEmpty();
    assertThat(TransientFailures.of(new IllegalStateException("bug"))).isEmpty();
  }
}
