package org.microcredentials.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsProperties;

class ScorePolicyTest {

  private final ScorePolicy policy = new ScorePolicy(MicroCredentialsProperties.defaults());

  @Test
  void eightIsThePassMark() {
    assertThat(policy.passMark()).isEqualTo(8);
    assertThat(policy.passes(7)).isFalse();
    assertThat(policy.passes(8)).isTrue();
    assertThat(policy.passes(10)).isTrue();
  }

  @Test
  void thePassMarkIsConfigurable() {
    ScorePolicy strict = new ScorePolicy(new MicroCredentialsProperties(9, null, null, null, null, null));
    assertThat(strict.passes(8)).isFalse();
    assertThat(strict.passes(9)).isTrue();
  }

  @Test
  void belowThePassMarkImprovementAreasAreRequired() {
    assertThatThrownBy(() -> policy.checkImprovementAreas(7, Optional.empty()))
        .hasMessageContaining("below the pass mark of 8");
    assertThatCode(() -> policy.checkImprovementAreas(7, Optional.of("goals"))).doesNotThrowAnyException();
    assertThatCode(() -> policy.checkImprovementAreas(8, Optional.empty())).doesNotThrowAnyException();
  }
}
