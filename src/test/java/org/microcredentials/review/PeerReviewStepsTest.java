package org.microcredentials.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;
import org.microcredentials.process.VariableReader;

/** A reviewer's form as it is read, and what is kept where the reviews meet: on a stand-in execution, no engine. */
class PeerReviewStepsTest {

  private final DelegateExecution execution = mock(DelegateExecution.class);

  @Test
  void anAgreeingReviewerProposesNoScore() {
    when(execution.getVariable("reviewAgrees")).thenReturn(true);
    when(execution.getVariable("proposedScore")).thenReturn(3L);
    when(execution.getVariable("reviewComment")).thenReturn("  fine  ");

    assertThat(PeerReviewSteps.Verdict.read(VariableReader.of(execution)))
        .isEqualTo(new PeerReviewSteps.Verdict(true, null, "fine"));
  }

  @Test
  void aDisagreeingReviewerProposesAScoreOutOfTen() {
    when(execution.getVariable("reviewAgrees")).thenReturn(false);
    assertThatThrownBy(() -> PeerReviewSteps.Verdict.read(VariableReader.of(execution)))
        .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.rule()).isEqualTo("required-proposedScore"));

    when(execution.getVariable("proposedScore")).thenReturn(6);
    assertThat(PeerReviewSteps.Verdict.read(VariableReader.of(execution)))
        .isEqualTo(new PeerReviewSteps.Verdict(false, 6, null));
  }

  @Test
  void agreeingReviewersSettleTheRound() {
    when(execution.getProcessDefinitionId()).thenReturn("ReviewRoundProcess:3:abc");
    new PeerReviewSteps.ReviewsMet(new RoundSettlement.Settled(9, true, false, List.of("dave", "frank")), null)
        .keepOn(execution);

    verify(execution).setVariable("finalScore", 9);
    verify(execution).setVariable("passed", true);
    verify(execution, never()).setVariable(eq("peerReviewSummary"), anyString());
    verify(execution, never()).setVariable(eq("reviewersAgree"), any());
  }

  @Test
  void aDisagreementGoesToTheModeratorAndToTheFirstReleasesGateway() {
    when(execution.getProcessDefinitionId()).thenReturn("SelfSubmissionProcess:1:abc");
    new PeerReviewSteps.ReviewsMet(null, "frank proposes 6: thin").keepOn(execution);

    verify(execution).setVariable("reviewersAgree", false);
    verify(execution).setVariable("peerReviewSummary", "frank proposes 6: thin");
    verify(execution, never()).setVariable(eq("finalScore"), any());
  }
}
