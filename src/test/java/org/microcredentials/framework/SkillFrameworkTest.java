package org.microcredentials.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;

class SkillFrameworkTest {

  private static SkillFramework shipped() throws IOException {
    try (InputStream in = SkillFrameworkTest.class.getResourceAsStream("/framework/skills-framework.json")) {
      return new ObjectMapper().readValue(in, SkillFramework.class);
    }
  }

  @Test
  void theShippedFrameworkIsWhole() throws IOException {
    SkillFramework framework = shipped();
    framework.validate();
    assertThat(framework.skills()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(framework.skills()).extracting(Skill::code).contains("iLAN", "iPERF", "iOWN");
    Skill language = framework.skill("iLAN").orElseThrow();
    assertThat(language.name()).isEqualTo("Language Knowledge");
    assertThat(language.level(1).orElseThrow().tier()).isEqualTo(Tier.FOUNDATIONAL);
    assertThat(language.level(3).orElseThrow().tier()).isEqualTo(Tier.PROFICIENT);
    assertThat(language.level(6).orElseThrow().tier()).isEqualTo(Tier.EXPERT);
    assertThat(language.level(3).orElseThrow().nextSteps()).isNotEmpty();
  }

  @Test
  void anApplicationNamesAKnownOpenSkillAtALevelOfTheLadder() throws IOException {
    SkillFramework framework = shipped();
    assertThat(framework.skillOpenForApplication("iLAN", 3).code()).isEqualTo("iLAN");
    assertThatThrownBy(() -> framework.skillOpenForApplication("iXYZ", 3))
        .isInstanceOf(RuleViolation.class).hasMessageContaining("Unknown skill 'iXYZ'");
    assertThatThrownBy(() -> framework.skillOpenForApplication("iLAN", 7)).hasMessageContaining("outside the ladder");

    SkillFramework retired = new SkillFramework(2, "retired",
        framework.skills().stream().map(s -> s.code().equals("iLAN") ? s.retire() : s).toList());
    assertThatThrownBy(() -> retired.skillOpenForApplication("iLAN", 3))
        .extracting(e -> ((RuleViolation) e).rule()).isEqualTo("skill-not-retired");
  }

  @Test
  void anIncompleteFrameworkIsRefused() {
    Skill oneLevel = new Skill("iX", "X", "x", false,
        List.of(new SkillLevel(1, Tier.FOUNDATIONAL, "c", List.of(), List.of(), null)));
    assertThatThrownBy(() -> new SkillFramework(2, "bad", List.of(oneLevel)).validate())
        .hasMessageContaining("must describe every level from 1 to 6");
    assertThatThrownBy(() -> new SkillFramework(2, "empty", List.of()).validate())
        .hasMessageContaining("at least one skill");
  }
}
