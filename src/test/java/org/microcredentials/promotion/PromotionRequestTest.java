package org.microcredentials.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;

/** A promotion application starts with a target level and an optional statement, and nothing else. */
class PromotionRequestTest {

  private final Map<String, Object> sent = new HashMap<>(Map.of("targetLevel", 4));

  private VariableScope scope() {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariableNames()).thenAnswer(call -> sent.keySet());
    when(scope.getVariable(anyString())).thenAnswer(call -> sent.get(call.getArgument(0, String.class)));
    return scope;
  }

  @Test
  void theTargetLevelIsRequiredAndTheStatementOptional() {
    assertThat(PromotionRequest.of(scope())).isEqualTo(new PromotionRequest(4, Optional.empty()));
    sent.put("statement", "  Ready for the next level. ");
    assertThat(PromotionRequest.of(scope()).statement()).contains("Ready for the next level.");
    sent.remove("targetLevel");
    assertThat(catchThrowableOfType(RuleViolation.class, () -> PromotionRequest.of(scope())).rule())
        .isEqualTo("required-targetLevel");
  }

  @Test
  void anyOtherStartVariableIsRefusedByName() {
    sent.put("skillCode", "iARCH");
    sent.put("candidateId", "alice");
    RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> PromotionRequest.of(scope()));
    assertThat(refused.rule()).isEqualTo("promotion-start-variables");
    assertThat(refused.httpStatus()).isEqualTo(400);
    assertThat(refused).hasMessage(
        "A promotion application starts with 'targetLevel' and an optional 'statement' only, not [candidateId, skillCode].");
  }
}
