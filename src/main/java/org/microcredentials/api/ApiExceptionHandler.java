package org.microcredentials.api;

import org.microcredentials.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
}
