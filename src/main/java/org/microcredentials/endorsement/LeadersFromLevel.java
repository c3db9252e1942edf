package org.microcredentials.endorsement;

import org.microcredentials.framework.Groups;
import org.microcredentials.framework.LevelGroups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The leaders' group follows the endorser's minimum level, the endorsement reviewers' group the reviewer's: the
 * rules {@link EndorsementPolicy} checks.
 */
@Configuration(proxyBeanMethods = false)
class LeadersFromLevel {

  @Bean
  LevelGroups.Threshold leadersGroup(EndorsementProperties properties) {
    return new LevelGroups.Threshold(Groups.LEADERS, "Engineering leaders", properties.minimumEndorserLevel());
  }

  @Bean
  LevelGroups.Threshold endorsementReviewersGroup(EndorsementProperties properties) {
    return new LevelGroups.Threshold(Groups.ENDORSEMENT_REVIEWERS, "Endorsement reviewers",
        properties.minimumReviewerLevel());
  }
}
