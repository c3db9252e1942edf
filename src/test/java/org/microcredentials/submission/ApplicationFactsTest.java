package org.microcredentials.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microcredentials.credential.CredentialVariables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
 * The assignment of an assessor reads candidate and applied level from the application's record:
 * a completion that sends {@code candidateId} or {@code skillLevel} does not change who may assign
 * or who may assess.
 *
 * <p>The people act holding every Camunda authorization ({@code grantingEverything()}), so each
 * refusal here comes from the rule in the engine, not from the authorizations in front of it
 * ({@code TaskMatrixIT} covers those).
 */
@ApplicationTest
class ApplicationFactsTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  SelfSubmissions app;

  @BeforeEach
  void setUp() {
    app = new SelfSubmissions(engine, jdbc).grantingEverything();
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @Test
  void aCandidateInTheSemTeamCannotAssignTheirOwnAssessorByNamingAnotherCandidate() {
    ProcessInstance instance = app.submit("erin", "iLAN", 3);
    Task assignment = app.task(instance, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR);

    assertThatThrownBy(() -> app.complete("erin", assignment, Map.of(ASSESSOR_ID.name(), "carol", CANDIDATE_ID.name(), "alice")))
        .hasMessageContaining("never assigns the assessor of their own application");
    assertThat(app.task(instance, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR).getId()).isEqualTo(assignment.getId());
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), CANDIDATE_ID.name())).isEqualTo("erin");
  }

  @Test
  void aLowerAppliedLevelSentWithTheAssignmentDoesNotMakeAnAssessorEligible() {
    ProcessInstance instance = app.submit("alice", "iLAN", 5);
    Task assignment = app.task(instance, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR);

    assertThatThrownBy(() -> app.complete("ivan", assignment, Map.of(ASSESSOR_ID.name(), "carol", SKILL_LEVEL.name(), 3)))
        .hasMessageContaining("carol");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), SKILL_LEVEL.name())).isEqualTo(5);
    app.assignAssessor(instance, "ivan", "frank");
    assertThat(app.task(instance, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE).getAssignee()).isEqualTo("frank");
  }
}
