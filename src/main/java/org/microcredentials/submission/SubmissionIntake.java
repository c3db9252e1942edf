package org.microcredentials.submission;

import static org.microcredentials.credential.CredentialVariables.SKILL_LEVEL;
import static org.microcredentials.credential.CredentialVariables.SKILL_NAME;
import static org.microcredentials.submission.SelfSubmissionProcess.Variables.REVIEWED_WITH_LINE_MANAGER;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.RuleViolation;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.credential.RequestedSkill;
import org.microcredentials.process.VariableReader;
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

  /** What a candidate sends to apply, read and checked in the order the start refuses it. */
  public record Sent(String candidateId, RequestedSkill skill, EvidenceHistory.Evidence evidence,
      boolean reviewedWithLineManager) {

    static Sent of(DelegateExecution execution, String candidateId) {
      VariableReader input = VariableReader.of(execution);
      RequestedSkill skill = RequestedSkill.sent(input);
      ImpactStatement.required(execution);
      boolean reviewedWithLineManager = input.optionalBoolean(REVIEWED_WITH_LINE_MANAGER, false);
      return new Sent(candidateId, skill, EvidenceHistory.Evidence.of(execution, null), reviewedWithLineManager);
    }
  }

  public record Accepted(String businessKey, Engineer candidate, Skill skill, int frameworkVersion, Sent sent) {

    /**
     * The instance takes the application's business key and what its round and forms show; the level and the flag
     * as read, kept without a second history entry when the client sent them so.
     */
    public void showOn(DelegateExecution execution) {
      VariableReader input = VariableReader.of(execution);
      execution.setProcessBusinessKey(businessKey);
      CredentialVariables.showCandidate(execution, sent.candidateId(), candidate);
      input.keepAs(SKILL_LEVEL, sent.skill().level());
      SKILL_NAME.on(execution, skill.name());
      input.keepAs(REVIEWED_WITH_LINE_MANAGER, sent.reviewedWithLineManager());
    }
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
  public Accepted accept(Sent sent) {
    String candidateId = sent.candidateId();
    String skillCode = sent.skill().code();
    int skillLevel = sent.skill().level();
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
    evidenceHistory.record(businessKey, sent.evidence());
    return new Accepted(businessKey, candidate, skill, framework.version(), sent);
  }
}
