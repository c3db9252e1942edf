package org.microcredentials.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.process.Holder;

/** Who never sees a group task of an application, as its record names them (the register is a double). */
class ApplicationTaskViewersTest {

  static final String KEY = "APP-2026-000001";

  final ApplicationRegister applications = mock(ApplicationRegister.class);
  final ApplicationTaskViewers viewers = new ApplicationTaskViewers(applications);

  static <T> Supplier<T> notAsked() {
    return () -> {
      throw new AssertionError("asked only of a group task");
    };
  }

  void aliceAppliedAndBobAssessed() {
    when(applications.find(KEY)).thenReturn(Optional.of(new ApplicationRegister.Application(KEY, "alice", "iLAN", 3, 1,
        ApplicationRegister.Status.OPEN, "bob", null, CredentialSource.SELF_SUBMISSION)));
  }

  @Test
  void aTaskWithoutGroupsIsHiddenFromNobodyAndNothingIsAsked() {
    assertThat(viewers.hiddenFrom(null, notAsked(), notAsked())).isEmpty();
    assertThat(viewers.hiddenFrom(" ", notAsked(), notAsked())).isEmpty();
    verifyNoInteractions(applications);
  }

  @Test
  void aPeerReviewIsHiddenFromTheCandidateAndTheAssessor() {
    aliceAppliedAndBobAssessed();

    assertThat(viewers.hiddenFrom("leaders", () -> Optional.of(Holder.PEER_REVIEWER), () -> KEY))
        .containsExactly("alice", "bob");
  }

  @Test
  void anyOtherGroupTaskIsHiddenFromTheCandidate() {
    aliceAppliedAndBobAssessed();

    assertThat(viewers.hiddenFrom("sem-team", Optional::empty, () -> KEY)).containsExactly("alice");
  }

  @Test
  void aGroupTaskOfNoApplicationIsHiddenFromNobody() {
    assertThat(viewers.hiddenFrom("sem-team", Optional::empty, () -> "END-2026-000001")).isEmpty();
  }
}
