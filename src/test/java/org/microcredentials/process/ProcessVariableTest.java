package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

  private static final ProcessVariable<String> LEADER_ID = ProcessVariable.text("leaderId");
  private static final ProcessVariable<Integer> SKILL_LEVEL = ProcessVariable.integer("skillLevel");
  private static final ProcessVariable<Boolean> ACCEPTED = ProcessVariable.flag("accepted");
  private static final ProcessVariable<List<String>> CREDENTIALS = ProcessVariable.textList("credentials");

  /** What the scope holds, and which of it was set locally. */
  private final Map<String, Object> variables = new HashMap<>();
  private final Map<String, Object> local = new HashMap<>();
  private final VariableScope scope = mapBacked();

  @Test
  void textIsReadAndWrittenUnderItsName() {
    assertThat(LEADER_ID.name()).isEqualTo("leaderId");
    assertThat(LEADER_ID.from(scope)).isNull();
    assertThat(LEADER_ID.optionalFrom(scope)).isEmpty();

    LEADER_ID.on(scope, "dave");

    assertThat(variables).containsEntry("leaderId", "dave");
    assertThat(local).isEmpty();
    assertThat(LEADER_ID.from(scope)).isEqualTo("dave");
    assertThat(LEADER_ID.optionalFrom(scope)).contains("dave");
  }

  @Test
  void aLocalValueIsSetOnTheScopeItself() {
    ACCEPTED.localOn(scope, true);

    assertThat(local).containsEntry("accepted", true);
    assertThat(ACCEPTED.from(scope)).isTrue();
  }

  @Test
  void aFlagReadsABoolean() {
    variables.put("accepted", false);
    assertThat(ACCEPTED.from(scope)).isFalse();
  }

  @Test
  void anyClassCanBeDeclared() {
    ProcessVariable<Double> ratio = ProcessVariable.of("ratio", Double.class);
    ratio.on(scope, 0.5);
    assertThat(ratio.from(scope)).isEqualTo(0.5);
    variables.put("ratio", "half");
    assertThatThrownBy(() -> ratio.from(scope)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Process variable 'ratio' holds String, not the declared Double");
  }

  @Test
  void aValueOfAnotherTypeNamesTheVariableAndBothTypes() {
    variables.put("leaderId", 42);
    assertThatThrownBy(() -> LEADER_ID.from(scope)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Process variable 'leaderId' holds Integer, not the declared String");
    assertThatThrownBy(() -> LEADER_ID.optionalFrom(scope)).isInstanceOf(IllegalStateException.class);
    variables.put("skillLevel", "4");
    assertThatThrownBy(() -> SKILL_LEVEL.from(scope)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Process variable 'skillLevel' holds String, not the declared Integer");
    variables.put("skillLevel", 4.0);
    assertThatThrownBy(() -> SKILL_LEVEL.from(scope)).hasMessage(
        "Process variable 'skillLevel' holds Double, not the declared Integer");
  }

  @Test
  void anIntegerSentAsLongOrShortIsReadExactly() {
    SKILL_LEVEL.on(scope, 4);
    assertThat(variables.get("skillLevel")).isEqualTo(4);
    assertThat(SKILL_LEVEL.from(scope)).isEqualTo(4);

    variables.put("skillLevel", 5L);
    assertThat(SKILL_LEVEL.from(scope)).isEqualTo(5);
    variables.put("skillLevel", (long) Integer.MIN_VALUE);
    assertThat(SKILL_LEVEL.from(scope)).isEqualTo(Integer.MIN_VALUE);
    variables.put("skillLevel", (short) 3);
    assertThat(SKILL_LEVEL.optionalFrom(scope)).isEqualTo(Optional.of(3));
  }

  @Test
  void aLongOutsideTheIntRangeIsRefusedNotCut() {
    variables.put("skillLevel", Integer.MAX_VALUE + 1L);
    assertThatThrownBy(() -> SKILL_LEVEL.from(scope)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Process variable 'skillLevel' is Long 2147483648, outside the range of the declared Integer");
  }

  @Test
  void aListOfTextsIsStoredAsAJsonArrayListOfString() {
    CREDENTIALS.on(scope, List.of("c1", "c2"));

    ObjectValue stored = (ObjectValue) variables.get("credentials");
    assertThat(stored.getSerializationDataFormat()).isEqualTo(SerializationDataFormats.JSON.getName());
    assertThat(stored.getValue()).isInstanceOf(ArrayList.class).isEqualTo(List.of("c1", "c2"));
    assertThat(CREDENTIALS.from(scope)).containsExactly("c1", "c2");

    variables.put("credentials", new ArrayList<>(List.of("c1", 2)));
    assertThatThrownBy(() -> CREDENTIALS.from(scope)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Process variable 'credentials' holds ArrayList, not the declared List of String");
  }

  @Test
  void aJsonDocumentIsStoredAsASpinJsonVariable() {
    ProcessVariable<SpinJsonNode> options = ProcessVariable.json("options");
    options.localOn(scope, Spin.JSON("[{\"label\": \"Dave\", \"value\": \"dave\"}]"));

    assertThat(local.get("options")).isInstanceOf(JsonValue.class);
    assertThat(options.from(scope).elements()).singleElement()
        .satisfies(option -> assertThat(option.prop("value").stringValue()).isEqualTo("dave"));

    variables.put("options", "[]");
    assertThatThrownBy(() -> options.from(scope)).isInstanceOf(IllegalStateException.class)
        .hasMessage("Process variable 'options' holds String, not the declared Json");
  }

  @Test
  void startVariablesAreBuiltUnderTheNames() {
    Map<String, Object> start = SKILL_LEVEL.in(LEADER_ID.in(new HashMap<>(), "dave"), 4);
    assertThat(start).containsExactlyInAnyOrderEntriesOf(Map.of("leaderId", "dave", "skillLevel", 4));
  }

  @Test
  void nullIsWrittenAsNull() {
    LEADER_ID.on(scope, "dave");
    LEADER_ID.on(scope, null);
    assertThat(variables).containsEntry("leaderId", null);
    assertThat(LEADER_ID.from(scope)).isNull();
  }

  /** A scope that keeps its variables in {@link #variables}, and returns a typed value's value as the engine does. */
  private VariableScope mapBacked() {
    VariableScope fake = mock(VariableScope.class);
    when(fake.getVariable(anyString())).thenAnswer(call -> {
      Object value = variables.get(call.<String>getArgument(0));
      return value instanceof TypedValue typed ? typed.getValue() : value;
    });
    doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(fake)
        .setVariable(anyString(), any());
    doAnswer(call -> {
      local.put(call.getArgument(0), call.getArgument(1));
      return variables.put(call.getArgument(0), call.getArgument(1));
    }).when(fake).setVariableLocal(anyString(), any());
    return fake;
  }
}
