package org.microcredentials.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microcredentials.credential.CredentialVariables.CANDIDATE_ID;
import static org.microcredentials.credential.CredentialVariables.SKILL_CODE;
import static org.microcredentials.credential.CredentialVariables.SKILL_LEVEL;
import static org.microcredentials.endorsement.EndorsementProcess.Tasks.*;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.REVIEW_COMMENT;
import static org.microcredentials.review.ReviewRoundProcess.Variables.SCORE;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Any task completion can set process variables. Who is endorsed, for what, with which score, and
 * by whom are read from the endorsement's record, so a completion that sends {@code candidateId},
 * {@code skillCode}, {@code skillLevel}, {@code score} or {@code endorserId} changes neither what
 * is issued nor who may act.
 *
 * <p>The people act holding every Camunda authorization ({@code grantingEverything()}), so each
 * refusal here comes from the rule in the engine, not from the authorizations in front of it
 * ({@code TaskMatrixIT} covers those).
 */
@ApplicationTest
class EndorsementFactsTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;

  Endorsements app;

  @BeforeEach
  void setUp() {
    app = new Endorsements(engine, jdbc).grantingEverything();
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  private static Map<String, Object> forged(String decision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REVIEW_DECISION.name(), decision);
    variables.put(REVIEW_COMMENT.name(), "Fine.");
    variables.put(CANDIDATE_ID.name(), "frank");
    variables.put(SKILL_CODE.name(), "iPERF");
    variables.put(SKILL_LEVEL.name(), 6);
    variables.put(SCORE.name(), 10);
    variables.put(ENDORSER_ID.name(), "grace");
    return variables;
  }

  @Test
  void aReviewerCannotChangeWhatIsIssuedOrToWhom() {
    ProcessInstance instance = app.endorse("carol", "alice", "iLAN", 3, 9);
    app.work("frank", instance, REVIEW_ENDORSEMENT, forged(EndorsementProcess.Decisions.APPROVE));
    app.runJobs(instance.getBusinessKey());

    assertThat(credentials.heldBy("frank")).isEmpty();
    assertThat(credentials.heldBy("alice")).singleElement().satisfies(credential -> {
      assertThat(credential.skillCode()).isEqualTo("iLAN");
      assertThat(credential.skillLevel()).isEqualTo(3);
      assertThat(credential.score()).isEqualTo(9);
      assertThat(credential.assessorId()).isEqualTo("carol");
      assertThat(credential.evidenceSummary()).contains("Endorsed by carol").doesNotContain("grace");
    });
  }

  @Test
  void theCandidateCannotReviewTheirOwnEndorsementByNamingAnotherCandidate() {
    ProcessInstance instance = app.endorse("grace", "erin", "iLAN", 6, 9);
    Task review = app.task(instance, REVIEW_ENDORSEMENT);
    Map<String, Object> variables = forged(EndorsementProcess.Decisions.APPROVE);
    variables.put(CANDIDATE_ID.name(), "alice");
    variables.put(ENDORSER_ID.name(), "carol");

    assertThatThrownBy(() -> app.complete("erin", review, variables))
        .hasMessageContaining("never reviews their own endorsement");
    assertThat(app.task(instance, REVIEW_ENDORSEMENT).getId()).isEqualTo(review.getId());
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), CANDIDATE_ID.name())).isEqualTo("erin");
    assertThat(credentials.heldBy("erin")).isEmpty();
  }

  @Test
  void theEndorserCannotReviewTheirOwnEndorsementByNamingAnotherEndorser() {
    ProcessInstance instance = app.endorse("erin", "alice", "iLAN", 3, 9);
    Task review = app.task(instance, REVIEW_ENDORSEMENT);
    Map<String, Object> variables = forged(EndorsementProcess.Decisions.APPROVE);
    variables.put(CANDIDATE_ID.name(), "alice");
    variables.put(ENDORSER_ID.name(), "carol");

    assertThatThrownBy(() -> app.complete("erin", review, variables))
        .hasMessageContaining("may not review their own endorsement");
    assertThat(credentials.heldBy("alice")).isEmpty();
  }

  @Test
  void aForgedEndorserInTheReviewDoesNotHandTheJustificationToSomeoneElse() {
    ProcessInstance instance = app.endorse("carol", "alice", "iLAN", 3, 9);
    Map<String, Object> variables = forged(EndorsementProcess.Decisions.REQUEST_JUSTIFICATION);
    variables.put(ENDORSER_ID.name(), "dave");
    app.work("erin", instance, REVIEW_ENDORSEMENT, variables);

    assertThat(engine.getRuntimeService().getVariable(instance.getId(), ENDORSER_ID.name())).isEqualTo("carol");
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), SCORE.name())).isEqualTo(9);
    Task justification = app.task(instance, PROVIDE_JUSTIFICATION);
    assertThat(justification.getAssignee()).isEqualTo("carol");
    assertThatThrownBy(() -> app.as("demo", () -> {
      engine.getTaskService().setAssignee(justification.getId(), "dave");
      return null;
    })).hasMessageContaining("belongs to the endorser carol");
  }
}
