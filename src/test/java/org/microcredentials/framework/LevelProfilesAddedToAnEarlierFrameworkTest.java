package org.microcredentials.framework;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database kept from a release before level profiles holds the framework version the file loaded, without
 * its profiles; the file's version is the same, so it is not loaded again. At start the loader adds the
 * file's profiles to that version: promotions then require the skills they should. A version that has
 * profiles keeps them as they are.
 */
@ApplicationTest
class LevelProfilesAddedToAnEarlierFrameworkTest {

  @Autowired SkillFrameworkRepository frameworks;
  @Autowired SkillFrameworkAdministration administration;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;

  @Test
  void theFilesProfilesAreAddedToTheVersionItLoadedWhereItHasNone() throws Exception {
    int latest = frameworks.latestVersion().orElseThrow();
    Map<Integer, List<String>> before = frameworks.version(latest).orElseThrow().levelProfiles();
    SkillFramework shipped;
    try (InputStream in = getClass().getResourceAsStream("/framework/skills-framework.json")) {
      shipped = json.readValue(in, SkillFramework.class);
    }
    // The file as it loaded this version (its skills are the stored ones), with the shipped profiles.
    SkillFramework stored = frameworks.version(latest).orElseThrow();
    SkillFramework file = new SkillFramework(latest, stored.label(), stored.skills(), shipped.levelProfiles());
    SkillFrameworkLoader loader = new SkillFrameworkLoader(new ByteArrayResource(json.writeValueAsBytes(file), "the file"),
        json, frameworks, administration);
    try {
      jdbc.sql("delete from level_profile where framework_version = ?").param(latest).update();
      assertThat(frameworks.version(latest).orElseThrow().levelProfiles()).isEmpty();

      loader.run(null);
      assertThat(bySkill(frameworks.version(latest).orElseThrow().levelProfiles())).isEqualTo(bySkill(shipped.levelProfiles()));
      assertThat(frameworks.latestVersion()).contains(latest);

      // Profiles already there are the version's own: a second start changes nothing.
      loader.run(null);
      assertThat(bySkill(frameworks.version(latest).orElseThrow().levelProfiles())).isEqualTo(bySkill(shipped.levelProfiles()));
    } finally {
      jdbc.sql("delete from level_profile where framework_version = ?").param(latest).update();
      frameworks.addLevelProfiles(latest, before);
    }
  }

  /** Each level's skills, in any order: the stored profile lists them in the framework's order of skills. */
  private static Map<Integer, java.util.Set<String>> bySkill(Map<Integer, List<String>> profiles) {
    Map<Integer, java.util.Set<String>> sets = new java.util.TreeMap<>();
    profiles.forEach((level, skills) -> sets.put(level, new java.util.TreeSet<>(skills)));
    return sets;
  }
}
