package org.microcredentials.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A process variable declared once with its name and its Java type, so that listeners, delegates and tests read
 * and write it without a cast or a second spelling of the name:
 * {@code String leader = LEADER_ID.from(execution); LEADER_NAME.on(execution, name);}.
 *
 * <p>Our own small equivalent of camunda-bpm-data's {@code VariableFactory<T>}: that library is written in Kotlin
 * and brings the Kotlin runtime for what is this one class here, and this one keeps to Camunda's public API
 * ({@link VariableScope}, {@link Variables}), so that a move to Operaton stays a change of imports.
 *
 * <p>A value of another type than declared is a programming or modelling fault, not a person's input: it is an
 * {@link IllegalStateException} naming the variable and both types. Form fields a person fills in are read through
 * {@link VariableReader}, which answers a wrong value with a 400 naming the field.
 *
 * <p>{@link #integer} reads an Integer, and a Short or a Long (a REST client sends numbers as Long) when its value
 * fits an int exactly; a Long outside the int range is refused rather than cut.
 *
 * @param <T> the Java type of the variable's value
 */
public final class ProcessVariable<T> {

  private final String name;
  private final String typeName;
  private final Function<Object, T> reading;
  private final Function<T, Object> storing;

  private ProcessVariable(String name, String typeName, Function<Object, T> reading, Function<T, Object> storing) {
    this.name = name;
    this.typeName = typeName;
    this.reading = reading;
    this.storing = storing;
  }

  /** A variable whose value is an instance of {@code type}. */
  public static <T> ProcessVariable<T> of(String name, Class<T> type) {
    return new ProcessVariable<>(name, type.getSimpleName(), value -> type.isInstance(value) ? type.cast(value) : null,
        value -> value);
  }

  public static ProcessVariable<String> text(String name) {
    return of(name, String.class);
  }

  public static ProcessVariable<Boolean> flag(String name) {
    return of(name, Boolean.class);
  }

  /** A whole number, read as Integer from an Integer, Short or Long that fits an int. */
  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, "Integer", value -> {
      if (value instanceof Integer number) {
        return number;
      }
      if (value instanceof Short || value instanceof Long) {
        long number = ((Number) value).longValue();
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
          throw new IllegalStateException("Process variable '" + name + "' is " + value.getClass().getSimpleName()
              + " " + number + ", outside the range of the declared Integer");
        }
        return (int) number;
      }
      return null;
    }, value -> value);
  }

  /**
   * A list of texts, stored as a JSON Object variable holding an ArrayList of String: the one kind of Java object the
   * engine's deserialization allow list rebuilds for us (application.yaml).
   */
  public static ProcessVariable<List<String>> textList(String name) {
    return new ProcessVariable<>(name, "List of String", value -> {
      if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
        return null;
      }
      return list.stream().map(String.class::cast).toList();
    }, value -> Variables.objectValue(new ArrayList<>(value))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }

  /**
   * A JSON document, stored as a Spin Json variable: what a Camunda Forms select reads its dynamic options from (a
   * String holding JSON would show "No results"), and what clients read as JSON.
   */
  public static ProcessVariable<SpinJsonNode> json(String name) {
    return new ProcessVariable<>(name, "Json", value -> value instanceof SpinJsonNode node ? node : null,
        value -> SpinValues.jsonValue(value).create());
  }

  /** The variable's name, as models, forms, clients and docs/contract.md spell it. */
  public String name() {
    return name;
  }

  /** The value the scope (or a scope above it) holds, or null when it holds none. */
  public T from(VariableScope scope) {
    return read(scope.getVariable(name));
  }

  public Optional<T> optionalFrom(VariableScope scope) {
    return Optional.ofNullable(from(scope));
  }

  /** Sets the value as {@link VariableScope#setVariable} does: where the variable already lives, else on the instance. */
  public void on(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  /** Sets the value on this scope alone (a task's or an activity's local variable). */
  public void localOn(VariableScope scope, T value) {
    scope.setVariableLocal(name, stored(value));
  }

  /** Puts the value into {@code variables} (start or completion variables) under the variable's name; returns them. */
  public Map<String, Object> in(Map<String, Object> variables, T value) {
    variables.put(name, stored(value));
    return variables;
  }

  private Object stored(T value) {
    return value == null ? null : storing.apply(value);
  }

  private T read(Object value) {
    if (value == null) {
      return null;
    }
    T typed = reading.apply(value);
    if (typed == null) {
      throw new IllegalStateException("Process variable '" + name + "' holds " + value.getClass().getSimpleName()
          + ", not the declared " + typeName);
    }
    return typed;
  }

  @Override
  public String toString() {
    return name + " (" + typeName + ")";
  }
}
