package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * form-js renders a text component as Markdown and HTML, so a candidate's
 * evidence placed in one reached the assessor with live links and images. Whatever a person wrote
 * is shown in a disabled field (plain text, not submitted), never templated into a text component.
 */
class FormsShowUserTextAsTextTest {

  /** Every variable that holds free text someone typed. */
  static final Set<String> WRITTEN_BY_PEOPLE = Set.of("impactProblem", "impactActions", "impactResults",
      "evidenceLinks", "justification", "improvementAreas", "peerReviewSummary", "reviewComment", "message",
      "evidenceRequest", "changesSinceLastAssessment", "justificationHistory", "moderationJustification",
      "outcomeJustification", "amendments", "additionalJustification", "statement", "interviewNotes");

  @Test
  void noFormTemplatesPeoplesTextIntoMarkdown() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
        collect(new ObjectMapper().readTree(form.toFile()), form.getFileName().toString(), found);
      }
    }
    assertThat(found).isEmpty();
  }

  private static void collect(JsonNode component, String form, List<String> found) {
    if ("text".equals(component.path("type").asText())) {
      String text = component.path("text").asText();
      WRITTEN_BY_PEOPLE.stream().filter(name -> text.matches("(?s).*\\{\\{\\s*" + name + "\\s*}}.*"))
          .forEach(name -> found.add(form + " " + component.path("id").asText() + " renders " + name));
    }
    component.path("components").forEach(child -> collect(child, form, found));
  }
}
