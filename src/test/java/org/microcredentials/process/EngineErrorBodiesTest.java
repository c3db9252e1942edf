package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.microcredentials.RuleViolation;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * What {@code /engine-rest} and Tasklist's engine API answer when a request fails: a server error shows an
 * error id and nothing of the exception (it is logged under the id); the same insert sent twice at once is
 * a 409, not a 500 quoting SQL; the refusals that were 4xx stay as they were.
 */
@ExtendWith(OutputCaptureExtension.class)
class EngineErrorBodiesTest {

  private static final String SQL = "PreparedStatementCallback; SQL [insert into peer_review (business_key, review_round, "
      + "reviewer_id) select business_key, review_round, ? from application where business_key = ?]";

  @Test
  void aServerErrorShowsAnErrorIdAndNothingOfTheException(CapturedOutput log) {
    Response answer = EngineRestConfiguration.respond(new IllegalStateException("Unexpected row in " + SQL));
    assertThat(answer.getStatus()).isEqualTo(500);
    Map<String, Object> body = body(answer);
    assertThat(body).containsEntry("rule", "internal-error").containsKeys("errorId", "detail", "message");
    assertNoInternals(body);
    assertThat(String.valueOf(body.get("message"))).contains(String.valueOf(body.get("errorId")));
    // The details are in the log, under the id the caller was given.
    assertThat(log.getAll()).contains("Error " + body.get("errorId") + " answered with HTTP 500")
        .contains("IllegalStateException").contains("insert into peer_review");

    Response wrapped = EngineRestConfiguration.respond(new ProcessEngineException("ENGINE-16004 Exception while closing "
        + "command context: " + SQL, new NullPointerException("Cannot invoke \"String.length()\"")));
    assertThat(wrapped.getStatus()).isEqualTo(500);
    assertNoInternals(body(wrapped));
  }

  @Test
  void theSameRecordInsertedTwiceAtOnceIsA409AlreadyRecorded() {
    // As seen: one peer review submitted three times at once; the second insert met the first's key.
    var duplicate = new DuplicateKeyException(SQL + "; Unique index or primary key violation",
        new SQLException("Unique index or primary key violation: \"PUBLIC.PEER_REVIEW_UNIQUE\"", "23505", 23505));
    var fromAListener = new ProcessEngineException("Exception while invoking TaskListener: " + duplicate.getMessage(), duplicate);
    for (Throwable thrown : new Throwable[] {duplicate, fromAListener,
        new ProcessEngineException("insert failed", new SQLException("duplicate key value violates unique constraint", "23505"))}) {
      Response answer = EngineRestConfiguration.respond(thrown);
      assertThat(answer.getStatus()).isEqualTo(409);
      Map<String, Object> body = body(answer);
      assertThat(body).containsEntry("rule", "already-recorded");
      assertThat(String.valueOf(body.get("detail"))).contains("already recorded by a request sent at the same moment")
          .contains("nothing was done twice");
      assertNoInternals(body);
    }
  }

  @Test
  void aBrokenConstraintThatIsNoDuplicateStaysAServerErrorWithoutDetails() {
    var notNull = new DataIntegrityViolationException(SQL, new SQLException("NULL not allowed for column", "23502"));
    Response answer = EngineRestConfiguration.respond(new ProcessEngineException("failed", notNull));
    assertThat(answer.getStatus()).isEqualTo(500);
    assertNoInternals(body(answer));
  }

  @Test
  void theRefusalsThatWere4xxStayAsTheyWere() {
    Response rule = EngineRestConfiguration.respond(new ProcessEngineException("wrapped",
        RuleViolation.conflict("monthly-cap", "alice has used her 2 applications this month.")));
    assertThat(rule.getStatus()).isEqualTo(409);
    assertThat(body(rule)).containsEntry("rule", "monthly-cap").containsEntry("message", "alice has used her 2 applications this month.");

    Response claimed = EngineRestConfiguration.respond(new TaskAlreadyClaimedException("t1", "erin"));
    assertThat(claimed.getStatus()).isEqualTo(409);
    assertThat(body(claimed)).containsEntry("rule", "task-already-claimed");

    Response gone = EngineRestConfiguration.respond(new org.camunda.bpm.engine.exception.NullValueException(
        "Cannot find task with id t1: task is null"));
    assertThat(gone.getStatus()).isEqualTo(404);
    assertThat(body(gone)).containsEntry("rule", "task-not-found");

    Response javaSerialized = EngineRestConfiguration.respond(new ProcessEngineException(
        "ENGINE-17007 Cannot set variable with name x. Java serialization format is prohibited"));
    assertThat(javaSerialized.getStatus()).isEqualTo(400);
    assertThat(body(javaSerialized)).containsEntry("rule", "no-java-serialization");

    // Camunda's own 4xx (a bad request of the REST layer) keep Camunda's body and message.
    Response invalid = EngineRestConfiguration.respond(new InvalidRequestException(Response.Status.BAD_REQUEST,
        "Cannot convert value 'x' of type 'Integer'"));
    assertThat(invalid.getStatus()).isEqualTo(400);
    assertThat(((ExceptionDto) invalid.getEntity()).getMessage()).contains("Cannot convert value 'x'");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(Response answer) {
    assertThat(answer.getEntity()).isInstanceOf(Map.class);
    return (Map<String, Object>) answer.getEntity();
  }

  private static void assertNoInternals(Map<String, Object> body) {
    assertThat(String.valueOf(body)).doesNotContainIgnoringCase("insert into").doesNotContainIgnoringCase("select ")
        .doesNotContain("Exception").doesNotContain("ENGINE-").doesNotContain("java.").doesNotContain("org.")
        .doesNotContain("peer_review").doesNotContain("String.length").doesNotContain("\tat ");
  }
}
