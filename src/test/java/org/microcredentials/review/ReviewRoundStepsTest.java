package org.microcredentials.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.RuleViolation;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.framework.Organisation;

/** The assessor's decision and the moderation, on the application's record alone: no engine. */
class ReviewRoundStepsTest {

  private static final String KEY = "APP-1";

  private final ApplicationRegister applications = mock(ApplicationRegister.class);
  private final ReviewsLoggedEarlier loggedEarlier = mock(ReviewsLoggedEarlier.class);
  private final ReviewRoundSteps steps = new ReviewRoundSteps(applications, mock(Organisation.class),
      mock(ReviewPolicy.class), mock(AssignmentPolicy.class), new ScorePolicy(MicroCredentialsProperties.defaults()),
      mock(EvidenceHistory.class), loggedEarlier);

  @BeforeEach
  void carolAssessesBobsApplication() {
    when(applications.application(KEY)).thenReturn(new ApplicationRegister.Application(KEY, "bob", "iARCH", 3, 1,
        ApplicationRegister.Status.OPEN, "carol", null, CredentialSource.SELF_SUBMISSION));
  }

  @Test
  void askingForMoreEvidenceRecordsNoScore() {
    ReviewRoundSteps.Assessed assessed = steps.decideOnEvidence(KEY, "carol", form(true, "show the design review", null));

    assertThat(assessed).isEqualTo(new ReviewRoundSteps.Assessed(true, null));
    verify(loggedEarlier).openRoundAmendedEarlier(KEY);
    verify(applications, never()).recordAssessment(anyString(), anyInt(), anyString(), any());
  }

  @Test
  void whoMayAskComesBeforeWhatIsAsked() {
    assertThatThrownBy(() -> steps.decideOnEvidence(KEY, "dave", form(true, null, null)))
        .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.rule()).isEqualTo("assessor-assesses"));
    assertThatThrownBy(() -> steps.decideOnEvidence(KEY, "carol", form(true, null, null)))
        .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.rule()).isEqualTo("required-evidenceRequest"));
  }

  @Test
  void aScoreIsRecordedWithItsJustification() {
    ReviewRoundSteps.Assessed assessed = steps.decideOnEvidence(KEY, "carol",
        form(false, null, new ReviewRoundSteps.Score(9, "solid", Optional.empty())));

    assertThat(assessed).isEqualTo(new ReviewRoundSteps.Assessed(false, 9));
    verify(applications).recordAssessment(KEY, 9, "solid", null);
  }

  @Test
  void theScoreIsReadBeforeWhoMayScore() {
    assertThatThrownBy(() -> steps.decideOnEvidence(KEY, "dave", form(false, null, null)))
        .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.rule()).isEqualTo("required-score"));
    verify(applications, never()).recordAssessment(anyString(), anyInt(), anyString(), any());
  }

  @Test
  void aScoreBelowThePassMarkNeedsImprovementAreas() {
    assertThatThrownBy(() -> steps.decideOnEvidence(KEY, "carol",
        form(false, null, new ReviewRoundSteps.Score(6, "thin", Optional.empty()))))
        .hasMessageContaining("below the pass mark of 8");
    verify(applications, never()).recordAssessment(anyString(), anyInt(), anyString(), any());
  }

  @Test
  void aModeratedScoreIsFinalAndPassesAtThePassMark() {
    assertThat(steps.moderate(KEY, "carol", new ReviewRoundSteps.Score(8, "agreed", Optional.empty())))
        .isEqualTo(new ReviewRoundSteps.Moderated(8, true));
    assertThat(steps.moderate(KEY, "carol", new ReviewRoundSteps.Score(7, "short", Optional.of("tests"))))
        .isEqualTo(new ReviewRoundSteps.Moderated(7, false));
    assertThatThrownBy(() -> steps.moderate(KEY, "dave", new ReviewRoundSteps.Score(8, "agreed", Optional.empty())))
        .isInstanceOfSatisfying(RuleViolation.class, refusal -> assertThat(refusal.rule()).isEqualTo("assessor-moderates"));
  }

  /** The assessor's form; a field left empty is refused as a form refuses it, when it is read. */
  private static ReviewRoundSteps.AssessmentForm form(boolean moreEvidence, String request, ReviewRoundSteps.Score score) {
    return new ReviewRoundSteps.AssessmentForm() {
      @Override
      public boolean moreEvidenceRequested() {
        return moreEvidence;
      }

      @Override
      public String evidenceRequest() {
        return Optional.ofNullable(request).orElseThrow(() -> RuleViolation.invalid("required-evidenceRequest", "required"));
      }

      @Override
      public ReviewRoundSteps.Score score() {
        return Optional.ofNullable(score).orElseThrow(() -> RuleViolation.invalid("required-score", "required"));
      }
    };
  }
}
