package org.microcredentials.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.credential.CredentialSource;

/** The candidate's answer to a failed round, on the application as kept (the register and history are doubles). */
class ResubmissionStepsTest {

  static final String KEY = "APP-2026-000001";
  static final EvidenceHistory.Evidence AMENDED = new EvidenceHistory.Evidence("p", "a", "r", "", "Added the PRs");
  static final Supplier<EvidenceHistory.Evidence> NOT_READ = () -> {
    throw new AssertionError("the amended evidence is read only for a resubmission");
  };

  final ApplicationRegister applications = mock(ApplicationRegister.class);
  final EvidenceHistory evidenceHistory = mock(EvidenceHistory.class);
  final ResubmissionSteps steps = new ResubmissionSteps(applications, evidenceHistory);

  @BeforeEach
  void aliceFailedARound() {
    when(applications.application(KEY)).thenReturn(new ApplicationRegister.Application(KEY, "alice", "iLAN", 3, 1,
        ApplicationRegister.Status.AWAITING_RESUBMISSION, "bob", 4, CredentialSource.SELF_SUBMISSION));
  }

  @Test
  void lettingGoReadsNoEvidenceAndShowsNoChanges() {
    ResubmissionSteps.Amended amended = steps.amend(KEY, "alice", false, NOT_READ);

    assertThat(amended.changes()).isEmpty();
    verify(evidenceHistory, never()).record(anyString(), any());
    verify(applications, never()).startNextRound(anyString());
  }

  @Test
  void aResubmissionWithoutAnAssessedVersionShowsTheCandidatesNote() {
    when(applications.assessedEvidenceVersion(KEY)).thenReturn(Optional.empty());

    ResubmissionSteps.Amended amended = steps.amend(KEY, "alice", true, () -> AMENDED);

    assertThat(amended.changes()).contains("The candidate's note: Added the PRs");
    verify(evidenceHistory).record(KEY, AMENDED);
    verify(applications).startNextRound(KEY);
  }

  @Test
  void onlyTheCandidateAnswers() {
    assertThatThrownBy(() -> steps.amend(KEY, "bob", false, NOT_READ))
        .isInstanceOfSatisfying(RuleViolation.class,
            refused -> assertThat(refused.rule()).isEqualTo("candidate-amends"));
    verify(applications, never()).startNextRound(anyString());
  }
}
