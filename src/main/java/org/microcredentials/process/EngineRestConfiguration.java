package org.microcredentials.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.microcredentials.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * {@code /engine-rest} as Camunda configures it, plus mappers that answer a broken rule with its
 * 4xx status wherever the engine wrapped it (a task listener's refusal of a claim, say), instead
 * of the 500 Camunda gives any wrapped exception. Everything else is answered as Camunda does.
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(WrappedRuleViolations.class);
    register(WrappedRuleViolationsInRestExceptions.class);
  }

  static Response respond(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof RuleViolation violation) {
        return Response.status(violation.httpStatus())
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "RuleViolation", "rule", violation.rule(), "message", violation.getMessage()))
            .build();
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(thrown);
  }

  @Priority(1)
  public static class WrappedRuleViolations implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return respond(exception);
    }
  }

  @Priority(1)
  public static class WrappedRuleViolationsInRestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return respond(exception);
    }
  }
}
