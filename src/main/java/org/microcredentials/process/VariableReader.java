package org.microcredentials.process;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.RuleViolation;

/**
 * Reads the fields a person sends, each named by its declaration ({@link ProcessVariable}), as Tasklist and REST
 * clients send them, and refuses what breaks a field rule with a 400 naming the field. Numbers arrive as Integer
 * (Tasklist) or Long (REST clients): both are accepted.
 */
public final class VariableReader {

  /** Longest free text a person may enter in one field. */
  public static final int TEXT_LIMIT = 4000;

  private final VariableScope scope;

  private VariableReader(VariableScope scope) {
    this.scope = scope;
  }

  public static VariableReader of(VariableScope scope) {
    return new VariableReader(scope);
  }

  public String requiredText(ProcessVariable<String> variable) {
    String name = variable.name();
    return optionalText(variable)
        .orElseThrow(() -> RuleViolation.invalid("required-" + name, "'" + name + "' is required."));
  }

  public Optional<String> optionalText(ProcessVariable<String> variable) {
    String name = variable.name();
    Object value = scope.getVariable(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw RuleViolation.invalid("text-" + name, "'" + name + "' must be text, not " + typeName(value) + ".");
    }
    if (text.length() > TEXT_LIMIT) {
      throw RuleViolation.invalid("length-" + name,
          "'" + name + "' is " + text.length() + " characters long; at most " + TEXT_LIMIT + " are allowed.");
    }
    return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
  }

  public int requiredWholeNumber(ProcessVariable<Integer> variable, int min, int max) {
    String name = variable.name();
    Object value = scope.getVariable(name);
    if (value == null) {
      throw RuleViolation.invalid("required-" + name, "'" + name + "' is required.");
    }
    long number;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      number = ((Number) value).longValue();
    } else {
      throw RuleViolation.invalid("whole-number-" + name,
          "'" + name + "' must be a whole number from " + min + " to " + max + ", not " + typeName(value) + " " + value + ".");
    }
    if (number < min || number > max) {
      throw RuleViolation.invalid("range-" + name,
          "'" + name + "' must be a whole number from " + min + " to " + max + "; " + number + " is outside.");
    }
    return (int) number;
  }

  public boolean requiredBoolean(ProcessVariable<Boolean> variable) {
    String name = variable.name();
    Object value = scope.getVariable(name);
    if (value == null) {
      throw RuleViolation.invalid("required-" + name, "'" + name + "' is required (true or false).");
    }
    return checkedBoolean(name, value);
  }

  public boolean optionalBoolean(ProcessVariable<Boolean> variable, boolean otherwise) {
    Object value = scope.getVariable(variable.name());
    return value == null ? otherwise : checkedBoolean(variable.name(), value);
  }

  /**
   * Stores a value as read (a number as Integer, an absent flag as its default), as its declaration writes it,
   * unless the variable already holds exactly that value: a value the client sent as it is kept costs no second
   * history entry.
   */
  public <T> void keepAs(ProcessVariable<T> variable, T value) {
    if (!Objects.equals(scope.getVariable(variable.name()), value)) {
      variable.on(scope, value);
    }
  }

  private static boolean checkedBoolean(String name, Object value) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw RuleViolation.invalid("boolean-" + name, "'" + name + "' must be true or false, not " + typeName(value) + ".");
  }

  private static String typeName(Object value) {
    return value.getClass().getSimpleName();
  }
}
