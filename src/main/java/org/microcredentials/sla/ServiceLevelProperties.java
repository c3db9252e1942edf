package org.microcredentials.sla;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The review round's response guideline, which process owners tune without a code change (prefix
 * {@code microcredentials.sla}). The defaults below are the only place the shipped values are written.
 *
 * @param responseTime how long an assessor or reviewer has for a task before it is overdue
 * @param reassignAfter how much longer an overdue task waits before the SEM team is asked to hand it on
 * @param candidateIdleTimeout how long a candidate may leave a failed application alone before it closes
 */
@ConfigurationProperties("microcredentials.sla")
public record ServiceLevelProperties(Duration responseTime, Duration reassignAfter, Duration candidateIdleTimeout) {

  public ServiceLevelProperties {
    responseTime = responseTime == null ? Duration.ofDays(14) : responseTime;
    reassignAfter = reassignAfter == null ? Duration.ofDays(7) : reassignAfter;
    candidateIdleTimeout = candidateIdleTimeout == null ? Duration.ofDays(90) : candidateIdleTimeout;
  }

  public static ServiceLevelProperties defaults() {
    return new ServiceLevelProperties(null, null, null);
  }
}
