package org.microcredentials.credential;

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

/** Problem, actions and results required, links optional: the refusals every step that takes a statement gives. */
class ImpactStatementTest {

  private final Map<String, Object> sent = new HashMap<>(Map.of(
      "impactProblem", "Slow builds", "impactActions", " Cached the dependencies ", "impactResults", "Builds in 2 minutes"));

  private VariableScope scope() {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(anyString())).thenAnswer(call -> sent.get(call.getArgument(0, String.class)));
    return scope;
  }

  @Test
  void theThreePartsAreRequiredAndTheLinksOptional() {
    assertThat(ImpactStatement.required(scope()))
        .isEqualTo(new ImpactStatement("Slow builds", "Cached the dependencies", "Builds in 2 minutes", Optional.empty()));
    sent.put("evidenceLinks", "https://example.org/build");
    assertThat(ImpactStatement.required(scope()).links()).contains("https://example.org/build");
  }

  @Test
  void eachMissingPartIsRefusedByName() {
    for (String part : new String[] {"impactProblem", "impactActions", "impactResults"}) {
      Object kept = sent.put(part, "  ");
      RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> ImpactStatement.required(scope()));
      assertThat(refusal.rule()).isEqualTo("required-" + part);
      assertThat(refusal.httpStatus()).isEqualTo(400);
      assertThat(refusal).hasMessage("'" + part + "' is required.");
      sent.put(part, kept);
    }
  }

  @Test
  void theFirstMissingPartInTheFormsOrderIsNamed() {
    sent.clear();
    assertThat(catchThrowableOfType(RuleViolation.class, () -> ImpactStatement.required(scope())).rule())
        .isEqualTo("required-impactProblem");
  }

  @Test
  void linksThatAreNotTextAreRefused() {
    sent.put("evidenceLinks", 42L);
    assertThat(catchThrowableOfType(RuleViolation.class, () -> ImpactStatement.required(scope())).rule())
        .isEqualTo("text-evidenceLinks");
  }

  @Test
  void theSummaryACredentialCarriesHasAPartALineAndLinksOnlyWhenGiven() {
    assertThat(new ImpactStatement("Slow builds", "Cached", "2 minutes", Optional.of("https://ci.example.org/1")).summary())
        .isEqualTo("Problem: Slow builds\nActions: Cached\nResults: 2 minutes\nLinks: https://ci.example.org/1");
    assertThat(new ImpactStatement("Slow builds", "Cached", "2 minutes", Optional.of(" ")).summary())
        .isEqualTo("Problem: Slow builds\nActions: Cached\nResults: 2 minutes");
    assertThat(new ImpactStatement("Slow builds", "Cached", "2 minutes", Optional.empty()).summary())
        .isEqualTo("Problem: Slow builds\nActions: Cached\nResults: 2 minutes");
  }
}
