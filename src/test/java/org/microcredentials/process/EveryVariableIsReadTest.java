package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every process variable our code declares is read by someone: a model (an expression, a call-activity mapping, an
 * input parameter), a form (a field, a text, an expression), a mail template, our Java code other than where it
 * writes the variable, or a client, as docs/contract.md names it. A variable written and read by nobody costs a row
 * and its history in every instance, and a reader takes it for a fact; such a one ({@code reviewerCount}, written at
 * the start) was removed, and this keeps it so.
 *
 * <p>How Java reads are told from writes: every use of the constant's name in {@code src/main/java} but its
 * declaration, the first argument of {@code setVariable}, {@code setVariableLocal}, {@code putValue} or
 * {@code put} (the constant or its {@code name()}) and a typed declaration's {@code on}, {@code localOn} or
 * {@code in} counts as a read ({@code from} and {@code optionalFrom} among them). Constants are told apart by their
 * simple name only: where two homes have a constant of the same simple name, a read of either counts for both (lenient
 * there, not strict).
 */
class EveryVariableIsReadTest {

  private static final Pattern WRITE = Pattern.compile(
      "(?:setVariable|setVariableLocal|putValue|put)\\(\\s*(?:[\\w.]+\\.)?([A-Z][A-Z0-9_]*)(?:\\.name\\(\\))?\\s*,");
  /** A write through a typed declaration: {@code X.on(execution, v)}, {@code X.localOn(task, v)}, {@code X.in(map, v)}. */
  private static final Pattern TYPED_WRITE = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\.(?:on|localOn|in)\\(");
  private static final Pattern CONSTANT = Pattern.compile("\\b([A-Z][A-Z0-9_]*)\\b");
  private static final Pattern DECLARATION = Pattern.compile(
      "static final (?:String|ProcessVariable<[^=]*>) ([A-Z][A-Z0-9_]*)\\s*=");
  private static final Pattern TEXT_NAME = Pattern.compile("\\b([A-Za-z_]\\w*)\\b");

  @Test
  void everyDeclaredVariableIsReadBySomeone() throws IOException {
    Map<String, String> declared = declared();
    String outside = outsideJava();
    Map<String, Integer> javaReads = javaReads();

    List<String> unread = new ArrayList<>();
    declared.forEach((constant, name) -> {
      boolean readOutside = Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-])").matcher(outside).find();
      if (!readOutside && javaReads.getOrDefault(constant.substring(constant.lastIndexOf('.') + 1), 0) == 0) {
        unread.add(constant + " (" + name + ")");
      }
    });
    assertThat(unread).as("variables written and read by nobody").isEmpty();
  }

  @Test
  void aWriteIsNotARead() {
    Map<String, Integer> reads = new TreeMap<>();
    count("""
        static final String SCORE = "score";
        static final String COMMENT = "comment";
        execution.setVariable(Variables.SCORE, 9);
        execution.setVariable(COMMENT, "x");
        int score = (Integer) execution.getVariable(SCORE);
        """, reads);
    assertThat(reads).containsEntry("SCORE", 1).doesNotContainKey("COMMENT");
  }

  @Test
  void aWriteThroughATypedDeclarationIsNotARead() {
    Map<String, Integer> reads = new TreeMap<>();
    count("""
        static final ProcessVariable<Integer> SCORE = ProcessVariable.integer("score");
        static final ProcessVariable<List<String>> COMMENTS = ProcessVariable.textList("comments");
        static final ProcessVariable<String> NOTE = ProcessVariable.text("note");
        static final ProcessVariable<Boolean> PASSED = ProcessVariable.flag("passed");
        Variables.SCORE.on(execution, 9);
        COMMENTS.localOn(task, List.of("x"));
        execution.setVariable(NOTE.name(), "y");
        Variables.NOTE.in(startVariables, "z");
        int score = SCORE.from(execution);
        boolean passed = Variables.PASSED.optionalFrom(execution).orElse(false);
        """, reads);
    assertThat(reads).containsEntry("SCORE", 1).containsEntry("PASSED", 1).doesNotContainKeys("COMMENTS", "NOTE");
  }

  /** What the models, forms, mail templates and the contract say, as one text to search for names in. */
  private static String outsideJava() throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path file : files(Path.of("processes"), ".bpmn")) {
      // a delegate expression names a bean, not a variable; the rest is searched whole
      text.append(Files.readString(file).replaceAll("delegateExpression=\"[^\"]*\"", "")).append('\n');
    }
    for (Path file : files(Path.of("forms"), ".form")) {
      text.append(Files.readString(file)).append('\n');
    }
    for (Path file : files(Path.of("src/main/resources/notifications"), ".txt")) {
      text.append(Files.readString(file)).append('\n');
    }
    text.append(Files.readString(Path.of("docs/contract.md")));
    return text.toString();
  }

  /** Per constant name, how often {@code src/main/java} uses it other than to declare or write it. */
  private static Map<String, Integer> javaReads() throws IOException {
    Map<String, Integer> reads = new TreeMap<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
        count(Files.readString(source), reads);
      }
    }
    return reads;
  }

  private static void count(String source, Map<String, Integer> reads) {
    String withoutWrites = TYPED_WRITE.matcher(WRITE.matcher(source).replaceAll("(")).replaceAll("(");
    String withoutDeclarations = DECLARATION.matcher(withoutWrites).replaceAll("");
    Matcher used = CONSTANT.matcher(withoutDeclarations.replaceAll("\"[^\"\\n]*\"", "\"\""));
    while (used.find()) {
      reads.merge(used.group(1), 1, Integer::sum);
    }
  }

  /** Home and constant ({@code Outer$Variables.NAME}) to variable name, of every home DeclaredVariablesTest reads. */
  private static Map<String, String> declared() throws IOException {
    Map<String, String> names = new TreeMap<>();
    for (Class<?> home : DeclaredVariablesTest.homes()) {
      for (Field field : home.getDeclaredFields()) {
        if (DeclaredVariablesTest.declaresVariable(field)
            && TEXT_NAME.matcher(DeclaredVariablesTest.value(field)).matches()) {
          names.put(home.getName().replaceAll(".*\\.", "") + "." + field.getName(), DeclaredVariablesTest.value(field));
        }
      }
    }
    // each name once (DeclaredVariablesTest): 69 when the repeats were removed
    assertThat(names).as("the variables declared").hasSizeGreaterThanOrEqualTo(69);
    return names;
  }

  private static List<Path> files(Path directory, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
