package org.microcredentials.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.OrganisationAdministration;
import org.microcredentials.review.ScorePolicy;

/**
 * The SEM team's steps: who may take them is checked before their form is read, inside a window for the decision;
 * a promotion is decided once, and the level changes with it.
 */
class PromotionStepsTest {

  private static final String KEY = "PRO-2027-000001";
  private static final PromotionRegister.Promotion BOB_TO_3 = new PromotionRegister.Promotion(KEY, "bob", 2, 3, 1,
      PromotionRegister.Status.OPEN, null, null, null);

  private final PromotionRegister promotions = mock(PromotionRegister.class);
  private final PromotionDeciders deciders = mock(PromotionDeciders.class);
  private final ScorePolicy scores = mock(ScorePolicy.class);
  private final OrganisationAdministration administration = mock(OrganisationAdministration.class);
  private boolean formRead;

  private PromotionSteps steps(String... windows) {
    when(promotions.promotion(KEY)).thenReturn(BOB_TO_3);
    when(promotions.skills(KEY)).thenReturn(List.of(
        new PromotionRegister.SkillOutcome("iARCH", "C-1", null, 9, null, null, null, "carol")));
    when(scores.passes(anyInt())).thenReturn(true);
    return new PromotionSteps(promotions, deciders, PromotionWindowsTest.windows(windows), scores, administration,
        Clock.fixed(Instant.parse("2027-03-10T12:00:00Z"), ZoneOffset.UTC));
  }

  private <T> Supplier<T> form(T answer) {
    return () -> {
      formRead = true;
      return answer;
    };
  }

  @Test
  void someoneRefusedHearsWhyBeforeAnythingAboutTheForm() {
    PromotionSteps steps = steps("2027-03-01/2027-03-31");
    doThrow(RuleViolation.forbidden("sem-team-decides", "not in the SEM team")).when(deciders).check("mallory", BOB_TO_3);
    assertThat(catchThrowableOfType(RuleViolation.class,
        () -> steps.recordInterview(KEY, "mallory", form(new PromotionSteps.Interview(true, "Good")))).rule())
        .isEqualTo("sem-team-decides");
    assertThat(catchThrowableOfType(RuleViolation.class,
        () -> steps.decide(KEY, "mallory", form(new PromotionSteps.Decision(true, "Ready")))).rule())
        .isEqualTo("sem-team-decides");
    assertThat(formRead).isFalse();
    verify(promotions, never()).recordInterview(anyString(), anyBoolean(), anyString(), anyString());
    verify(promotions, never()).recordDecision(anyString(), anyBoolean(), anyString(), anyString(), any());
  }

  @Test
  void outsideEveryWindowTheDecisionIsRefusedBeforeItsFormIsRead() {
    PromotionSteps steps = steps("2027-09-01/2027-09-30");
    RuleViolation refused = catchThrowableOfType(RuleViolation.class,
        () -> steps.decide(KEY, "ivan", form(new PromotionSteps.Decision(true, "Ready"))));
    assertThat(refused.rule()).isEqualTo("promotion-window-closed");
    assertThat(formRead).isFalse();
  }

  @Test
  void aPromotionChangesTheLevelOnceAndASecondDecisionIsRefused() {
    PromotionSteps steps = steps("2027-03-01/2027-03-31");
    when(promotions.recordDecision(KEY, true, "Ready", "ivan", Instant.parse("2027-03-10T12:00:00Z"))).thenReturn(true, false);
    assertThat(steps.decide(KEY, "ivan", form(new PromotionSteps.Decision(true, "Ready"))).promoted()).isTrue();
    verify(administration).changeLevel("bob", 3);
    RuleViolation refused = catchThrowableOfType(RuleViolation.class,
        () -> steps.decide(KEY, "ivan", form(new PromotionSteps.Decision(true, "Ready"))));
    assertThat(refused.rule()).isEqualTo("promotion-decided-once");
    assertThat(refused.httpStatus()).isEqualTo(409);
  }

  @Test
  void theInterviewIsRecordedWithItsInterviewerAndShownToTheDecision() {
    PromotionSteps.Interview interview = steps().recordInterview(KEY, "erin", form(new PromotionSteps.Interview(false, "Not yet")));
    verify(promotions).recordInterview(KEY, false, "Not yet", "erin");
    assertThat(interview.summary("erin")).isEqualTo("Not passed (erin): Not yet");
  }
}
