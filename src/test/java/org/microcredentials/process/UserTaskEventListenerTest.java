package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A process owner adds a user task in Modeler and binds no listener to it: the task is guarded
 * like every other (UserTaskEventListener, on the engine's task events). The model below has two user
 * tasks and not one listener; it runs under an application's business key, as a review step of
 * that application would.
 */
@ApplicationTest
class UserTaskEventListenerTest {

  static final String KEY = "ProbeWithoutListeners";

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  SelfSubmissions app;
  Deployment probe;
  ProcessInstance application;
  ProcessInstance instance;

  @BeforeEach
  void setUp() {
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("Task_SecondOpinion").name("A second opinion").camundaCandidateGroups("assessors")
        .userTask(ReviewRoundProcess.Tasks.PEER_REVIEW).name("Another review").camundaCandidateGroups("assessors")
        .endEvent()
        .done();
    assertThat(model.getModelElementsByType(UserTask.class))
        .allSatisfy(task -> assertThat(task.getExtensionElements()).as("no listener bound").isNull());
    probe = engine.getRepositoryService().createDeployment().addModelInstance("probe.bpmn", model).deploy();
    application = app.submit("alice", "iLAN", 3);
    instance = engine.getRuntimeService().startProcessInstanceByKey(KEY, application.getBusinessKey());
  }

  @AfterEach
  void tearDown() {
    engine.getRepositoryService().deleteDeployment(probe.getId(), true);
  }

  TaskService tasks() {
    return engine.getTaskService();
  }

  Task task(String key) {
    return tasks().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  @Test
  void itIsHiddenFromTheCandidateThoughSheIsInItsGroup() {
    String id = task("Task_SecondOpinion").getId();
    engine.getIdentityService().createMembership("alice", "assessors");
    try {
      assertThat(app.as("alice", () -> tasks().createTaskQuery().taskId(id).count())).isZero();
      assertThat(app.as("dave", () -> tasks().createTaskQuery().taskId(id).count())).isOne();
    } finally {
      engine.getIdentityService().deleteMembership("alice", "assessors");
    }
  }

  @Test
  void itIsHeldAsModelled() {
    String id = task("Task_SecondOpinion").getId();
    app.claim("dave", task("Task_SecondOpinion"));

    assertThatThrownBy(() -> app.as("dave", () -> {
      tasks().addCandidateUser(id, "bob");
      return null;
    })).hasStackTraceContaining("no one adds user bob as a candidate");
    assertThatThrownBy(() -> app.as("dave", () -> {
      tasks().setOwner(id, "bob");
      return null;
    })).hasStackTraceContaining("no one sets an owner");
    assertThatThrownBy(() -> app.as("dave", () -> {
      tasks().delegateTask(id, "bob");
      return null;
    })).hasStackTraceContaining("no one sets an owner");

    Task after = tasks().createTaskQuery().taskId(id).singleResult();
    assertThat(after.getOwner()).isNull();
    assertThat(after.getAssignee()).isEqualTo("dave");
    assertThat(tasks().getIdentityLinksForTask(id)).extracting(IdentityLink::getUserId).doesNotContain("bob");
  }

  @Test
  void itsHoldersAreCheckedByTheRulesOfItsTaskId() {
    tasks().complete(task("Task_SecondOpinion").getId());
    Task review = task(ReviewRoundProcess.Tasks.PEER_REVIEW);

    assertThatThrownBy(() -> tasks().claim(review.getId(), "alice")).hasStackTraceContaining("A candidate never reviews their own application");
    assertThatThrownBy(() -> tasks().claim(review.getId(), "bob")).hasStackTraceContaining("bob (level 3) may not peer-review");
    assertThat(tasks().createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();

    tasks().claim(review.getId(), "dave");
    assertThat(tasks().createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isEqualTo("dave");
  }
}
