package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;

/** A task that belongs to one person: that person holds it, anyone else is refused with the rule's name. */
class TaskHolderTest {

  @Test
  void theHolderTakesTheTask() {
    assertThatCode(() -> TaskHolder.require("carol", "carol", "assessor-assesses", "the assessor"))
        .doesNotThrowAnyException();
  }

  @Test
  void anyoneElseIsRefusedWithTheRuleAndTheHolderNamed() {
    RuleViolation refusal = catchThrowableOfType(RuleViolation.class,
        () -> TaskHolder.require("dave", "carol", "assessor-assesses", "the assessor"));
    assertThat(refusal).isNotNull();
    assertThat(refusal.rule()).isEqualTo("assessor-assesses");
    assertThat(refusal.httpStatus()).isEqualTo(403);
    assertThat(refusal).hasMessage("This task belongs to the assessor carol; dave may not take it.");
  }

  @Test
  void nobodyIsTheHolderOfATaskWhoseHolderIsUnknown() {
    assertThat(catchThrowableOfType(RuleViolation.class,
        () -> TaskHolder.require("alice", "", "candidate-provides-evidence", "the candidate"))).isNotNull();
  }
}
