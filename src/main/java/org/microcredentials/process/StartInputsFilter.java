package org.microcredentials.process;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;

/**
 * A process starts with exactly the fields of its start form, as {@link TaskInputsFilter} holds a task to its form.
 * Camunda lets whoever may start a process set any variable on it: a candidate could start her application with
 * {@code passed = true} or {@code finalScore = 10}, which the instance shows to every client that reads the outcome
 * from it (docs/contract.md) until the outcome is decided, or with values of any size that nobody reads. On every
 * start through {@code /engine-rest} and Tasklist's engine API ({@code start} and {@code submit-form}, by id or by
 * key), a variable that is not one of the start form's fields is refused (400, rule {@code start-inputs}), for
 * everyone but administrators. The fields are read from the start form the definition shows now (models bind forms
 * with {@code formRefBinding="latest"}); a start form nobody deployed is refused (409, rule {@code form-missing}). A
 * definition without a start form is left to the allow list and the engine.
 */
@Priority(Priorities.USER)
public class StartInputsFilter extends EngineChangeFilter {

  private static final Set<String> STARTS = Set.of("startProcessInstance", "submitForm");

  @Override
  protected void filter(EngineRequests request, String resource, String method) throws IOException {
    if (!"ProcessDefinitionResourceImpl".equals(resource) || !STARTS.contains(method)) {
      return;
    }
    ProcessEngine engine = request.engine();
    if (engine == null || Actors.administratorActs(engine.getIdentityService())) {
      return;
    }
    ProcessDefinition definition = definition(engine, request);
    if (definition == null) {
      return; // The engine answers: no such definition, or not this person's to start.
    }
    StartFormData start = engine.getFormService().getStartFormData(definition.getId());
    if (start == null || start.getCamundaFormRef() == null && start.getFormKey() == null
        || start.getFormKey() != null && !start.getFormKey().startsWith("camunda-forms:")) {
      return;
    }
    Set<String> fields;
    try (InputStream form = engine.getFormService().getDeployedStartForm(definition.getId())) {
      fields = FormFields.of(form);
    } catch (NotFoundException missing) {
      String formName = start.getCamundaFormRef() != null ? start.getCamundaFormRef().getKey() : start.getFormKey();
      request.refuse(409, "form-missing", "The start form '" + formName + "' of '" + name(definition)
          + "' is not deployed: an administrator deploys it from Camunda Modeler (docs/process-owners.md).");
      return;
    }
    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, JsonNode> variable : request.body().path("variables").properties()) {
      if (!fields.contains(variable.getKey())) {
        refused.add("'" + variable.getKey() + "'");
      }
    }
    if (!refused.isEmpty()) {
      request.refuse(400, "start-inputs", "'" + name(definition) + "' starts with "
          + (fields.isEmpty() ? "no fields" : String.join(", ", fields)) + "; it may not set "
          + String.join(", ", refused) + ".");
    }
  }

  /** The definition the call starts: by its id, or the newest version of its key (and tenant). */
  private static ProcessDefinition definition(ProcessEngine engine, EngineRequests request) {
    String id = request.pathParameter("id");
    ProcessDefinitionQuery query = engine.getRepositoryService().createProcessDefinitionQuery();
    if (id != null) {
      return query.processDefinitionId(id).singleResult();
    }
    String key = request.pathParameter("key");
    if (key == null) {
      return null;
    }
    String tenant = request.pathParameter("tenant-id");
    query = query.processDefinitionKey(key).latestVersion();
    return (tenant == null ? query.withoutTenantId() : query.tenantIdIn(tenant)).singleResult();
  }

  private static String name(ProcessDefinition definition) {
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }
}
