package org.microcredentials.review;

import org.microcredentials.access.ProcessAccess;
import org.microcredentials.framework.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the review round needs from the access rules: engineers see its model, the SEM team reads every round. */
@Configuration
class ReviewRoundAccess {

  @Bean
  ProcessAccess reviewRoundProcessAccess() {
    return ProcessAccess.of(ReviewRoundProcess.KEY).modelReadBy(Groups.ENGINEERS).instancesReadBy(Groups.SEM_TEAM);
  }
}
