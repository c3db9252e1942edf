package org.microcredentials.framework;

import org.microcredentials.process.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The skills framework over REST: everyone reads it; admins load a new version or retire a skill. */
@RestController
class SkillsController {

  private final SkillFrameworkRepository frameworks;
  private final SkillFrameworkAdministration administration;
  private final Actors actors;

  SkillsController(SkillFrameworkRepository frameworks, SkillFrameworkAdministration administration, Actors actors) {
    this.frameworks = frameworks;
    this.administration = administration;
    this.actors = actors;
  }

  @GetMapping("/api/skills")
  SkillFramework current() {
    return frameworks.current();
  }

  @PostMapping("/api/skills")
  @ResponseStatus(HttpStatus.CREATED)
  SkillFramework load(@RequestBody SkillFramework framework) {
    String admin = actors.requireAdministrator("load a new skills framework");
    return administration.load(framework, "REST upload by " + admin);
  }

  @PostMapping("/api/skills/{code}/retire")
  SkillFramework retire(@PathVariable String code) {
    actors.requireAdministrator("retire a skill");
    return administration.retire(code);
  }
}
