package org.microcredentials.submission;

import java.time.Clock;
import java.time.Instant;
import org.microcredentials.RuleViolation;
import org.microcredentials.credential.AlreadyHeld;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.framework.Skill;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.springframework.stereotype.Service;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;

/**
 * Accepts or refuses a new self-submission, and registers an accepted one with its evidence as the first version. Runs
 * inside the engine's transaction, so a refusal (or any later failure of the start) leaves no row behind. The use
 * case of {@code SubmissionStartListener}.
 */
@Service
public class SubmissionIntake {

  public record Accepted(String businessKey, Engineer candidate, Skill skill, int frameworkVersion) {
  }

  private final Organisation organisation;
  private final SkillFrameworkRepository frameworks;
  private final AlreadyHeld alreadyHeld;
  private final ApplicationRegister applications;
  private final EvidenceHistory evidenceHistory;
  private final SubmissionLimits limits;
  private final Clock clock;

  SubmissionIntake(Organisation organisation, SkillFrameworkRepository frameworks, AlreadyHeld alreadyHeld,
      ApplicationRegister applications, EvidenceHistory evidenceHistory, SubmissionLimits limits, Clock clock) {
    this.organisation = organisation;
    this.frameworks = frameworks;
    this.alreadyHeld = alreadyHeld;
    this.applications = applications;
    this.evidenceHistory = evidenceHistory;
    this.limits = limits;
    this.clock = clock;
  }

  /** The candidate applies for a skill at a level with their evidence. */
  public Accepted accept(String candidateId, String skillCode, int skillLevel, EvidenceHistory.Evidence evidence) {
    // The lock makes two submissions of one candidate count one after the other.
    Engineer candidate = organisation.lock(candidateId);
    SkillFramework framework = frameworks.current();
    Skill skill = framework.skillOpenForApplication(skillCode, skillLevel);
    alreadyHeld.refuseIfHeld(candidateId, skillCode, skillLevel);
    if (applications.hasOpenApplication(candidateId, skillCode)) {
      throw RuleViolation.conflict("one-open-application",
          candidateId + " already has an open application for " + skillCode + "; finish or let it go first.");
    }
    Instant now = clock.instant();
    SubmissionLimits.Month month = limits.monthOf(now);
    limits.checkMonthlyCap(applications.countSubmitted(candidateId, month.start(), month.end()), month);
    String businessKey = applications.register(candidateId, skillCode, skillLevel, framework.version(), now);
    evidenceHistory.record(businessKey, evidence);
    return new Accepted(businessKey, candidate, skill, framework.version());
  }
}
