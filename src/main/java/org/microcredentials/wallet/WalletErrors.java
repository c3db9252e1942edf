package org.microcredentials.wallet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.microcredentials.process.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the Open Badges 3.0 API answers what it refuses: OAuth 2.0 errors ({@code error},
 * {@code error_description}; never cached; 401 with a Basic challenge for a client that did not
 * authenticate) on registration, token and revocation, {@code Imsx_StatusInfo} on the resources
 * (401 with a Bearer challenge). Before the application's problem details, which are for {@code /api}.
 */
@RestControllerAdvice(assignableTypes = WalletApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WalletErrors {

  static final String REALM = "micro-credentials wallets";
  private static final Logger LOG = LoggerFactory.getLogger(WalletErrors.class);

  @ExceptionHandler(OAuthError.class)
  ResponseEntity<Map<String, Object>> oauth(OAuthError error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error.error());
    body.put("error_description", error.getMessage());
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.status()).cacheControl(CacheControl.noStore())
        .header("Pragma", "no-cache");
    if (error.status() == 401) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"micro-credentials wallets\"");
    }
    if (error.retryAfterSeconds() > 0) {
      answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(error.retryAfterSeconds()));
    }
    return answer.body(body);
  }

  /** A registration whose body is not JSON (RFC 7591 3.2.2). */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException unreadable) {
    return oauth(OAuthError.invalidClientMetadata("The registration request is a JSON object of client metadata (RFC 7591)."));
  }

  /**
   * A concurrent change (409) or the database away (503, Retry-After), as every other API of ours
   * answers them; any other failure is a 500 that says nothing of its cause (no SQL, class or stack):
   * the cause is in the log.
   */
  @ExceptionHandler({ProcessEngineException.class, NestedRuntimeException.class})
  ResponseEntity<Map<String, Object>> transientFailure(RuntimeException thrown) {
    Optional<TransientFailures.Problem> transientFailure = TransientFailures.of(thrown);
    if (transientFailure.isEmpty()) {
      return failure(thrown);
    }
    TransientFailures.Problem failure = transientFailure.get();
    ResponseEntity<Map<String, Object>> answer = imsx(new ImsxError(failure.status(), "server_busy", failure.detail()));
    ResponseEntity.BodyBuilder busy = ResponseEntity.status(failure.status()).headers(answer.getHeaders());
    if (failure.status() == 503) {
      busy.header(HttpHeaders.RETRY_AFTER, String.valueOf(TransientFailures.RETRY_AFTER_SECONDS));
    }
    return busy.body(answer.getBody());
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Map<String, Object>> failure(RuntimeException thrown) {
    LOG.error("The Open Badges API failed on a request", thrown);
    return imsx(new ImsxError(500, "internal_server_error", "The server failed to answer this request; try again later."));
  }

  @ExceptionHandler(ImsxError.class)
  ResponseEntity<Map<String, Object>> imsx(ImsxError error) {
    Map<String, Object> field = new LinkedHashMap<>();
    field.put("imsx_codeMinorFieldName", "TargetEndSystem");
    field.put("imsx_codeMinorFieldValue", error.codeMinor());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("imsx_codeMajor", "failure");
    body.put("imsx_severity", error.status() == 404 ? "status" : "error");
    body.put("imsx_description", error.getMessage());
    body.put("imsx_codeMinor", Map.of("imsx_codeMinorField", List.of(field)));
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.status()).cacheControl(CacheControl.noStore());
    if (error.status() == 401 || error.status() == 403) {
      answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\""
          + (error.bearerError() == null ? "" : ", error=\"" + error.bearerError() + "\""));
    }
    return answer.body(body);
  }
}
