package org.microcredentials.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Spring Boot's {@code /error} body with the options application.yaml sets (no message, exception, trace or
 * binding errors): a server error gives an error id and nothing of the exception; a broken rule keeps its
 * message, which is written for people.
 */
class ErrorBodiesTest {

  private final ErrorBodies bodies = new ErrorBodies();

  @Test
  void aServerErrorGivesAnErrorIdAndNothingOfTheException() {
    Map<String, Object> body = bodies.getErrorAttributes(request(500,
        new IllegalStateException("StatementCallback; bad SQL grammar [select * from engineer where user_id = 'x'']")),
        ErrorAttributeOptions.defaults());
    assertThat(body).containsEntry("status", 500).containsKey("errorId").doesNotContainKeys("exception", "trace", "errors");
    assertThat(String.valueOf(body)).doesNotContain("select").doesNotContain("IllegalStateException")
        .doesNotContain("java.").contains(String.valueOf(body.get("errorId")));
  }

  @Test
  void aBrokenRuleKeepsItsMessageAndName() {
    Map<String, Object> body = bodies.getErrorAttributes(request(403,
        RuleViolation.forbidden("report-readers", "Only the SEM team and administrators read reports.")),
        ErrorAttributeOptions.defaults());
    assertThat(body).containsEntry("message", "Only the SEM team and administrators read reports.")
        .containsEntry("rule", "report-readers").doesNotContainKeys("errorId", "exception", "trace");
  }

  @Test
  void aClientErrorOfSpringsOwnSaysNothingMore() {
    Map<String, Object> body = bodies.getErrorAttributes(request(406, null), ErrorAttributeOptions.defaults());
    assertThat(body).containsEntry("status", 406).doesNotContainKeys("errorId", "rule", "exception", "trace", "message");
  }

  private static ServletWebRequest request(int status, Throwable error) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/reports/submissions");
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/reports/submissions");
    if (error != null) {
      request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
    }
    return new ServletWebRequest(request);
  }
}
