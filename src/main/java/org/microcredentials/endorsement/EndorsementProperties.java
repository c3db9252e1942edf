package org.microcredentials.endorsement;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The endorsement rules an organisation tunes without a code change (prefix {@code microcredentials.endorsement}).
 * The defaults below are the only place the shipped values are written; docs/operations.md lists them.
 *
 * @param minimumEndorserLevel lowest seniority of an endorser (and of the leader a request asks)
 * @param minimumReviewerLevel lowest seniority of the leader who reviews an endorsement
 * @param minimumScore lowest score an endorser may give (the highest is 10)
 * @param openRequestCap endorsement requests a candidate may have open (unanswered) at once
 * @param requestExpiry how long a request waits for its leader's answer before it expires
 * @param skillsPerCandidateCap skills one leader may endorse one candidate for within {@code capPeriod}
 * @param capPeriod the rolling period of {@code skillsPerCandidateCap}
 */
@ConfigurationProperties("microcredentials.endorsement")
public record EndorsementProperties(
    Integer minimumEndorserLevel,
    Integer minimumReviewerLevel,
    Integer minimumScore,
    Integer openRequestCap,
    Duration requestExpiry,
    Integer skillsPerCandidateCap,
    Period capPeriod) {

  public EndorsementProperties {
    minimumEndorserLevel = minimumEndorserLevel == null ? 4 : minimumEndorserLevel;
    minimumReviewerLevel = minimumReviewerLevel == null ? 5 : minimumReviewerLevel;
    minimumScore = minimumScore == null ? 8 : minimumScore;
    openRequestCap = openRequestCap == null ? 2 : openRequestCap;
    requestExpiry = requestExpiry == null ? Duration.ofDays(14) : requestExpiry;
    skillsPerCandidateCap = skillsPerCandidateCap == null ? 3 : skillsPerCandidateCap;
    capPeriod = capPeriod == null ? Period.ofMonths(3) : capPeriod;
  }

  public static EndorsementProperties defaults() {
    return new EndorsementProperties(null, null, null, null, null, null, null);
  }
}
