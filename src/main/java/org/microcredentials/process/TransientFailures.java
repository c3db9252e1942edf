package org.microcredentials.process;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Failures that are nobody's mistake and pass: two people changing the same thing at the same
 * moment (the engine's optimistic locking lets one win; the other may look again and retry), the same
 * request sent twice at once (a unique key keeps one; the other is told it was already recorded), the
 * database being away, and every connection to it being busy. Every API answers them the same way, as RFC 9457 problem details: 409
 * naming the conflict, 503 with {@code Retry-After}. Never a 500 with a stack trace.
 */
public final class TransientFailures {

  /** One answer: status, the rule-like name clients switch on, a title and the detail. */
  public record Problem(int status, String rule, String title, String detail) {

    /** The problem detail, with {@code message} too: Camunda's clients (Tasklist) show that field. */
    public Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "urn:microcredentials:problem:" + rule);
      body.put("title", title);
      body.put("status", status);
      body.put("detail", detail);
      body.put("rule", rule);
      body.put("message", detail);
      return body;
    }
  }

  public static final String CONTENT_TYPE = "application/problem+json";
  /** Seconds a client should wait before trying again during an outage. */
  public static final int RETRY_AFTER_SECONDS = 5;
  /** H2's error code for a lock wait that timed out ("Timeout trying to lock table"). */
  private static final int H2_LOCK_TIMEOUT = 50200;

  private static final Problem CONCURRENT_UPDATE = new Problem(409, "concurrent-update",
      "Changed by someone else at the same moment",
      "Someone else changed this at the same moment and their change was kept; yours was not applied. "
          + "Reload and try again if it is still to do.");
  /** SQLSTATE of a unique constraint broken (H2 and PostgreSQL alike). */
  private static final String UNIQUE_VIOLATION = "23505";

  private TransientFailures() {
  }

  public static Optional<Problem> of(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (isDuplicate(cause)) {
        return Optional.of(new Problem(409, "already-recorded", "Already recorded",
            "This was already recorded by a request sent at the same moment; nothing was done twice."));
      }
      if (cause instanceof OptimisticLockingException || cause instanceof OptimisticLockingFailureException
          || cause instanceof PessimisticLockingFailureException || isParentGone(cause) || isDeadlockVictim(cause)) {
        return Optional.of(CONCURRENT_UPDATE);
      }
      if (isLockTimeout(cause)) {
        return Optional.of(new Problem(503, "too-busy", "Too busy",
            "Others are changing the same thing at the moment and this waited too long for them; nothing was changed. "
                + "Try again in a few seconds."));
      }
      if (cause instanceof SQLTransientConnectionException && cause.getCause() == null) {
        // The pool timed out with no failed connection behind it: every connection is busy.
        return Optional.of(new Problem(503, "too-busy", "Too busy",
            "Every database connection is in use at the moment; nothing was changed. Try again in a few seconds."));
      }
      if (isDatabaseUnavailable(cause) && !hasBusyPoolBelow(cause)) {
        return Optional.of(new Problem(503, "database-unavailable", "The database is unavailable",
            "The application cannot reach its database at the moment; nothing was changed. Try again in a few seconds."));
      }
      if (cause instanceof javax.naming.CommunicationException || cause instanceof javax.naming.ServiceUnavailableException) {
        // Profile ldap: the company directory, which checks every password, cannot be reached.
        return Optional.of(new Problem(503, "directory-unavailable", "The directory is unavailable",
            "The application cannot reach the company directory at the moment; nothing was changed. Try again in a few "
                + "seconds."));
      }
      if (cause instanceof TransactionSystemException rollbackFailed && rollbackFailed.getApplicationException() != null) {
        // The connection broke mid-transaction, and the rollback failed on it too: the first failure tells.
        Optional<Problem> original = of(rollbackFailed.getApplicationException());
        if (original.isPresent()) {
          return original;
        }
      }
      if (cause instanceof TransactionSystemException commitLost && commitLost.getApplicationException() == null
          && commitLost.getCause() instanceof SQLException) {
        // The commit failed on a broken connection and the rollback after it too (Spring logs the commit's
        // failure and throws the rollback's, Hikari's bare "Connection is closed"): whether the database
        // committed before the connection went is not known here, so the answer does not say it did not.
        return Optional.of(new Problem(503, "database-unavailable", "The database is unavailable",
            "The connection to the database broke while this was being saved: it may or may not have been done. "
                + "Look before you try again in a few seconds."));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * A unique key of ours refused a second copy of a row: the same request sent twice at once (a completion
   * sent two or three times in the same instant both passed their checks, and the second insert into
   * {@code peer_review} met the first's). The loser's transaction rolled back whole; the winner recorded it
   * once. Other broken constraints (a missing value, a failed check, a missing parent row) are taken for
   * mistakes of ours, not of timing, and stay server errors: a job failing on one keeps its retry cycle and
   * ends in an incident, where a concurrent-update would be retried at once without end
   * ({@link ConflictingJobRetryPlugin}).
   */
  private static boolean isDuplicate(Throwable cause) {
    return cause instanceof DuplicateKeyException
        || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
  }

  /**
   * ENGINE-03077, "Cannot resolve parent ... perhaps it was deleted in the meantime": the engine's word for
   * a concurrent change it did not catch as optimistic locking. Seen when a leader completed an endorsement
   * request's task while the job of the parallel branch (the leader's notification) ended and the engine
   * merged the branches (SoakFaultIT on H2), and in TwoNodeClusterIT (a completion against a timer on the
   * other node). The loser's transaction rolled back whole; done again, it succeeds.
   */
  private static boolean isParentGone(Throwable cause) {
    return cause instanceof ProcessEngineException && cause.getMessage() != null
        && cause.getMessage().startsWith("ENGINE-03077 ");
  }

  /**
   * The database broke a deadlock by rolling this transaction back (H2: 40001, "Deadlock detected";
   * PostgreSQL: 40P01, and 40001 for a serialization failure). Spring translates it where our own SQL
   * runs; the engine's SQL (MyBatis) reaches us untranslated, as the driver's exception. Nothing of the
   * transaction was kept; done again, it succeeds.
   */
  private static boolean isDeadlockVictim(Throwable cause) {
    return cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()));
  }

  /**
   * A lock wait that gave up (H2's lock timeout, which Spring translates into a query timeout): others
   * were changing the same row; nothing of this request was changed.
   */
  private static boolean isLockTimeout(Throwable cause) {
    return cause instanceof QueryTimeoutException
        || cause instanceof SQLException sql && (sql.getErrorCode() == H2_LOCK_TIMEOUT || "55P03".equals(sql.getSQLState()));
  }

  private static boolean hasBusyPoolBelow(Throwable thrown) {
    for (Throwable cause = thrown.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException && cause.getCause() == null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The connection pool gives up waiting, the driver cannot connect, or the server went away
   * (SQLSTATE class 08, connection exception; 57P01..57P03, PostgreSQL shutting down or starting).
   */
  static boolean isDatabaseUnavailable(Throwable cause) {
    if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
        || cause instanceof SQLNonTransientConnectionException) {
      return true;
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
    return false;
  }
}
