package org.microcredentials.endorsement;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.FourEyes;
import org.microcredentials.process.VariableReader;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.review.ScorePolicy;
import org.springframework.stereotype.Component;

/**
 * Who may endorse whom for what, who reviews, and the moderation rules against abuse:
 * <ul>
 *   <li>an endorser is level 4 or above (and never the candidate: {@link FourEyes}, asked first);</li>
 *   <li>the endorsed skill level is above the candidate's current seniority;</li>
 *   <li>the endorser's score is at least {@code minimum-score} (8 as shipped) and at most 10 ({@link #requiredScore});</li>
 *   <li>the reviewer is level 5 or above (neither the endorser nor the candidate: {@link FourEyes});</li>
 *   <li>one leader endorses one candidate for at most 3 skills in a rolling quarter;</li>
 *   <li>a candidate has at most 2 requests open at once.</li>
 * </ul>
 */
@Component
public class EndorsementPolicy {

  private final EndorsementProperties properties;
  private final ZoneId zone;

  public EndorsementPolicy(EndorsementProperties properties, MicroCredentialsProperties common) {
    this.properties = properties;
    this.zone = common.timeZone();
  }

  public int minimumScore() {
    return properties.minimumScore();
  }

  /**
   * The endorser's score as the start sends it: a whole number from {@code minimum-score} to the top of the scale
   * ({@link ScorePolicy#HIGHEST_SCORE}), else bad input (400) naming the field and that range.
   */
  public int requiredScore(VariableScope sent) {
    return VariableReader.of(sent).requiredWholeNumber(ReviewRoundProcess.Variables.SCORE, minimumScore(),
        ScorePolicy.HIGHEST_SCORE);
  }

  public void checkEndorser(Engineer endorser, String candidateId) {
    FourEyes.checkEndorser(endorser.userId(), candidateId);
    if (!seniorEnoughToEndorse(endorser)) {
      throw RuleViolation.forbidden("endorser-level",
          endorser.userId() + " (level " + endorser.seniorityLevel() + ") may not endorse: an endorser is level "
              + properties.minimumEndorserLevel() + " or above.");
    }
  }

  /** The leader a candidate asks must be one who may endorse them. */
  public void checkRequestedLeader(Engineer leader, String candidateId) {
    FourEyes.checkRequestedLeader(leader.userId(), candidateId);
    if (!seniorEnoughToEndorse(leader)) {
      throw RuleViolation.invalid("leader-level",
          leader.userId() + " (level " + leader.seniorityLevel() + ") may not endorse: ask a leader of level "
              + properties.minimumEndorserLevel() + " or above.");
    }
  }

  /** The lowest level of a leader who endorses or is asked to. */
  public int minimumEndorserLevel() {
    return properties.minimumEndorserLevel();
  }

  /** The endorser's level rule, whether the leader endorses or is asked to (their refusals differ: 403 and 400). */
  private boolean seniorEnoughToEndorse(Engineer leader) {
    return leader.seniorityLevel() >= properties.minimumEndorserLevel();
  }

  public void checkAboveSeniority(Engineer candidate, String skillCode, int skillLevel) {
    if (skillLevel <= candidate.seniorityLevel()) {
      throw RuleViolation.invalid("above-seniority",
          "'skillLevel': an endorsement is for a skill level above the candidate's seniority: " + candidate.userId() + " is level "
              + candidate.seniorityLevel() + ", so " + skillCode + ":" + skillLevel + " cannot be endorsed.");
    }
  }

  public void checkReviewer(Engineer reviewer, String endorserId, String candidateId) {
    FourEyes.checkEndorsementReviewer(reviewer.userId(), endorserId, candidateId);
    if (reviewer.seniorityLevel() < properties.minimumReviewerLevel()) {
      throw RuleViolation.forbidden("reviewer-level",
          reviewer.userId() + " (level " + reviewer.seniorityLevel() + ") may not review an endorsement: a reviewer is level "
              + properties.minimumReviewerLevel() + " or above (SEM, Principal, Head).");
    }
  }

  /** The start of the rolling period the endorsement cap counts in, ending now. */
  public Instant capPeriodStart(Instant now) {
    return now.atZone(zone).minus(properties.capPeriod()).toInstant();
  }

  /**
   * @param skillsEndorsedInPeriod the skills this endorser endorsed this candidate for within the
   *     rolling period (withdrawn endorsements included: the cap is on starting them)
   */
  public void checkEndorsementCap(String endorserId, String candidateId, String skillCode,
      Collection<String> skillsEndorsedInPeriod) {
    if (!skillsEndorsedInPeriod.contains(skillCode)
        && skillsEndorsedInPeriod.size() >= properties.skillsPerCandidateCap()) {
      throw RuleViolation.conflict("endorsement-cap",
          "Endorsement cap reached: " + endorserId + " endorsed " + candidateId + " for "
              + skillsEndorsedInPeriod.size() + " skills " + skillsEndorsedInPeriod.stream().sorted().toList()
              + " in the last " + properties.capPeriod() + "; at most " + properties.skillsPerCandidateCap()
              + " per candidate in that period. Endorse in moderation, or ask another leader to review the candidate.");
    }
  }

  public void checkOpenRequestCap(String candidateId, long openRequests) {
    if (openRequests >= properties.openRequestCap()) {
      throw RuleViolation.conflict("open-request-cap",
          "Open request cap reached: " + candidateId + " has " + openRequests + " endorsement requests waiting for an answer;"
              + " at most " + properties.openRequestCap() + " may be open at once. Ask again when one is answered.");
    }
  }
}
