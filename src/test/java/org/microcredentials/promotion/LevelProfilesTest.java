package org.microcredentials.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.framework.Skill;
import org.microcredentials.framework.SkillFramework;

/** The level profiles shipped with the framework, their rules, and which skills a credential covers. */
class LevelProfilesTest {

  static SkillFramework shipped() throws IOException {
    try (InputStream in = LevelProfilesTest.class.getResourceAsStream("/framework/skills-framework.json")) {
      return new ObjectMapper().findAndRegisterModules().readValue(in, SkillFramework.class);
    }
  }

  @Test
  void everyLevelFromTwoToSixRequiresAtLeastFourSkillsButNotEverySkill() throws IOException {
    SkillFramework framework = shipped();
    framework.validate();
    for (int level = 2; level <= 6; level++) {
      assertThat(framework.requiredFor(level)).as("level %d", level).hasSizeGreaterThanOrEqualTo(4)
          .hasSizeLessThan(framework.skills().size());
    }
    assertThat(framework.requiredFor(4)).extracting(Skill::code).contains("iARCH", "iMENT").doesNotContain("iLAN");
    assertThat(framework.requiredFor(1)).isEmpty();
  }

  @Test
  void aProfileNamingTooFewOrUnknownSkillsIsRefused() throws IOException {
    SkillFramework framework = shipped();
    Map<Integer, List<String>> thin = new HashMap<>(framework.levelProfiles());
    thin.put(3, List.of("iLAN", "iTEST", "iTEST", "iOWN"));
    assertThatThrownBy(() -> new SkillFramework(2, "thin", framework.skills(), thin).validate())
        .hasMessageContaining("level profile of level 3").hasMessageContaining("at least 4 different skills");
    Map<Integer, List<String>> unknown = new HashMap<>(framework.levelProfiles());
    unknown.put(5, List.of("iARCH", "iOWN", "iCOMM", "iXYZ"));
    assertThatThrownBy(() -> new SkillFramework(2, "unknown", framework.skills(), unknown).validate())
        .hasMessageContaining("iXYZ");
    assertThatThrownBy(() -> new SkillFramework(2, "none", framework.skills()).validate())
        .hasMessageContaining("level profile of level 2");
  }

  @Test
  void aRetirementKeepsTheProfiles() throws IOException {
    SkillFramework framework = shipped();
    assertThat(framework.next("next", framework.skills()).levelProfiles()).isEqualTo(framework.levelProfiles());
  }

  @Test
  void aSkillIsCoveredByACredentialAtTheTargetLevelOrAboveWithTheBestScore() throws IOException {
    SkillFramework framework = shipped();
    List<Credential> valid = List.of(
        credential("a", "iARCH", 3, 10), // below the target level: covers nothing
        credential("b", "iOWN", 4, 8),
        credential("c", "iOWN", 5, 9),
        credential("d", "iLAN", 6, 10)); // not in level 4's profile
    List<PromotionEligibility.RequiredSkill> coverage = PromotionEligibility.coverage(framework, 4, valid,
        OffsetDateTime.parse("2026-11-16T10:00:00Z"));
    assertThat(coverage).extracting(PromotionEligibility.RequiredSkill::skillCode)
        .containsExactlyElementsOf(framework.requiredFor(4).stream().map(Skill::code).toList());
    PromotionEligibility.RequiredSkill ownership = coverage.stream().filter(s -> s.skillCode().equals("iOWN")).findFirst().orElseThrow();
    assertThat(ownership.covered()).isTrue();
    assertThat(ownership.credentialId()).isEqualTo("c");
    assertThat(ownership.score()).isEqualTo(9);
    PromotionEligibility.RequiredSkill architecture = coverage.stream().filter(s -> s.skillCode().equals("iARCH")).findFirst().orElseThrow();
    assertThat(architecture.covered()).isFalse();
    assertThat(architecture.credentialId()).isNull();
    assertThat(architecture.criteria()).isNotBlank();
    // The steps toward level 4 are level 3's (each level's next steps lead to the level above it).
    assertThat(architecture.nextSteps()).isNotEmpty()
        .isEqualTo(framework.skill("iARCH").orElseThrow().level(3).orElseThrow().nextSteps())
        .isNotEqualTo(framework.skill("iARCH").orElseThrow().level(4).orElseThrow().nextSteps());
  }

  static Credential credential(String id, String skill, int level, int score) {
    OffsetDateTime issued = OffsetDateTime.parse("2026-06-01T10:00:00Z");
    return new Credential(id, "KEY-" + id, "bob", skill, level, score, Optional.of(8), CredentialSource.SELF_SUBMISSION,
        "carol", List.of("dave"), 1, "evidence", issued, issued.plusYears(2), false, null);
  }
}
