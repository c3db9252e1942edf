package org.microcredentials.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.microcredentials.process.TransientFailures;

/**
 * The refusals of the web layer as small problem details (RFC 9457), shaped like the APIs' own
 * ({@code rule} names the rule, {@code message} repeats the detail for Camunda's clients): written directly,
 * never through Spring Boot's error page, so that nothing about the server shows and no second dispatch runs.
 */
final class Problems {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {
  }

  static void write(HttpServletResponse response, int status, String rule, String title, String detail)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Map<String, Object> body = new TransientFailures.Problem(status, rule, title, detail).body();
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(TransientFailures.CONTENT_TYPE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), body);
  }
}
