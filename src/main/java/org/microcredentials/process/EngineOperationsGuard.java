package org.microcredentials.process;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Operations that change where or how a process runs, or the jobs that drive it, are for
 * administrators only (403, naming the rule), on {@code /engine-rest} and the webapps' engine API.
 * The call is recognised by the resource method Jersey routed it to, so no spelling of the URL
 * gets past. Where Camunda's authorizations would refuse too, refusing here first matters: a job
 * executed on a refused request still lost a retry, and a start with instructions or skip flags
 * needs no more than the right to start.
 *
 * <ul>
 *   <li>{@code start-at-start-event}: a start with {@code startInstructions}, {@code skipCustomListeners}
 *       or {@code skipIoMappings}; modification, restart and migration of instances; signalling an
 *       execution; signals, messages and conditions; batch operations on instances.</li>
 *   <li>{@code jobs-administrators-only}: executing, retrying, rescheduling, suspending, re-prioritising
 *       or deleting a job or job definition; external tasks; batches; incidents; history clean-up.</li>
 * </ul>
 */
@Priority(Priorities.AUTHORIZATION)
public class EngineOperationsGuard extends EngineChangeFilter {

  /** Resource classes whose every change is an administrator's: jobs and what runs them. */
  private static final Set<String> JOB_RESOURCES = Set.of(
      "JobResourceImpl", "JobRestServiceImpl", "JobDefinitionResourceImpl", "JobDefinitionRestServiceImpl",
      "ExternalTaskResourceImpl", "ExternalTaskRestServiceImpl", "BatchResourceImpl", "BatchRestServiceImpl",
      "HistoricBatchResourceImpl", "HistoricBatchRestServiceImpl", "IncidentResourceImpl", "IncidentRestServiceImpl",
      "HistoryCleanupRestServiceImpl");

  /** Resource classes whose every change moves instances past their models' paths. */
  private static final Set<String> FLOW_RESOURCES = Set.of(
      "ModificationRestServiceImpl", "MigrationRestServiceImpl", "SignalRestServiceImpl", "MessageRestServiceImpl",
      "ConditionRestServiceImpl");

  /** Single operations of otherwise ordinary resources that do the same. */
  private static final Map<String, Set<String>> FLOW_METHODS = Map.of(
      "ProcessDefinitionResourceImpl", Set.of("restartProcessInstance", "restartProcessInstanceAsync"),
      "ProcessInstanceResourceImpl", Set.of("modifyProcessInstance", "modifyProcessInstanceAsync"),
      "ProcessInstanceRestServiceImpl", Set.of("updateSuspensionStateAsync", "deleteAsync",
          "deleteAsyncHistoricQueryBased", "setRetriesByProcess", "setRetriesByProcessHistoricQueryBased",
          "setVariablesAsync", "correlateMessageAsync"),
      "ExecutionResourceImpl", Set.of("signalExecution", "createIncident"));

  @Override
  protected void filter(EngineRequests request, String resource, String method) throws IOException {
    boolean jobs = JOB_RESOURCES.contains(resource);
    boolean flow = FLOW_RESOURCES.contains(resource) || FLOW_METHODS.getOrDefault(resource, Set.of()).contains(method)
        || startsPastTheStartEvent(request, resource, method);
    if (!(jobs || flow) || request.byAdministrator()) {
      return;
    }
    if (jobs) {
      request.refuse(403, "jobs-administrators-only", "Only an administrator executes, retries, reschedules, "
          + "suspends or deletes jobs, batches and incidents (" + method + " refused); nothing was changed.");
    } else {
      request.refuse(403, "start-at-start-event", "Process instances start at their start event and follow their "
          + "model: start instructions, skipped listeners or input mappings, modification, restart, migration, "
          + "signals and messages are for administrators only (" + method + " refused).");
    }
  }

  private static boolean startsPastTheStartEvent(EngineRequests request, String resource, String method)
      throws IOException {
    if (!"ProcessDefinitionResourceImpl".equals(resource) || !"startProcessInstance".equals(method)) {
      return false;
    }
    JsonNode body = request.body();
    JsonNode instructions = body.path("startInstructions");
    return instructions.isArray() && !instructions.isEmpty()
        || !instructions.isMissingNode() && !instructions.isNull() && !instructions.isArray()
        || body.path("skipCustomListeners").asBoolean(false)
        || body.path("skipIoMappings").asBoolean(false);
  }
}
