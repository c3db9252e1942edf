package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;

class VariableReaderTest {

  private static final ProcessVariable<String> COMMENT = ProcessVariable.text("comment");
  private static final ProcessVariable<Integer> SCORE = ProcessVariable.integer("score");
  private static final ProcessVariable<Boolean> AGREES = ProcessVariable.flag("agrees");

  private final Map<String, Object> sent = new HashMap<>();
  private final VariableScope scope = mapBacked();
  private final VariableReader input = VariableReader.of(scope);

  @Test
  void textIsReadStrippedAndBlankIsAbsent() {
    sent.put("comment", "  Agreed.  ");
    assertThat(input.requiredText(COMMENT)).isEqualTo("Agreed.");

    sent.put("comment", "   ");
    assertThat(input.optionalText(COMMENT)).isEmpty();
    assertRefused(() -> input.requiredText(COMMENT), "required-comment", "'comment' is required.");
  }

  @Test
  void textThatIsNotTextOrTooLongIsRefusedNamingTheField() {
    sent.put("comment", 7);
    assertRefused(() -> input.optionalText(COMMENT), "text-comment", "'comment' must be text, not Integer.");

    sent.put("comment", "x".repeat(VariableReader.TEXT_LIMIT + 1));
    assertRefused(() -> input.optionalText(COMMENT), "length-comment",
        "'comment' is 4001 characters long; at most 4000 are allowed.");
  }

  @Test
  void aWholeNumberIsReadFromIntegerOrLongWithinItsRange() {
    sent.put("score", 9);
    assertThat(input.requiredWholeNumber(SCORE, 0, 10)).isEqualTo(9);
    sent.put("score", 10L);
    assertThat(input.requiredWholeNumber(SCORE, 0, 10)).isEqualTo(10);

    sent.put("score", 11L);
    assertRefused(() -> input.requiredWholeNumber(SCORE, 0, 10), "range-score",
        "'score' must be a whole number from 0 to 10; 11 is outside.");
    sent.put("score", 7.5);
    assertRefused(() -> input.requiredWholeNumber(SCORE, 0, 10), "whole-number-score",
        "'score' must be a whole number from 0 to 10, not Double 7.5.");
    sent.remove("score");
    assertRefused(() -> input.requiredWholeNumber(SCORE, 0, 10), "required-score", "'score' is required.");
  }

  @Test
  void aFlagIsTrueOrFalse() {
    assertThat(input.optionalBoolean(AGREES, true)).isTrue();
    assertRefused(() -> input.requiredBoolean(AGREES), "required-agrees", "'agrees' is required (true or false).");

    sent.put("agrees", false);
    assertThat(input.requiredBoolean(AGREES)).isFalse();
    sent.put("agrees", "yes");
    assertRefused(() -> input.optionalBoolean(AGREES, false), "boolean-agrees",
        "'agrees' must be true or false, not String.");
  }

  @Test
  void aValueIsKeptAsReadOnlyWhereItDiffers() {
    sent.put("score", 9);
    input.keepAs(SCORE, 9);
    verify(scope, never()).setVariable(anyString(), any());

    sent.put("score", 9L);
    input.keepAs(SCORE, 9);
    assertThat(sent).containsEntry("score", 9);
  }

  private static void assertRefused(Runnable reading, String rule, String message) {
    assertThatThrownBy(reading::run).isInstanceOfSatisfying(RuleViolation.class,
        refused -> assertThat(refused.rule() + " " + refused.httpStatus()).isEqualTo(rule + " 400")).hasMessage(message);
  }

  private VariableScope mapBacked() {
    VariableScope fake = mock(VariableScope.class);
    when(fake.getVariable(anyString())).thenAnswer(call -> sent.get(call.<String>getArgument(0)));
    doAnswer(call -> sent.put(call.getArgument(0), call.getArgument(1))).when(fake).setVariable(anyString(), any());
    return fake;
  }
}
