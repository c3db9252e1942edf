package org.microcredentials.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An endorsement begun on a release before its row held the evidence, the rounds and the approval (migration V6)
 * is finished by the current build: the row is completed from the engine's history at the first step this build
 * runs for it. The earlier release is played by emptying those columns, as that release left them.
 */
@ApplicationTest
class EndorsementsBegunEarlierTest {

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;

  Endorsements app;

  @BeforeEach
  void setUp() {
    app = new Endorsements(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @Test
  void theRoundsKeptInTheInstanceComeFirstAndTheEvidenceIsAsTheEndorserGaveIt() {
    ProcessInstance instance = app.endorse("carol", "alice", "iLAN", 3, 9);
    app.review("erin", instance, EndorsementProcess.Decisions.REQUEST_JUSTIFICATION, "Which PRs?");
    app.justify("carol", instance, "Mine: #1, #2.");
    asTheEarlierReleaseLeftIt(instance.getBusinessKey(), "");

    app.review("frank", instance, EndorsementProcess.Decisions.REQUEST_JUSTIFICATION, "And after go-live?");

    Map<String, Object> row = row(instance.getBusinessKey());
    assertThat(row.get("evidence_summary")).isEqualTo(EndorserStatement.of(
        Endorsements.endorsement("alice", "iLAN", 3, 9)::get, "carol"));
    String rounds = """
        Round 1, erin asked: Which PRs?

        Round 1, carol added: Mine: #1, #2.

        Round 2, frank asked: And after go-live?""";
    assertThat(row.get("justification_history")).isEqualTo(rounds);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), JUSTIFICATION_HISTORY.name())).isEqualTo(rounds);
  }

  @Test
  void anApprovalTheEarlierReleaseCompletedIssuesTheCredentialToTheLastReviewer() {
    ProcessInstance instance = app.endorse("carol", "alice", "iLAN", 3, 9);
    app.review("erin", instance, EndorsementProcess.Decisions.APPROVE, "Clear.");
    asTheEarlierReleaseLeftIt(instance.getBusinessKey(), ", approved_at = null, reviewer_id = null");

    app.runJobs(instance.getBusinessKey());

    Credential credential = credentials.heldBy("alice").get(0);
    assertThat(credential.sourceKey()).isEqualTo(instance.getBusinessKey());
    assertThat(credential.reviewerIds()).containsExactly("erin");
    assertThat(credential.evidenceSummary()).isEqualTo(EndorserStatement.of(
        Endorsements.endorsement("alice", "iLAN", 3, 9)::get, "carol"));
    assertThat(row(instance.getBusinessKey())).containsEntry("status", EndorsementRegister.Status.APPROVED.name())
        .containsEntry("reviewer_id", "erin");
  }

  private void asTheEarlierReleaseLeftIt(String businessKey, String alsoForgotten) {
    jdbc.sql("update endorsement set evidence_summary = null, justification_history = null" + alsoForgotten
        + " where business_key = ?").param(businessKey).update();
  }

  private Map<String, Object> row(String businessKey) {
    return jdbc.sql("select evidence_summary, justification_history, status, reviewer_id from endorsement where business_key = ?")
        .param(businessKey).query().singleRow();
  }
}
