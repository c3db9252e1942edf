package org.microcredentials.api;

import java.util.Map;
import org.microcredentials.RuleViolation;
import org.microcredentials.process.InternalErrors;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * The body of Spring Boot's {@code /error}, where every failure no handler answered ends (a servlet filter's
 * exception, an {@code /api} failure {@link ApiExceptionHandler} does not know). {@code server.error.*} keeps
 * messages, exception types, stack traces and binding errors out of it (application.yaml); two things are
 * added back: a broken rule's message and name, which are written for people, and for a server error (5xx)
 * the id under which {@link InternalErrors} logged it.
 */
@Component
class ErrorBodies extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Throwable error = getError(request);
    if (attributes.get("status") instanceof Integer status && status >= 500) {
      Map<String, Object> problem = InternalErrors.record(status, error);
      attributes.put("errorId", problem.get("errorId"));
      attributes.put("message", problem.get("detail"));
    }
    for (Throwable cause = error; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof RuleViolation violation) {
        attributes.put("message", violation.getMessage());
        attributes.put("rule", violation.rule());
        break;
      }
    }
    return attributes;
  }
}
