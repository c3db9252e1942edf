package org.microcredentials.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/security.md} shows the allow list as a table: the same operations, for the same people,
 * under the same conditions as {@link EngineAllowList}. When they differ, the table as the class has it
 * is written to {@code target/engine-allow-list.md}, to paste.
 */
class EngineAllowListDocumentedTest {

  private static final Path DOCUMENT = Path.of("docs/security.md");
  private static final String HEADER = "| operation | who | conditions | what for |";

  @Test
  void theDocumentedTableIsTheList() throws IOException {
    String expected = table();
    List<String> documented = Files.readAllLines(DOCUMENT).stream()
        .dropWhile(line -> !line.equals(HEADER)).takeWhile(line -> line.startsWith("|")).toList();
    String actual = String.join("\n", documented);
    if (!actual.equals(expected)) {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target/engine-allow-list.md"), expected + "\n");
    }
    assertThat(actual).as("the allow list in " + DOCUMENT + " (the class's table: target/engine-allow-list.md)")
        .isEqualTo(expected);
  }

  @Test
  void everyOperationIsListedOnceAndReadsAsTheEnginesDocumentationWritesIt() {
    assertThat(EngineAllowList.entries()).allSatisfy(entry ->
        assertThat(entry.operation()).matches("(GET|POST|PUT|DELETE|OPTIONS) /[a-z-]+(/[A-Za-z{}-]+)*"));
    assertThat(EngineAllowList.entry("POST /task/{id}/bpmnError")).isEmpty();
    assertThat(EngineAllowList.allows("PUT /task/{id}", List.of("engineers", "assessors"))).isFalse();
    assertThat(EngineAllowList.allows("PUT /task/{id}", List.of("engineers", "sem-team"))).isTrue();
  }

  static String table() {
    String rows = EngineAllowList.entries().stream()
        .map(entry -> "| `" + entry.operation() + "` | " + entry.role().label() + " | "
            + (entry.conditions().isEmpty() ? "" : entry.conditions().stream().sorted()
                .map(condition -> "`" + condition.rule() + "`").collect(Collectors.joining(", ")))
            + " | " + entry.why() + " |")
        .collect(Collectors.joining("\n"));
    return HEADER + "\n|---|---|---|---|\n" + rows;
  }
}
