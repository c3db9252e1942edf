package org.microcredentials.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The response guideline the models read ({@code ${sla...}}): every assessor and reviewer task is
 * due two weeks after it is created; when it is overdue its owner is reminded and the SEM team
 * told; a further week on, the SEM team gets a task to hand the work to someone else. A candidate
 * who leaves a failed application alone for 90 days closes it. All durations are configuration
 * ({@code microcredentials.sla.*}, defaults in {@link ServiceLevelProperties}), so process owners and tests change
 * them without code.
 */
@Component("sla")
public class ServiceLevels {

  private final Duration responseTime;
  private final Duration reassignAfter;
  private final Duration candidateIdleTimeout;
  private final Clock clock;

  ServiceLevels(ServiceLevelProperties properties, Clock clock) {
    this.responseTime = properties.responseTime();
    this.reassignAfter = properties.reassignAfter();
    this.candidateIdleTimeout = properties.candidateIdleTimeout();
    this.clock = clock;
  }

  /** How long an assessor or reviewer has for a task before it is overdue. */
  public Duration responseTime() {
    return responseTime;
  }

  /** How much longer an overdue task waits before the SEM team is asked to hand it to someone else. */
  public Duration furtherWaitBeforeReassignment() {
    return reassignAfter;
  }

  /** The due date Tasklist shows on an assessor or reviewer task created now. */
  public Date dueDate() {
    return Date.from(clock.instant().plus(responseTime));
  }

  /** Timer duration (ISO 8601) from a task's start to its escalation. */
  public String getEscalateAfter() {
    return responseTime.toString();
  }

  /** Timer duration from a task's start to the SEM team's reassignment task. */
  public String getReassignAfter() {
    return responseTime.plus(reassignAfter).toString();
  }

  /** Timer duration after which a candidate's silence closes a failed application. */
  public String getCandidateIdleTimeout() {
    return candidateIdleTimeout.toString();
  }
}
