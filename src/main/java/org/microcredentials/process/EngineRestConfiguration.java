package org.microcredentials.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.microcredentials.RuleViolation;
import org.springframework.core.NestedRuntimeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code /engine-rest} as Camunda configures it, plus the first page of unpaged lists and the announcement of a
 * deployment made ({@link DeployedThroughRest}). The mappers
 * defined here answer a broken rule with its 4xx status wherever the engine wrapped it (a task
 * listener's refusal of a claim, say), instead of the 500 Camunda gives any wrapped exception;
 * {@link EngineApiProviders} adds them, with {@link TaskInputsFilter}, to this application and to
 * the webapps' engine API alike. A concurrent change (optimistic locking) answers 409 and a database
 * outage 503, as problem details ({@link TransientFailures}). Everything else is answered as Camunda does,
 * except that a server error (5xx) shows only an error id, never the exception ({@link InternalErrors}).
 */
@Component
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  /** The engine's {@code queryMaxResultsLimit}: the most an authenticated caller's query returns. */
  @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit:2000}")
  int queryMaxResultsLimit;

  private final ApplicationEventPublisher events;

  EngineRestConfiguration(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  protected void registerAdditionalResources() {
    register(new FirstPageOfUnpagedLists(queryMaxResultsLimit));
    register(new DeployedThroughRest.Announcer(events));
  }

  /**
   * With {@code queryMaxResultsLimit} set, the engine refuses an unpaged list to an authenticated
   * caller ("An unbound number of results is forbidden!"). CONTRACT.md promises that
   * {@code GET /engine-rest/task?processInstanceBusinessKey=...} lists an application's tasks, so
   * a GET without {@code firstResult} and {@code maxResults} gets the first page of the limit's
   * size instead. Asking for more than the limit is still refused. (A GET of a single resource
   * ignores the parameter.)
   */
  @PreMatching
  static class FirstPageOfUnpagedLists implements ContainerRequestFilter {

    private final int pageSize;

    FirstPageOfUnpagedLists(int pageSize) {
      this.pageSize = pageSize;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
      if ("GET".equals(request.getMethod()) && !query.containsKey("firstResult") && !query.containsKey("maxResults")) {
        request.setRequestUri(request.getUriInfo().getRequestUriBuilder()
            .queryParam("firstResult", 0).queryParam("maxResults", pageSize).build());
      }
    }
  }

  /**
   * The engine's refusal of a Java-serialized variable ({@code javaSerializationFormatEnabled} is
   * off, as by default): bad input of the caller, so 400, not the 500 Camunda answers it with.
   */
  static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

  /**
   * How Camunda's type validation ({@code deserialization-type-validation-enabled}, application.yaml) refuses to
   * rebuild an Object variable of a type outside the allowed ones (Spin's {@code SpinRuntimeException}, under the
   * engine's "Cannot deserialize object in variable"): the caller's input, so 400, not the 500 Camunda gives it.
   */
  static final String TYPE_NOT_ALLOWED = "The following classes are not whitelisted for deserialization:";

  /** How the engine says a task named by id is not (or no longer) there. */
  static final String NO_SUCH_TASK = "Cannot find task with id";
  /** How the identity service says a membership names a group or a user that is not there. */
  static final String NO_SUCH_GROUP = "No group found with id";
  static final String NO_SUCH_USER = "No user found with id";

  static Response respond(Throwable thrown) {
    var transientFailure = TransientFailures.of(thrown);
    if (transientFailure.isPresent()) {
      TransientFailures.Problem problem = transientFailure.get();
      Response.ResponseBuilder answer = Response.status(problem.status()).type(TransientFailures.CONTENT_TYPE)
          .entity(problem.body());
      if (problem.status() == 503) {
        answer.header("Retry-After", TransientFailures.RETRY_AFTER_SECONDS);
      }
      return answer.build();
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthorizationException denied && tasksGone(denied)) {
        // The same form submitted twice at once (RacePostgresIT): the second found the task, then the first's
        // commit took the task away with the authorizations on it, and the second's check found none.
        return refusal(404, "task-not-found", "The task is no longer open: it was completed or cancelled at the "
            + "same moment, by this or another request.");
      }
      if (cause instanceof RuleViolation violation) {
        return refusal(violation.httpStatus(), violation.rule(), violation.getMessage());
      }
      if (cause instanceof NullValueException missing && missing.getMessage() != null
          && missing.getMessage().startsWith(NO_SUCH_TASK)) {
        // A form submitted twice (a double click, a client's retry): the first completed the task.
        return refusal(404, "task-not-found", missing.getMessage()
            + ": the task is no longer open; it was completed or cancelled already, or never existed.");
      }
      if (cause instanceof NullValueException missing && missing.getMessage() != null
          && (missing.getMessage().startsWith(NO_SUCH_GROUP) || missing.getMessage().startsWith(NO_SUCH_USER))) {
        // A membership for a group or user that does not exist: the caller named something that is not there.
        boolean group = missing.getMessage().startsWith(NO_SUCH_GROUP);
        return refusal(404, group ? "group-not-found" : "user-not-found", missing.getMessage().strip()
            + (group ? " Create the group first (Camunda Admin, or POST /engine-rest/group/create)." : ""));
      }
      if (cause instanceof TaskAlreadyClaimedException claimed) {
        return refusal(409, "task-already-claimed", claimed.getMessage());
      }
      if (cause.getMessage() != null && cause.getMessage().startsWith(TYPE_NOT_ALLOWED)) {
        return refusal(400, "object-type-not-allowed", "An Object variable naming a Java type the application does not "
            + "use was sent (" + cause.getMessage().substring(TYPE_NOT_ALLOWED.length()).strip() + "): it is not rebuilt "
            + "on the server, and nothing was done. Send text, numbers, booleans or JSON.");
      }
      if (cause instanceof ProcessEngineException engineException && engineException.getMessage() != null
          && engineException.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED)) {
        return refusal(400, "no-java-serialization", engineException.getMessage()
            + ": send the value as JSON or as a primitive type, never as application/x-java-serialized-object.");
      }
    }
    Response camundas = ExceptionHandlerHelper.getInstance().getResponse(thrown);
    if (camundas.getStatus() >= 500) {
      // Camunda's body would carry the exception's type and message (SQL, table and class names).
      return Response.status(camundas.getStatus()).type(TransientFailures.CONTENT_TYPE)
          .entity(InternalErrors.record(camundas.getStatus(), thrown)).build();
    }
    return camundas;
  }

  /**
   * Whether the authorizations missing are on tasks that are no longer there. Read without authorization
   * checks (a caller not allowed to see a task must not be told "not found" about one that exists).
   */
  private static boolean tasksGone(AuthorizationException denied) {
    List<String> taskIds = denied.getMissingAuthorizations().stream()
        .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()) && missing.getResourceId() != null)
        .map(MissingAuthorization::getResourceId).toList();
    if (taskIds.isEmpty()) {
      return false;
    }
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) EngineUtil.lookupProcessEngine(null)
        .getProcessEngineConfiguration();
    return engine.getCommandExecutorTxRequired().execute(command -> taskIds.stream()
        .allMatch(id -> command.getTaskManager().findTaskById(id) == null));
  }

  private static Response refusal(int status, String rule, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "RuleViolation", "rule", rule, "message", message))
        .build();
  }

  @Priority(1)
  public static class WrappedRuleViolations implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return respond(exception);
    }
  }

  /**
   * Spring's exceptions reach the REST layer unwrapped when the transaction cannot even begin
   * (no connection from the pool during a database outage): 503, not Camunda's 500.
   */
  @Priority(1)
  public static class SpringDataFailures implements ExceptionMapper<NestedRuntimeException> {
    @Override
    public Response toResponse(NestedRuntimeException exception) {
      return respond(exception);
    }
  }

  /**
   * Whatever no mapper above takes (an exception from a listener the engine did not wrap, a failure inside
   * Camunda's REST resources): Camunda's own mapper of {@code Throwable} would answer it with its type and
   * message. Through {@link #respond} it keeps Camunda's status, and a 5xx shows only an error id.
   */
  @Priority(1)
  public static class UnexpectedFailures implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
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
