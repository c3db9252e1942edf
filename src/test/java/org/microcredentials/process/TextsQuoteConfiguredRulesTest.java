package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.credential.CredentialProperties;
import org.microcredentials.endorsement.EndorsementProperties;
import org.microcredentials.sla.ServiceLevelProperties;
import org.microcredentials.testing.ApplicationYaml;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The organisation's rules are configuration: a text that wrote one of their values would go on saying "8" or "two
 * weeks" after an organisation chose 7 or ten days. What people read quotes the configured value instead: a task's
 * form prints the variable the model hands the step ({@code {{passMark}}}), a mail the rule ({@code
 * [(${rules?.responseTime})]}, {@code QuotedRules}); a start form, which Tasklist opens without variables, and a
 * model's names and documentation, which Modeler and Cockpit show, do not name the value at all and leave it to the
 * rule (a refusal names it) or name the property.
 *
 * <p>The values are the defaults of the properties records, their one home, unless application.yaml's document for every
 * profile sets one (an organisation's choice, which the texts then must not write either). Every way this product
 * writes a value is looked for: a score or pass mark as a lone number, a level as "level 5 or above" or "level 5+", a period as "two weeks",
 * "14 days" or "a quarter", a cap as "at most 3".
 */
class TextsQuoteConfiguredRulesTest {

  private static final List<String> SHOWN = List.of("text", "label", "description");

  @Test
  void noTextWritesTheValueOfAConfiguredRule() throws IOException {
    Map<String, Pattern> rules = configuredRules();
    List<String> found = new ArrayList<>();
    for (Path form : files("forms", ".form")) {
      collectForm(new ObjectMapper().readTree(form.toFile()), form.getFileName().toString(), rules, found);
    }
    for (Path mail : files("src/main/resources/notifications", ".txt")) {
      check("mail " + mail.getFileName(), Files.readString(mail), rules, found);
    }
    for (Path model : files("processes", ".bpmn")) {
      collectModel(Bpmn.readModelFromFile(model.toFile()), model.getFileName().toString(), rules, found);
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theRulesAreLookedForInEveryWayATextMightWriteThem() {
    Map<String, Pattern> rules = configuredRules();
    for (String written : List.of("A score of 8 passes.", "Another leader of level 5 or above reviews it.",
        "A leader (level 4+) endorses.", "Our response guideline is two weeks.", "It counts for promotion for 2 years.",
        "Holders are reminded 30 days before.", "At most 3 skills per candidate.", "Endorse once a quarter.",
        "Reassigned after a week.", "Closed after 90 days.",
        "Past its two-week response time.", "Handed on if it stays open another week.")) {
      List<String> found = new ArrayList<>();
      check("sample", written, rules, found);
      assertThat(found).as(written).isNotEmpty();
    }
    List<String> found = new ArrayList<>();
    check("sample", "Scored 9 out of 10 ([(${rules?.passMark})] passes); from level 4 an interview comes first.", rules,
        found);
    assertThat(found).isEmpty();
  }

  private static List<Path> files(String folder, String ending) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      return files.filter(path -> path.toString().endsWith(ending)).sorted().toList();
    }
  }

  private static Map<String, Pattern> configuredRules() {
    Binder binder = ApplicationYaml.binder(ApplicationYaml.everyProfile());
    MicroCredentialsProperties common = binder.bindOrCreate("microcredentials", MicroCredentialsProperties.class);
    EndorsementProperties endorsement = binder.bindOrCreate("microcredentials.endorsement", EndorsementProperties.class);
    CredentialProperties credentials = binder.bindOrCreate("microcredentials.credentials", CredentialProperties.class);
    ServiceLevelProperties serviceLevels = binder.bindOrCreate("microcredentials.sla", ServiceLevelProperties.class);
    Map<String, Pattern> rules = new LinkedHashMap<>();
    rules.put("the pass mark", number(common.passMark()));
    rules.put("the endorsement minimum score", number(endorsement.minimumScore()));
    rules.put("the assessors' level", level(common.minimumAssessorLevel()));
    rules.put("the level from which two reviewers are needed", level(common.twoReviewersFromLevel()));
    rules.put("the endorsers' level", level(endorsement.minimumEndorserLevel()));
    rules.put("the endorsement reviewers' level", level(endorsement.minimumReviewerLevel()));
    rules.put("the credential's validity for promotion", period(common.credentialValidity()));
    rules.put("the reminder before a credential lapses", period(credentials.remindBeforeLapse()));
    rules.put("the endorsement request's expiry", period(days(endorsement.requestExpiry())));
    rules.put("the endorsement cap's period", period(endorsement.capPeriod()));
    rules.put("the monthly cap", cap(common.monthlyCap()));
    rules.put("the open endorsement requests' cap", cap(endorsement.openRequestCap()));
    rules.put("the endorsements per candidate cap", cap(endorsement.skillsPerCandidateCap()));
    rules.put("microcredentials.sla.response-time", period(days(serviceLevels.responseTime())));
    rules.put("microcredentials.sla.reassign-after", period(days(serviceLevels.reassignAfter())));
    rules.put("microcredentials.sla.candidate-idle-timeout", period(days(serviceLevels.candidateIdleTimeout())));
    return rules;
  }

  private static Period days(Duration duration) {
    return Period.ofDays(Math.toIntExact(duration.toDays()));
  }

  private static Pattern number(int value) {
    return Pattern.compile("(?<![\\w.$])" + value + "(?![\\w.])");
  }

  private static Pattern level(int value) {
    return Pattern.compile("(?i)level " + value + "(\\+| or above| or higher| leader)");
  }

  private static Pattern cap(int value) {
    return Pattern.compile("(?i)at most (" + value + "|" + WORDS[value] + ")\\b");
  }

  private static final String[] WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "eleven", "twelve"};

  /** A period in each way a text might say it: in its largest whole unit, in digits or words, or "a" for one. */
  private static Pattern period(Period period) {
    Period normalised = period.normalized();
    Set<String> said = new LinkedHashSet<>();
    if (normalised.getYears() > 0 && normalised.getMonths() == 0 && normalised.getDays() == 0) {
      said.addAll(counted(normalised.getYears(), "year"));
      said.addAll(counted(normalised.getYears() * 12, "month"));
    } else if (normalised.getMonths() > 0 && normalised.getDays() == 0) {
      int months = normalised.getYears() * 12 + normalised.getMonths();
      said.addAll(counted(months, "month"));
      if (months == 3) {
        said.add("a quarter");
      }
    } else if (normalised.getYears() == 0 && normalised.getMonths() == 0) {
      int days = normalised.getDays();
      said.addAll(counted(days, "day"));
      if (days % 7 == 0) {
        said.addAll(counted(days / 7, "week"));
      }
      if (days == 14) {
        said.add("a fortnight");
      }
    }
    return Pattern.compile("(?i)(?<!\\w)(" + String.join("|", said) + ")(?!\\w)");
  }

  private static List<String> counted(int count, String unit) {
    List<String> ways = new ArrayList<>();
    String plural = count == 1 ? unit : unit + "s";
    ways.add(count + " " + plural);
    ways.add(count + "-" + unit);
    if (count < WORDS.length) {
      ways.add(WORDS[count] + " " + plural);
      ways.add(WORDS[count] + "-" + unit);
    }
    if (count == 1) {
      ways.add("a " + unit);
      ways.add("another " + unit);
    }
    return ways;
  }

  private static void check(String where, String text, Map<String, Pattern> rules, List<String> found) {
    rules.forEach((rule, pattern) -> {
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        found.add(where + " writes " + rule + ": '" + matcher.group() + "'");
      }
    });
  }

  private static void collectForm(JsonNode component, String form, Map<String, Pattern> rules, List<String> found) {
    String where = "form " + form + " " + component.path("id").asText();
    for (String property : SHOWN) {
      check(where + " " + property, component.path(property).asText(), rules, found);
    }
    JsonNode min = component.path("validate").path("min");
    if (min.isNumber()) {
      check(where + " validate.min", min.asText(), rules, found);
    }
    component.path("components").forEach(child -> collectForm(child, form, rules, found));
  }

  private static void collectModel(BpmnModelInstance model, String file, Map<String, Pattern> rules, List<String> found) {
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      String where = "model " + file + " " + element.getId();
      if (element instanceof FlowElement flowElement && flowElement.getName() != null) {
        check(where + " name", flowElement.getName(), rules, found);
      }
      for (Documentation documentation : element.getDocumentations()) {
        check(where + " documentation", documentation.getTextContent(), rules, found);
      }
    }
  }
}
