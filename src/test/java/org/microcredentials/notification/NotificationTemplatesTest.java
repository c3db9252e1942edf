package org.microcredentials.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The templates without an engine or a mail server: both parts, the same facts, escaping only in HTML. */
class NotificationTemplatesTest {

  private final NotificationTemplates templates = new NotificationTemplates();

  /** The variables a failed outcome's mail step sees, without the pass mark, the assessor's words or name. */
  private static Map<String, Object> failedOutcome() {
    Map<String, Object> values = new HashMap<>();
    values.put("recipientName", "Alice");
    values.put("businessKey", "APP-2026-000123");
    values.put("skillCode", "iLAN");
    values.put("skillLevel", 3);
    values.put("skillName", "Language Knowledge");
    values.put("finalScore", 5);
    return values;
  }

  @Test
  void aFailedOutcomeSaysTheSameInTextAndHtmlAndEscapesUserTextOnlyInHtml() {
    Map<String, Object> values = failedOutcome();
    values.put("passMark", 7); // the configured pass mark, as the model hands it to the step
    values.put("outcomeJustification", "<script>alert('x')</script> & more");
    values.put("assessorName", "Carol Example");
    // improvementAreas missing: empty, as before

    NotificationTemplates.Rendered rendered = templates.render("outcome-failed", values);

    assertThat(rendered.subject()).isEqualTo("Your application for iLAN:3: 5 out of 10");
    assertThat(rendered.body()).startsWith("Hello Alice,\n\nYour application APP-2026-000123 for iLAN:3 Language Knowledge")
        .contains("Why: <script>alert('x')</script> & more\n", "Areas to improve and goals: \n", "Carol Example\n");
    assertThat(rendered.html()).contains("<title>Your application for iLAN:3: 5 out of 10</title>", "Hello Alice,",
            "Your application APP-2026-000123 for iLAN:3 Language Knowledge scored 5 out of 10; 7 passes.",
            "Why: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more", "Carol Example")
        .doesNotContain("<script>");
  }

  /** A step of a model version from before the pass mark was handed to it has none: the mail leaves it out. */
  @Test
  void aFailedOutcomeWithoutAPassMarkLeavesItOut() {
    assertThat(templates.render("outcome-failed", failedOutcome()).body()).contains("scored 5 out of 10.\n").doesNotContain("passes");
  }

  @Test
  void webAddressesBecomeLinksInHtml() {
    Map<String, Object> values = new HashMap<>();
    values.put("recipientName", "Alice");
    values.put("credentialName", "iLAN:3 Language Knowledge");
    values.put("lapsesOn", "16 November 2028");
    values.put("verificationUrl", "http://localhost:8080/credentials/abc?x=1&y=2");

    NotificationTemplates.Rendered rendered = templates.render("credential-lapsing", values);

    assertThat(rendered.body()).contains("verification page: http://localhost:8080/credentials/abc?x=1&y=2");
    assertThat(rendered.html()).contains("<a href=\"http://localhost:8080/credentials/abc?x=1&amp;y=2\"",
        ">http://localhost:8080/credentials/abc?x=1&amp;y=2</a>");
  }

  @Test
  void everyTemplateRendersWithNoVariablesAtAllAndNoPlaceholderLeft() throws Exception {
    var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
    for (var resource : resolver.getResources("classpath*:notifications/*.txt")) {
      String name = resource.getFilename().replace(".txt", "");
      NotificationTemplates.Rendered rendered = templates.render(name, Map.of());
      assertThat(rendered.subject()).as(name).isNotBlank();
      // A placeholder in the old syntax (${variable}) would reach the reader as it is written.
      assertThat(rendered.subject() + rendered.body()).as(name + ": [(${variable})], not ${variable}").doesNotContain("${");
      assertThat(rendered.html()).as(name).contains("<html", "</html>");
    }
  }
}
