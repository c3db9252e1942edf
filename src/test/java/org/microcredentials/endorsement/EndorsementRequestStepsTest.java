package org.microcredentials.endorsement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;

/** The leader's answer to an endorsement request, on the request as kept (the register is a double). */
class EndorsementRequestStepsTest {

  static final String KEY = "REQ-2026-000001";
  static final Instant NOW = Instant.parse("2026-11-15T10:00:00Z");
  static final Supplier<String> NOT_READ = () -> {
    throw new AssertionError("the decline message is read only when the leader declines");
  };

  final EndorsementRequestRegister requests = mock(EndorsementRequestRegister.class);
  final EndorsementRequestSteps steps = new EndorsementRequestSteps(requests, Clock.fixed(NOW, ZoneOffset.UTC));
  final EndorsementRequestRegister.Request asked = new EndorsementRequestRegister.Request(KEY, "alice", "carol", "iLAN",
      3, "Please", EndorsementRequestRegister.Status.OPEN);

  @BeforeEach
  void aliceAskedCarol() {
    when(requests.find(KEY)).thenReturn(Optional.of(asked));
  }

  @Test
  void anAcceptanceIsRecordedWithoutAMessageAndGivesTheRequestAsAsked() {
    EndorsementRequestSteps.Considered considered = steps.consider(KEY, "carol", true, NOT_READ);

    assertThat(considered).isEqualTo(new EndorsementRequestSteps.Considered(true, asked));
    verify(requests).recordAnswer(KEY, EndorsementRequestRegister.Status.ACCEPTED, null, NOW);
  }

  @Test
  void aDeclineIsRecordedWithItsMessage() {
    EndorsementRequestSteps.Considered considered = steps.consider(KEY, "carol", false, () -> "Not yet");

    assertThat(considered.accepted()).isFalse();
    assertThat(considered.request()).isEqualTo(asked);
    verify(requests).recordAnswer(KEY, EndorsementRequestRegister.Status.DECLINED, "Not yet", NOW);
  }

  @Test
  void onlyTheLeaderAskedAnswers() {
    assertThatThrownBy(() -> steps.consider(KEY, "dave", true, NOT_READ))
        .isInstanceOfSatisfying(RuleViolation.class,
            refused -> assertThat(refused.rule()).isEqualTo("asked-leader-answers"));
    verify(requests, never()).recordAnswer(anyString(), any(), any(), any());
  }
}
