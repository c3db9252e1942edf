package org.microcredentials.framework;

import org.microcredentials.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How an admin changes the framework without a code change: load a new version, or retire a skill. */
@Service
public class SkillFrameworkAdministration {

  private final SkillFrameworkRepository frameworks;
  private final ApplicationEventPublisher events;

  SkillFrameworkAdministration(SkillFrameworkRepository frameworks, ApplicationEventPublisher events) {
    this.frameworks = frameworks;
    this.events = events;
  }

  @Transactional
  public SkillFramework load(SkillFramework framework, String source) {
    framework.validate();
    int latest = frameworks.latestVersion().orElse(0);
    if (framework.version() <= latest) {
      throw RuleViolation.conflict("framework-version-grows",
          "Framework version " + framework.version() + " is not newer than the current version " + latest + ".");
    }
    frameworks.save(framework, source);
    events.publishEvent(new FrameworkChanged(framework.version()));
    return framework;
  }

  /** Retires a skill in a new framework version: no new submissions, issued credentials stay valid. */
  @Transactional
  public SkillFramework retire(String skillCode) {
    SkillFramework current = frameworks.current();
    Skill skill = current.skill(skillCode).orElseThrow(() -> RuleViolation.invalid("known-skill",
        "Unknown skill '" + skillCode + "': it is not in version " + current.version() + " of the skills framework."));
    if (skill.retired()) {
      throw RuleViolation.conflict("skill-not-retired", "Skill " + skillCode + " is already retired.");
    }
    SkillFramework next = current.next(current.label() + " (" + skillCode + " retired)",
        current.skills().stream().map(s -> s.code().equals(skillCode) ? s.retire() : s).toList());
    frameworks.save(next, "retirement of " + skillCode);
    events.publishEvent(new FrameworkChanged(next.version()));
    return next;
  }
}
