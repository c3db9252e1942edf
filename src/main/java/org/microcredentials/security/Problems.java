package org.microcredentials.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The refusals of the web layer as small problem details (RFC 9457), shaped like the APIs' own
 * ({@code rule} names the rule, {@code message} repeats the detail for Camunda's clients): written directly,
 * never through Spring Boot's error page, so that nothing about the server shows and no second dispatch runs.
 */
final class Problems {

  static final String CONTENT_TYPE = "application/problem+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {
  }

  static void write(HttpServletResponse response, int status, String rule, String title, String detail)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:microcredentials:problem:" + rule);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("rule", rule);
    body.put("message", detail);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(CONTENT_TYPE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), body);
  }
}
