package org.microcredentials.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Loads the framework file at start when it is newer than what the database holds, so that an
 * admin ships a new version by replacing the file (or through {@code POST /api/skills}).
 */
@Component
@Order(1)
class SkillFrameworkLoader implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SkillFrameworkLoader.class);

  private final Resource frameworkFile;
  private final ObjectMapper json;
  private final SkillFrameworkRepository frameworks;
  private final SkillFrameworkAdministration administration;

  SkillFrameworkLoader(@Value("${microcredentials.framework-file:classpath:framework/skills-framework.json}") Resource frameworkFile,
      ObjectMapper json, SkillFrameworkRepository frameworks, SkillFrameworkAdministration administration) {
    this.frameworkFile = frameworkFile;
    this.json = json;
    this.frameworks = frameworks;
    this.administration = administration;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    SkillFramework framework;
    try (InputStream in = frameworkFile.getInputStream()) {
      framework = json.readValue(in, SkillFramework.class);
    }
    int latest = frameworks.latestVersion().orElse(0);
    if (framework.version() > latest) {
      administration.load(framework, frameworkFile.getDescription());
      LOG.info("Loaded skills framework version {} ({} skills) from {}", framework.version(), framework.skills().size(),
          frameworkFile.getDescription());
    } else if (framework.version() == latest) {
      addMissingLevelProfiles(framework);
    }
  }

  /**
   * A database kept from a release before level profiles (migration V7) holds this version without them,
   * and a version is loaded once: promotions on it would find no skill required at any level. The file
   * that loaded the version names its profiles; they are added to it, where every skill they name is in it.
   */
  private void addMissingLevelProfiles(SkillFramework file) {
    SkillFramework stored = frameworks.version(file.version()).orElseThrow();
    if (!stored.levelProfiles().isEmpty() || file.levelProfiles().isEmpty()) {
      return;
    }
    java.util.Set<String> storedSkills = stored.skills().stream().map(Skill::code).collect(java.util.stream.Collectors.toSet());
    if (file.levelProfiles().values().stream().flatMap(java.util.List::stream).allMatch(storedSkills::contains)) {
      frameworks.addLevelProfiles(file.version(), file.levelProfiles());
      LOG.info("Added the level profiles of {} to skills framework version {}, kept from a release before level profiles",
          frameworkFile.getDescription(), file.version());
    }
  }
}
