package org.microcredentials.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tasks the SLA report watches come from the models deployed: ours give the assessor's and the reviewers' five
 * tasks; a task a process owner deploys for an assessor is watched from the next query on, and no longer once its
 * deployment is gone; and every reader of the report is given the same tasks, whatever they may read of the models.
 * On an engine of its own, with authorization checks on as in production.
 */
class WatchedTasksTest {

  static final List<String> ASSESSORS_AND_REVIEWERS = List.of("Task_AssessEvidence", "Task_ModerateScore",
      "Task_PeerReview", "Task_ReassessEvidence", "Task_ReviewEndorsement");

  static ProcessEngine engine;
  WatchedTasks watched;

  @BeforeAll
  static void buildEngine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:watched-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setProcessEngineName("watched-" + UUID.randomUUID())
        .setJobExecutorActivate(false)
        .setAuthorizationEnabled(true)
        .buildProcessEngine();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  void deployOurModels() throws IOException {
    watched = new WatchedTasks(engine.getRepositoryService(), engine.getIdentityService());
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("processes");
    for (Path file : models()) {
      deployment.addString(file.getFileName().toString(), Files.readString(file));
    }
    deployment.deploy();
  }

  @AfterEach
  void deleteDeployments() {
    engine.getIdentityService().clearAuthentication();
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
  }

  @Test
  void ourModelsWatchTheTasksOfAssessorsAndReviewers() {
    assertThat(watched.ids()).containsExactlyElementsOf(ASSESSORS_AND_REVIEWERS);
  }

  @Test
  void aTaskAProcessOwnerAddsForAnAssessorIsWatchedOnceDeployed() throws IOException {
    assertThat(watched.ids()).containsExactlyElementsOf(ASSESSORS_AND_REVIEWERS);
    String secondOpinion = """
          <bpmn:userTask id="Task_SecondOpinion" name="A second opinion">
            <bpmn:extensionElements>
              <camunda:properties><camunda:property name="holder" value="assessor" /></camunda:properties>
            </bpmn:extensionElements>
          </bpmn:userTask>
        </bpmn:process>""";
    String nextVersion = engine.getRepositoryService().createDeployment()
        .addString("review-round.bpmn", Files.readString(Path.of("processes/review-round.bpmn"))
            .replace("</bpmn:process>", secondOpinion))
        .deploy().getId();

    assertThat(watched.ids()).contains("Task_SecondOpinion").containsAll(ASSESSORS_AND_REVIEWERS).hasSize(6);

    engine.getRepositoryService().deleteDeployment(nextVersion, true);
    assertThat(watched.ids()).containsExactlyElementsOf(ASSESSORS_AND_REVIEWERS);
  }

  @Test
  void aReaderWhoMayNotReadTheModelsIsGivenTheSameTasks() {
    engine.getIdentityService().setAuthentication("reporter", List.of("report-readers"));
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).as("the models the reader may read")
        .isZero();

    assertThat(watched.ids()).containsExactlyElementsOf(ASSESSORS_AND_REVIEWERS);
    assertThat(engine.getIdentityService().getCurrentAuthentication().getUserId()).as("the reader, still")
        .isEqualTo("reporter");
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
