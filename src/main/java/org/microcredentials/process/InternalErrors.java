package org.microcredentials.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a caller is told when the server fails in a way no rule foresaw (HTTP 5xx): that it failed, and an
 * error id; never the exception's message, type or stack trace, which name tables, SQL and classes an
 * attacker would study. The details go to the application log under the same id, so that the person who
 * reports the id can be helped. Every API answers its 5xx through here: {@code /engine-rest} and Tasklist's
 * engine API ({@link EngineRestConfiguration#respond}), {@code /api} and Spring Boot's {@code /error}.
 */
public final class InternalErrors {

  private static final Logger LOG = LoggerFactory.getLogger(InternalErrors.class);

  private InternalErrors() {
  }

  /** Logs the failure with a new id and gives the body to answer with. */
  public static Map<String, Object> record(int status, Throwable thrown) {
    String errorId = UUID.randomUUID().toString();
    LOG.error("Error {} answered with HTTP {}", errorId, status, thrown);
    return body(status, errorId);
  }

  /** The problem detail (RFC 9457) of a failure logged under {@code errorId}, with {@code message} for Tasklist. */
  public static Map<String, Object> body(int status, String errorId) {
    String detail = "The server failed to answer this request. If it persists, tell your administrator error id "
        + errorId + ": the application log holds the details under it.";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:microcredentials:problem:internal-error");
    body.put("title", "Server error");
    body.put("status", status);
    body.put("detail", detail);
    body.put("rule", "internal-error");
    body.put("errorId", errorId);
    body.put("message", detail);
    return body;
  }
}
