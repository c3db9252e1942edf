package org.microcredentials.review;

import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.framework.Groups;
import org.microcredentials.framework.LevelGroups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The assessors' group follows the assessor's minimum level, the rule {@link ReviewPolicy} checks. */
@Configuration(proxyBeanMethods = false)
class AssessorsFromLevel {

  @Bean
  LevelGroups.Threshold assessorsGroup(MicroCredentialsProperties properties) {
    return new LevelGroups.Threshold(Groups.ASSESSORS, "Assessors", properties.minimumAssessorLevel());
  }
}
