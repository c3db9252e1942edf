package org.microcredentials.endorsement;

import org.microcredentials.access.ProcessAccess;
import org.microcredentials.framework.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What endorsements need from the access rules: engineers ask for one, leaders endorse, every engineer sees the model. */
@Configuration
class EndorsementAccess {

  @Bean
  ProcessAccess endorsementRequestAccess() {
    return ProcessAccess.of(EndorsementRequestProcess.KEY).startedBy(Groups.ENGINEERS);
  }

  @Bean
  ProcessAccess endorsementProcessAccess() {
    return ProcessAccess.of(EndorsementProcess.KEY).startedBy(Groups.LEADERS).modelReadBy(Groups.ENGINEERS);
  }
}
