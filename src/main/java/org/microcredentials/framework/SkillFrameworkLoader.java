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
    }
  }
}
