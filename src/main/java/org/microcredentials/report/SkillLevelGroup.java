package org.microcredentials.report;

import java.time.LocalDate;

/** The rows of a report counted per period, skill, level and framework version (pass rate, credentials by skill). */
record SkillLevelGroup(LocalDate day, String skillCode, int skillLevel, int frameworkVersion)
    implements ReportDefinition.Group<SkillLevelGroup> {

  @Override
  public SkillLevelGroup on(LocalDate otherDay) {
    return new SkillLevelGroup(otherDay, skillCode, skillLevel, frameworkVersion);
  }
}
