package org.microcredentials.promotion;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialView;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Seniority;
import org.microcredentials.framework.Skill;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.springframework.stereotype.Component;

/**
 * How far an engineer is from the next level: may they apply (at least one credential valid for
 * promotion), and which skills of the next level's profile their credentials already cover. A
 * required skill is covered by a credential valid for promotion for the same skill at the target
 * level or above; a promotion application assesses only the others.
 */
@Component
public class PromotionEligibility {

  /** One skill the next level requires, and the credential that covers it, if any. */
  public record RequiredSkill(String skillCode, String skillName, boolean covered, String credentialId,
      Integer credentialLevel, Integer score, OffsetDateTime validForPromotionUntil, String criteria,
      List<String> nextSteps) {
  }

  /**
   * @param nextLevel the level a promotion application would target; null at the top of the ladder
   * @param credentials the credentials that count for promotion today
   */
  public record Eligibility(String userId, boolean eligible, Integer nextLevel, List<CredentialView> credentials,
      List<RequiredSkill> requiredSkills) {
  }

  private final CredentialRegister credentials;
  private final SkillFrameworkRepository frameworks;
  private final Clock clock;

  PromotionEligibility(CredentialRegister credentials, SkillFrameworkRepository frameworks, Clock clock) {
    this.credentials = credentials;
    this.frameworks = frameworks;
    this.clock = clock;
  }

  public Eligibility of(Engineer engineer) {
    return of(engineer, credentials.heldBy(engineer.userId()), nextLevel(engineer) == null ? null : frameworks.current(),
        OffsetDateTime.now(clock));
  }

  /**
   * The same from what the caller has read already: every credential the engineer holds (revoked and expired
   * ones too) and the current framework ({@code null} only at the top of the ladder, where it is not needed).
   */
  public Eligibility of(Engineer engineer, List<Credential> held, SkillFramework current, OffsetDateTime now) {
    List<Credential> counting = held.stream().filter(credential -> credential.validForPromotionAt(now)).toList();
    Integer nextLevel = nextLevel(engineer);
    List<RequiredSkill> required = nextLevel == null ? List.of() : coverage(current, nextLevel, counting, now);
    return new Eligibility(engineer.userId(), !counting.isEmpty(), nextLevel,
        counting.stream().map(credential -> CredentialView.of(credential, now)).toList(), required);
  }

  /** The only level an engineer may apply for: the next one; none at the top of the ladder. */
  private static Integer nextLevel(Engineer engineer) {
    return engineer.seniorityLevel() < Seniority.HIGHEST ? engineer.seniorityLevel() + 1 : null;
  }

  /** Each skill the level's profile requires, covered by the best credential valid for promotion, if any. */
  static List<RequiredSkill> coverage(SkillFramework framework, int level, List<Credential> held, OffsetDateTime now) {
    return framework.requiredFor(level).stream().map(skill -> {
      Optional<Credential> best = coveringCredential(skill, level, held, now);
      var criteria = skill.level(level);
      return new RequiredSkill(skill.code(), skill.name(), best.isPresent(), best.map(Credential::id).orElse(null),
          best.map(Credential::skillLevel).orElse(null), best.map(Credential::score).orElse(null),
          best.map(Credential::validForPromotionUntil).orElse(null),
          criteria.map(described -> described.criteria()).orElse(null),
          skill.stepsToward(level));
    }).toList();
  }

  static Optional<Credential> coveringCredential(Skill skill, int level, List<Credential> held, OffsetDateTime now) {
    return held.stream()
        .filter(credential -> credential.covers(skill.code(), level, now))
        .max(Comparator.comparingInt(Credential::score).thenComparing(Credential::issuedAt));
  }
}
