package org.microcredentials.report;

import java.util.Arrays;
import java.util.Optional;

/** The reports of CONTRACT.md ("Reports"), by the name {@code /api/reports/{name}} takes. */
public enum ReportName {
  SUBMISSIONS("submissions"),
  PASS_RATE("pass-rate"),
  TIME_TO_OUTCOME("time-to-outcome"),
  TIME_TO_ENDORSEMENT("time-to-endorsement"),
  SLA_BREACHES("sla-breaches"),
  CREDENTIALS_BY_SKILL_LEVEL("credentials-by-skill-level"),
  ENDORSEMENTS_BY_ENDORSER("endorsements-by-endorser"),
  CREDENTIALS_AND_PROMOTIONS("credentials-and-promotions");

  private final String slug;

  ReportName(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  public static Optional<ReportName> of(String slug) {
    return Arrays.stream(values()).filter(name -> name.slug.equals(slug)).findFirst();
  }
}
