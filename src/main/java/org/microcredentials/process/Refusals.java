package org.microcredentials.process;

import jakarta.ws.rs.core.Response;
import java.util.function.Consumer;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.microcredentials.RuleViolation;

/**
 * Turns a broken rule inside the engine into a refusal the caller sees as HTTP 4xx. Camunda's
 * REST layer (the one under {@code /engine-rest} and the one Tasklist calls) answers its own
 * {@link InvalidRequestException} with the status it carries, and answers anything else thrown
 * from a listener or delegate with 500. The engine rolls the whole command back either way, so
 * a refused start or completion leaves nothing behind.
 */
public final class Refusals {

  private Refusals() {
  }

  public static InvalidRequestException toRest(RuleViolation violation) {
    return new InvalidRequestException(Response.Status.fromStatusCode(violation.httpStatus()), violation,
        violation.getMessage());
  }

  /** Runs a check and refuses the engine command when it finds a broken rule. */
  public static <T> void guard(T subject, Consumer<T> check) {
    try {
      check.accept(subject);
    } catch (RuleViolation violation) {
      throw toRest(violation);
    }
  }
}
