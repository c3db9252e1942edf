package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.endorsement.EndorsementProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.env.PropertySource;

/**
 * The pass mark and the endorsement minimum score are configuration: a form that wrote the number would go on
 * saying 8 after an organisation chose 7. Forms print the variable the model hands the step ({@code passMark},
 * {@code minimumScore}); a start form, which Tasklist opens without variables, does not name the number at all
 * and leaves it to the start's refusal.
 */
class FormsPrintConfiguredRulesTest {

  private static final List<String> SHOWN = List.of("text", "label", "description");

  @Test
  void noFormWritesTheNumberOfAConfiguredScoreRule() throws IOException {
    Map<String, Integer> rules = configuredScoreRules();
    List<String> found = new ArrayList<>();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(path -> path.toString().endsWith(".form")).toList()) {
        collect(new ObjectMapper().readTree(form.toFile()), form.getFileName().toString(), rules, found);
      }
    }
    assertThat(found).isEmpty();
  }

  /** As application.yaml sets them (its first document: every profile's), else as the properties default them. */
  private static Map<String, Integer> configuredScoreRules() throws IOException {
    List<PropertySource<?>> yaml = new YamlPropertySourceLoader()
        .load("application.yaml", new FileSystemResource("src/main/resources/application.yaml"));
    Binder binder = new Binder(ConfigurationPropertySources.from(yaml.get(0)), null,
        ApplicationConversionService.getSharedInstance());
    MicroCredentialsProperties common = binder.bind("microcredentials", MicroCredentialsProperties.class)
        .orElseGet(MicroCredentialsProperties::defaults);
    EndorsementProperties endorsement = binder.bind("microcredentials.endorsement", EndorsementProperties.class)
        .orElseGet(EndorsementProperties::defaults);
    return Map.of("the pass mark (passMark)", common.passMark(),
        "the endorsement minimum score (minimumScore)", endorsement.minimumScore());
  }

  private static void collect(JsonNode component, String form, Map<String, Integer> rules, List<String> found) {
    String where = form + " " + component.path("id").asText();
    rules.forEach((rule, number) -> {
      String literal = "(?s).*(?<![\\w.])" + number + "(?![\\w.]).*";
      SHOWN.stream().filter(property -> component.path(property).asText().matches(literal))
          .forEach(property -> found.add(where + " writes " + rule + " in its " + property));
      JsonNode min = component.path("validate").path("min");
      if (min.isNumber() && min.asInt() == number) {
        found.add(where + " validates against " + rule + " as a number");
      }
    });
    component.path("components").forEach(child -> collect(child, form, rules, found));
  }
}
