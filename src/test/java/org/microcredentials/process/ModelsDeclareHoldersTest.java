package org.microcredentials.process;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.endorsement.EndorsementRequestProcess;
import org.microcredentials.promotion.PromotionApplicationProcess;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.ResubmissionProcess;

/**
 * Every user task of {@code processes/} declares who holds it, a role there is, and each task is held by the role
 * whose rules it always had (the rule names clients see depend on it). The deployment check accepts our models and
 * refuses one a process owner gave a holder that names no role.
 */
class ModelsDeclareHoldersTest {

  static final Map<String, Holder> AS_EVER = Map.ofEntries(
      entry(ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, Holder.SEM_TEAM_ASSIGNER),
      entry(ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR, Holder.SEM_TEAM_ASSIGNER),
      entry(ReviewRoundProcess.Tasks.REASSIGN_REVIEWER, Holder.SEM_TEAM_ASSIGNER),
      entry(ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, Holder.ASSESSOR),
      entry(ReviewRoundProcess.Tasks.REASSESS_EVIDENCE, Holder.ASSESSOR),
      entry(ReviewRoundProcess.Tasks.MODERATE_SCORE, Holder.ASSESSOR),
      entry(ReviewRoundProcess.Tasks.PROVIDE_MORE_EVIDENCE, Holder.CANDIDATE),
      entry(ResubmissionProcess.Tasks.AMEND_APPLICATION, Holder.CANDIDATE),
      entry(PromotionApplicationProcess.Tasks.PROVIDE_PROMOTION_EVIDENCE, Holder.CANDIDATE),
      entry(ReviewRoundProcess.Tasks.PEER_REVIEW, Holder.PEER_REVIEWER),
      entry(EndorsementProcess.Tasks.REVIEW_ENDORSEMENT, Holder.ENDORSEMENT_REVIEWER),
      entry(EndorsementProcess.Tasks.PROVIDE_JUSTIFICATION, Holder.ENDORSER),
      entry(EndorsementRequestProcess.Tasks.CONSIDER_REQUEST, Holder.ASKED_LEADER),
      entry(PromotionApplicationProcess.Tasks.INTERVIEW_CANDIDATE, Holder.PROMOTION_DECIDER),
      entry(PromotionApplicationProcess.Tasks.DECIDE_PROMOTION, Holder.PROMOTION_DECIDER));

  @Test
  void everyUserTaskDeclaresTheRoleThatAlwaysHeldIt() throws IOException {
    Map<String, Holder> declared = new HashMap<>();
    for (Path file : models()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(Holder.declaredOn(task)).as(file.getFileName() + " " + task.getId() + " declares a holder").isPresent();
        Holder holder = Holder.of(task, file.getFileName().toString()).orElseThrow();
        assertThat(declared.put(task.getId(), holder)).as(task.getId() + " is one task of one model").isNull();
      }
    }
    assertThat(declared).isEqualTo(AS_EVER);
  }

  @Test
  void theDeploymentCheckAcceptsOurModels() throws IOException {
    for (Path file : models()) {
      assertThatCode(() -> HolderDeclarations.check(Bpmn.readModelFromFile(file.toFile()))).as(file.toString())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void theDeploymentCheckRefusesAHolderThatNamesNoRole() throws IOException {
    String misspelt = Files.readString(Path.of("processes/review-round.bpmn"))
        .replace("<camunda:property name=\"holder\" value=\"assessor\" />", "<camunda:property name=\"holder\" value=\"asessor\" />");
    RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> HolderDeclarations.check(
        Bpmn.readModelFromStream(new ByteArrayInputStream(misspelt.getBytes(StandardCharsets.UTF_8)))));
    assertThat(refusal).isNotNull();
    assertThat(refusal.rule()).isEqualTo("holder-unknown");
    assertThat(refusal).hasMessageStartingWith("The user task 'Assess evidence' (Task_AssessEvidence) of process "
        + ReviewRoundProcess.KEY + " declares holder 'asessor', which is no role: use one of ");
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
