package org.microcredentials;

import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules an organisation tunes without a code change (prefix {@code microcredentials}). The defaults in the
 * constructor are the only place the shipped values are written; docs/operations.md lists them.
 *
 * @param passMark lowest score (0..10) that passes
 * @param monthlyCap self-submissions a candidate may start per calendar month (resubmissions excluded)
 * @param timeZone the organisation's time zone: where a calendar month begins and ends
 * @param minimumAssessorLevel lowest seniority of an assessor or peer reviewer
 * @param twoReviewersFromLevel applied level from which two peer reviewers are needed instead of one
 * @param credentialValidity how long a credential counts for promotion after issue
 */
@ConfigurationProperties("microcredentials")
public record MicroCredentialsProperties(
    Integer passMark,
    Integer monthlyCap,
    ZoneId timeZone,
    Integer minimumAssessorLevel,
    Integer twoReviewersFromLevel,
    Period credentialValidity) {

  public MicroCredentialsProperties {
    passMark = passMark == null ? 8 : passMark;
    monthlyCap = monthlyCap == null ? 2 : monthlyCap;
    timeZone = timeZone == null ? ZoneId.of("Europe/London") : timeZone;
    minimumAssessorLevel = minimumAssessorLevel == null ? 4 : minimumAssessorLevel;
    twoReviewersFromLevel = twoReviewersFromLevel == null ? 4 : twoReviewersFromLevel;
    credentialValidity = credentialValidity == null ? Period.ofYears(2) : credentialValidity;
  }

  public static MicroCredentialsProperties defaults() {
    return new MicroCredentialsProperties(null, null, null, null, null, null);
  }
}
