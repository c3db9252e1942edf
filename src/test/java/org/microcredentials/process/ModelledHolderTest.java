package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;

/**
 * Who holds a task, read from the model it runs on; for a model that declares none (an earlier release's, or a
 * version a process owner deployed without it), the role its id was last declared with, so that no check is dropped.
 * On an engine of its own, with the deployment check ({@link HolderDeclarations}) that production has; the models
 * are one user task each, whose create listener records what {@link ModelledHolder} answers. An open task, as
 * TaskService gives it, is asked by its process definition and task id, and answered the same.
 */
class ModelledHolderTest {

  static ProcessEngine engine;
  static final Map<String, Object> ANSWERS = new ConcurrentHashMap<>();

  /** Records the holder (or the refusal) of the task it is created on, by process instance. */
  public static class Recorder implements TaskListener {
    @Override
    public void notify(DelegateTask task) {
      try {
        ANSWERS.put(task.getProcessInstanceId(), ModelledHolder.of(task));
      } catch (RuleViolation refusal) {
        ANSWERS.put(task.getProcessInstanceId(), refusal);
      }
    }
  }

  @BeforeAll
  static void buildEngine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:holders-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setProcessEngineName("holders-" + UUID.randomUUID())
        .setJobExecutorActivate(false);
    configuration.getProcessEnginePlugins().add(new HolderDeclarations());
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @AfterEach
  void deleteDeployments() {
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
    ANSWERS.clear();
  }

  @Test
  void aTaskIsHeldByTheRoleItsModelDeclares() {
    String older = deploy("P_Assessment", "Task_Assess", "candidate");
    deploy("P_Assessment", "Task_Assess", "assessor");
    assertThat(holderOnVersion(older)).isEqualTo(Optional.of(Holder.CANDIDATE));
    assertThat(holderOnLatest("P_Assessment")).isEqualTo(Optional.of(Holder.ASSESSOR));
  }

  @Test
  void aTaskOfAnEarlierVersionWithoutADeclarationIsHeldAsTheNewestVersionDeclares() {
    String earlier = deploy("P_Assessment", "Task_Assess", null);
    deploy("P_Assessment", "Task_Assess", "candidate");
    deploy("P_Assessment", "Task_Assess", "assessor");
    assertThat(holderOnVersion(earlier)).isEqualTo(Optional.of(Holder.ASSESSOR));
  }

  @Test
  void aDeclarationLeftOutOfANewVersionKeepsTheRoleItHad() {
    deploy("P_Assessment", "Task_Assess", "assessor");
    deploy("P_Assessment", "Task_Assess", null);
    assertThat(holderOnLatest("P_Assessment")).isEqualTo(Optional.of(Holder.ASSESSOR));
  }

  @Test
  void aTaskThatMovedToAnotherProcessIsHeldAsThatProcessDeclaresIt() {
    String before = deploy("P_Submission", "Task_Assess", null);
    deploy("P_Round", "Task_Assess", "assessor");
    deploy("P_Round", "Task_Other", "candidate");
    assertThat(holderOnVersion(before)).isEqualTo(Optional.of(Holder.ASSESSOR));
  }

  @Test
  void processesThatDisagreeAboutAnIdHoldTheTaskForNobody() {
    String before = deploy("P_Submission", "Task_Assess", null);
    deploy("P_Round", "Task_Assess", "assessor");
    deploy("P_Promotion", "Task_Assess", "candidate");
    RuleViolation refusal = (RuleViolation) holderOnVersion(before);
    assertThat(refusal.rule()).isEqualTo("holder-unclear");
    assertThat(refusal.httpStatus()).isEqualTo(409);
    assertThat(refusal).hasMessageContaining("(Task_Assess) of process P_Submission declares no holder")
        .hasMessageContaining("P_Promotion: candidate, P_Round: assessor");
  }

  @Test
  void aTaskNoModelEverGaveAHolderIsHeldAsItsGroupsSay() {
    deploy("P_Round", "Task_Assess", "assessor");
    deploy("P_Round_Calibration", "Task_CheckCalibration", null);
    assertThat(holderOnLatest("P_Round_Calibration")).isEqualTo(Optional.empty());
  }

  @Test
  void aModelWhoseHolderNamesNoRoleIsRefusedAtDeployment() {
    RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> deploy("P_Round", "Task_Assess", "asessor"));
    assertThat(refusal).isNotNull();
    assertThat(refusal.rule()).isEqualTo("holder-unknown");
    assertThat(refusal).hasMessageContaining("(Task_Assess) of process P_Round declares holder 'asessor'");
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("P_Round").count()).isZero();
    assertThatCode(() -> deploy("P_Round", "Task_Assess", "assessor")).doesNotThrowAnyException();
  }

  @Test
  void anOpenTaskIsHeldByTheRoleOfItsDefinitionsModel() {
    String older = deploy("P_Assessment", "Task_Assess", "candidate");
    String newer = deploy("P_Assessment", "Task_Assess", "assessor");
    assertThat(holderOfOpenTask(older)).isEqualTo(Optional.of(Holder.CANDIDATE));
    assertThat(holderOfOpenTask(newer)).isEqualTo(Optional.of(Holder.ASSESSOR));
    assertThat(ModelledHolder.of(engine.getRepositoryService(), newer, "StartEvent_Begun")).as("not a user task").isEmpty();
    assertThat(ModelledHolder.of(engine.getRepositoryService(), newer, "Task_Elsewhere")).as("no such task").isEmpty();
  }

  @Test
  void anOpenTaskOfAVersionWithoutADeclarationFallsBackAsItsCreationDid() {
    String earlier = deploy("P_Assessment", "Task_Assess", null);
    deploy("P_Assessment", "Task_Assess", "candidate");
    deploy("P_Assessment", "Task_Assess", "assessor");
    assertThat(holderOfOpenTask(earlier)).isEqualTo(Optional.of(Holder.ASSESSOR));

    String moved = deploy("P_Submission", "Task_Review", null);
    deploy("P_Round", "Task_Review", "peer-reviewer");
    assertThat(holderOfOpenTask(moved)).isEqualTo(Optional.of(Holder.PEER_REVIEWER));

    String added = deploy("P_Round_Calibration", "Task_CheckCalibration", null);
    assertThat(holderOfOpenTask(added)).isEqualTo(Optional.empty());
  }

  @Test
  void anOpenTaskWhoseProcessesDisagreeIsHeldForNobody() {
    String before = deploy("P_Submission", "Task_Assess", null);
    deploy("P_Round", "Task_Assess", "assessor");
    deploy("P_Promotion", "Task_Assess", "candidate");
    String instance = engine.getRuntimeService().startProcessInstanceById(before).getId();
    RuleViolation refusal = catchThrowableOfType(RuleViolation.class,
        () -> ModelledHolder.of(engine.getRepositoryService(), before, "Task_Assess"));
    assertThat(refusal.rule()).isEqualTo("holder-unclear");
    assertThat(refusal).hasMessage(((RuleViolation) ANSWERS.get(instance)).getMessage());
  }

  /**
   * A deployment made before the check (here by an engine without it) is parsed again when an engine caches it: it
   * is left as it was accepted, and its task with a holder that is no role is held by nobody (409).
   */
  @Test
  void aDeploymentMadeBeforeTheCheckStillRunsAndItsUnknownHolderHoldsForNobody() {
    String database = "jdbc:h2:mem:holders-earlier-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ProcessEngine earlier = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl(database).setProcessEngineName("holders-earlier-" + UUID.randomUUID()).setJobExecutorActivate(false)
        .buildProcessEngine();
    ProcessEngine checking = null;
    try {
      earlier.getRepositoryService().createDeployment().addString("P_Round.bpmn", model("P_Round", "Task_Assess", "asessor"))
          .deploy();
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
          .createStandaloneProcessEngineConfiguration()
          .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
          .setJdbcUrl(database).setProcessEngineName("holders-checking-" + UUID.randomUUID()).setJobExecutorActivate(false);
      configuration.getProcessEnginePlugins().add(new HolderDeclarations());
      checking = configuration.buildProcessEngine();

      String id = checking.getRuntimeService().startProcessInstanceByKey("P_Round").getId();
      RuleViolation refusal = (RuleViolation) ANSWERS.get(id);
      assertThat(refusal.rule()).isEqualTo("holder-unknown");
      assertThat(refusal.httpStatus()).isEqualTo(409);
      assertThat(refusal).hasMessageEndingWith("Nobody holds it until its model is corrected.");
    } finally {
      if (checking != null) {
        checking.close();
      }
      earlier.close();
    }
  }

  private Object holderOnLatest(String key) {
    String id = engine.getRuntimeService().startProcessInstanceByKey(key).getId();
    return ANSWERS.get(id);
  }

  /**
   * What {@link ModelledHolder} answers for the open task of an instance of the version, as TaskService gives it: the
   * same as it answered for the task at its creation.
   */
  private Optional<Holder> holderOfOpenTask(String definitionId) {
    String instance = engine.getRuntimeService().startProcessInstanceById(definitionId).getId();
    Task open = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    Optional<Holder> holder = ModelledHolder.of(engine.getRepositoryService(), open.getProcessDefinitionId(),
        open.getTaskDefinitionKey());
    assertThat(holder).as("as at its creation").isEqualTo(ANSWERS.get(instance));
    return holder;
  }

  private Object holderOnVersion(String definitionId) {
    String id = engine.getRuntimeService().startProcessInstanceById(definitionId).getId();
    return ANSWERS.get(id);
  }

  /** One process with one user task; answers the process definition's id. */
  private static String deploy(String key, String taskId, String holder) {
    String deployment = engine.getRepositoryService().createDeployment().addString(key + ".bpmn", model(key, taskId, holder))
        .deploy().getId();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
  }

  private static String model(String key, String taskId, String holder) {
    String properties = holder == null ? "" : """
              <camunda:properties><camunda:property name="holder" value="%s" /></camunda:properties>
        """.formatted(holder);
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Begun" />
            <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Begun" targetRef="%2$s" />
            <bpmn:userTask id="%2$s" name="Do it">
              <bpmn:extensionElements>
        %3$s        <camunda:taskListener class="%4$s" event="create" />
              </bpmn:extensionElements>
            </bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, taskId, properties, Recorder.class.getName());
  }
}
