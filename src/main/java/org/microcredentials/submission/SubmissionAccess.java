package org.microcredentials.submission;

import org.microcredentials.access.ProcessAccess;
import org.microcredentials.framework.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What self-submissions need from the access rules: engineers start them; the SEM team reads every one. */
@Configuration
class SubmissionAccess {

  @Bean
  ProcessAccess selfSubmissionAccess() {
    return ProcessAccess.of(SelfSubmissionProcess.KEY).startedBy(Groups.ENGINEERS).instancesReadBy(Groups.SEM_TEAM);
  }

  @Bean
  ProcessAccess resubmissionAccess() {
    return ProcessAccess.of(ResubmissionProcess.KEY).modelReadBy(Groups.ENGINEERS).instancesReadBy(Groups.SEM_TEAM);
  }
}
