package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.notification.SendNotificationDelegate;

/**
 * Every process variable a model or a form names is declared in Java, once, where its process keeps its names
 * (each process class's {@code Variables}, {@code CredentialVariables}, {@code ImpactStatement}, the notification
 * step's three), each a typed {@link ProcessVariable}: a form field, a form's text or expression, a model's
 * expression, call-activity mapping or input parameter that names anything else names a variable nobody writes, and
 * shows or decides on nothing. Found this way: three forms printed {@code {{businessKey}}}, which no task had, so
 * their headings ended in a blank.
 *
 * <p>No name is declared twice anywhere in src/main: each fact has one declaration, in the home where it belongs, and
 * every other place uses that one (nine names once had two or three, e.g. {@code candidateName} in the review round,
 * the endorsement and the promotion).
 */
class DeclaredVariablesTest {

  /** Words of the expression language and what the engine itself provides to an expression. */
  private static final Set<String> NOT_VARIABLES = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof", "execution", "task", "loopCounter", "nrOfInstances",
      "nrOfActiveInstances", "nrOfCompletedInstances");
  /** A name in an expression: not a member ({@code .name}), not a bean or function ({@code name.}, {@code name(}). */
  private static final Pattern NAME = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)(?![\\w.(]|\\s+[.(])");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern MAPPED = Pattern.compile(
      "<camunda:(?:in|out)\\b[^>]*?\\b(?:source|target)=\"(\\w+)\"[^>]*?(?:\\b(?:source|target)=\"(\\w+)\")?");
  private static final Pattern PARAMETER = Pattern.compile("<camunda:(?:input|output)Parameter name=\"(\\w+)\"");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(?:[#/](?:if|each|unless)\\s+)?([A-Za-z_]\\w*)");

  @Test
  void everyNameAModelOrAFormUsesIsDeclared() throws IOException {
    Set<String> declared = declared();
    List<String> undeclared = new ArrayList<>();
    for (Path model : files("processes", ".bpmn")) {
      String xml = Files.readString(model)
          // a delegate expression names a bean, not a variable
          .replaceAll("delegateExpression=\"[^\"]*\"", "");
      Matcher expression = EXPRESSION.matcher(xml);
      while (expression.find()) {
        String body = expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "");
        names(NAME, body).forEach(name -> check(declared, name, model + " ${" + expression.group(1) + "}", undeclared));
      }
      Matcher mapped = MAPPED.matcher(xml);
      while (mapped.find()) {
        for (int group = 1; group <= 2; group++) {
          if (mapped.group(group) != null) {
            check(declared, mapped.group(group), model + " call-activity mapping", undeclared);
          }
        }
      }
      names(PARAMETER, xml).forEach(name -> check(declared, name, model + " input or output parameter", undeclared));
    }
    for (Path form : files("forms", ".form")) {
      collect(new ObjectMapper().readTree(form.toFile()), form.toString(), declared, undeclared);
    }
    assertThat(undeclared).as("names no Variables class declares").isEmpty();
  }

  @Test
  void everyHomeDeclaresItsVariablesTyped() throws IOException {
    List<String> untyped = new ArrayList<>();
    for (Class<?> home : homes()) {
      for (Field field : home.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          untyped.add(home.getSimpleName() + "." + field.getName());
        }
      }
    }
    assertThat(untyped).as("String constants where variables are declared; declare each as a ProcessVariable").isEmpty();
  }

  @Test
  void everyNameIsDeclaredOnce() throws IOException {
    Map<String, List<String>> declarations = new TreeMap<>();
    for (Class<?> declaring : declaringClasses()) {
      for (Field field : declaring.getDeclaredFields()) {
        if (declaresVariable(field)) {
          declarations.computeIfAbsent(value(field), name -> new ArrayList<>())
              .add(declaring.getName().replaceFirst("^org\\.microcredentials\\.", "") + "." + field.getName());
        }
      }
    }
    assertThat(declarations).as("the variables found in src/main").containsKey("candidateId");
    Map<String, List<String>> repeated = new TreeMap<>(declarations);
    repeated.values().removeIf(places -> places.size() == 1);
    assertThat(repeated).as("names declared in more than one place; declare each once, where its fact belongs, and "
        + "use that declaration everywhere else").isEmpty();
  }

  @Test
  void theCheckFindsANameNobodyDeclared() {
    List<String> undeclared = new ArrayList<>();
    names(NAME, "assessorId == candidateId && applicationFacts.passed(execution) && sla.dueDate()")
        .forEach(name -> check(Set.of("assessorId"), name, "an expression", undeclared));
    assertThat(undeclared).containsExactly("an expression: candidateId");
  }

  private static void collect(JsonNode component, String form, Set<String> declared, List<String> undeclared) {
    String where = form + " " + component.path("id").asText();
    if (component.hasNonNull("key")) {
      check(declared, component.get("key").asText(), where + " field", undeclared);
    }
    component.properties().forEach(property -> strings(property.getValue()).forEach(text -> {
      names(TEMPLATE, text).forEach(name -> check(declared, name, where + " text", undeclared));
      if (text.startsWith("=")) {
        names(NAME, text.substring(1).replaceAll("\"[^\"]*\"", ""))
            .forEach(name -> check(declared, name, where + " expression " + text, undeclared));
      }
    }));
    component.path("components").forEach(child -> collect(child, form, declared, undeclared));
  }

  /** The texts of a property: itself, or the values of an object such as {@code validate}. */
  private static List<String> strings(JsonNode value) {
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    List<String> texts = new ArrayList<>();
    if (value.isObject()) {
      value.forEach(child -> {
        if (child.isTextual()) {
          texts.add(child.asText());
        }
      });
    }
    return texts;
  }

  private static void check(Set<String> declared, String name, String where, List<String> undeclared) {
    if (!declared.contains(name) && !NOT_VARIABLES.contains(name)) {
      undeclared.add(where + ": " + name);
    }
  }

  private static List<String> names(Pattern pattern, String text) {
    List<String> names = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** The names of every declaring class: each process class's nested Variables and the shared homes. */
  private static Set<String> declared() throws IOException {
    Set<String> names = new TreeSet<>();
    List<Class<?>> homes = homes();
    for (Class<?> home : homes) {
      for (Field field : home.getDeclaredFields()) {
        if (declaresVariable(field)) {
          names.add(value(field));
        }
      }
    }
    names.addAll(List.of(SendNotificationDelegate.TEMPLATE.name(), SendNotificationDelegate.TO.name(),
        SendNotificationDelegate.EXCEPT.name()));
    assertThat(homes).as("the classes that declare variables").hasSizeGreaterThanOrEqualTo(9);
    return names;
  }

  /** The classes that declare variables: each process class's nested {@code Variables}, and the shared homes. */
  static List<Class<?>> homes() throws IOException {
    List<Class<?>> homes = new ArrayList<>(List.of(CredentialVariables.class, ImpactStatement.class));
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        if (Files.readString(source).contains("static final class Variables")) {
          String outer = Path.of("src/main/java").relativize(source).toString().replace('/', '.').replaceAll("\\.java$", "");
          homes.add(load(outer + "$Variables"));
        }
      }
    }
    return homes;
  }

  /** Every class of src/main and the classes nested in it, wherever a declaration may be. */
  private static List<Class<?>> declaringClasses() throws IOException {
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        String name = Path.of("src/main/java").relativize(source).toString().replace('/', '.').replaceAll("\\.java$", "");
        if (!name.endsWith("package-info")) {
          addWithNested(loadUninitialised(name), classes);
        }
      }
    }
    return classes;
  }

  private static void addWithNested(Class<?> type, List<Class<?>> classes) {
    classes.add(type);
    for (Class<?> nested : type.getDeclaredClasses()) {
      addWithNested(nested, classes);
    }
  }

  private static Class<?> loadUninitialised(String name) {
    try {
      return Class.forName(name, false, DeclaredVariablesTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name, e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name, e);
    }
  }

  /** A typed declaration ({@link ProcessVariable}) of a home. */
  static boolean declaresVariable(Field field) {
    return Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class;
  }

  /** The variable name a field declares: the declaration's {@code name()}. */
  static String value(Field field) {
    try {
      field.setAccessible(true);
      return ((ProcessVariable<?>) field.get(null)).name();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(field.toString(), e);
    }
  }

  private static List<Path> files(String directory, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(directory))) {
      return files.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
