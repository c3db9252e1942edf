package org.microcredentials.promotion;

import org.microcredentials.access.ProcessAccess;
import org.microcredentials.framework.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What promotion applications need from the access rules: engineers apply; the SEM team reads every one. */
@Configuration
class PromotionAccess {

  @Bean
  ProcessAccess promotionApplicationAccess() {
    return ProcessAccess.of(PromotionApplicationProcess.KEY).startedBy(Groups.ENGINEERS).instancesReadBy(Groups.SEM_TEAM);
  }
}
