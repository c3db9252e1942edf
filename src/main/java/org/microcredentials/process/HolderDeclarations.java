package org.microcredentials.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.microcredentials.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * A model whose user task declares a {@link Holder} that names no role is refused when it is deployed (400
 * {@code holder-unknown}, naming the task and the roles there are), from Camunda Modeler, the REST API or at the
 * application's start, so a typo never reaches a running task. Checked before the engine parses the deployment, and
 * only for a new deployment: the deployments already made are parsed again when the engine caches them, and are
 * left as they were accepted. A user task that declares no holder is accepted ({@link ModelledHolder}).
 */
@Component
class HolderDeclarations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<org.camunda.bpm.engine.impl.persistence.deploy.Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(HolderDeclarations::check);
    configuration.setCustomPreDeployers(preDeployers);
  }

  private static void check(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
      if (resource.getKey().endsWith(".bpmn") || resource.getKey().endsWith(".bpmn20.xml")) {
        BpmnModelInstance model;
        try {
          model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getValue().getBytes()));
        } catch (RuntimeException unreadable) {
          continue; // the engine's own parser reports what is wrong with it, with the line
        }
        check(model);
      }
    }
  }

  /** Refuses a model with a user task whose declared holder names no role. */
  static void check(BpmnModelInstance model) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Holder.of(task, "process " + ModelledHolder.processOf(task));
    }
  }
}
