package org.microcredentials.api;

import java.net.URI;
import org.camunda.bpm.engine.ProcessEngineException;
import org.microcredentials.RuleViolation;
import org.microcredentials.process.TransientFailures;
import org.springframework.core.NestedRuntimeException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of {@code /api} as RFC 9457 problem details whose {@code detail} names the rule. */
@RestControllerAdvice(basePackages = "org.microcredentials")
class ApiExceptionHandler {

  @ExceptionHandler(RuleViolation.class)
  ProblemDetail ruleViolation(RuleViolation violation) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(violation.httpStatus()),
        violation.getMessage());
    problem.setTitle("Rule broken: " + violation.rule());
    problem.setProperty("rule", violation.rule());
    return problem;
  }

  /** A concurrent change (409) or a database outage (503); anything else stays an error. */
  @ExceptionHandler({ProcessEngineException.class, NestedRuntimeException.class})
  ResponseEntity<ProblemDetail> transientFailure(RuntimeException thrown) {
    TransientFailures.Problem failure = TransientFailures.of(thrown).orElseThrow(() -> thrown);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(failure.status()), failure.detail());
    problem.setType(URI.create("urn:microcredentials:problem:" + failure.rule()));
    problem.setTitle(failure.title());
    problem.setProperty("rule", failure.rule());
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(failure.status());
    if (failure.status() == 503) {
      answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(TransientFailures.RETRY_AFTER_SECONDS));
    }
    return answer.body(problem);
  }
}
