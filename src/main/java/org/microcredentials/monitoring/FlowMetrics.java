package org.microcredentials.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.endorsement.EndorsementRegister;
import org.microcredentials.submission.ApplicationRegister;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counters and timers per flow, from the history events Camunda's Spring Boot eventing publishes
 * (a model a process owner adds is counted without a Java change): {@code microcredentials.flow.started}
 * per flow; {@code microcredentials.flow.outcome} per flow and outcome ({@code passed}, {@code failed},
 * {@code ended}), a timer of the time from start to outcome whose count is the number of outcomes;
 * {@code microcredentials.sla.escalations} each time an SLA timer (two weeks passed, a further week
 * passed) fires. Counted once the transaction commits, so a rolled-back step counts nothing.
 */
@Component
class FlowMetrics {

  private final MeterRegistry meters;
  private final ApplicationRegister applications;
  private final EndorsementRegister endorsements;

  FlowMetrics(MeterRegistry meters, ApplicationRegister applications, EndorsementRegister endorsements) {
    this.meters = meters;
    this.applications = applications;
    this.endorsements = endorsements;
  }

  @EventListener
  void onHistoryEvent(HistoryEvent event) {
    if (event instanceof HistoricProcessInstanceEventEntity instance) {
      String flow = flow(instance.getProcessDefinitionKey());
      if (instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
        Counter started = meters.counter("microcredentials.flow.started", "flow", flow);
        afterCommit(started::increment);
      } else if (instance.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
        Timer outcome = Timer.builder("microcredentials.flow.outcome")
            .description("Flows ended, by outcome, with the time from start to outcome")
            .tags("flow", flow, "outcome", outcome(instance))
            .register(meters);
        Long millis = instance.getDurationInMillis();
        afterCommit(() -> outcome.record(Duration.ofMillis(millis == null ? 0 : millis)));
      }
    } else if (event instanceof HistoricActivityInstanceEventEntity activity
        && activity.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_START)
        && "boundaryTimer".equals(activity.getActivityType())
        && (activity.getActivityId().endsWith("Overdue") || activity.getActivityId().endsWith("ReassignmentDue"))) {
      Counter escalations = meters.counter("microcredentials.sla.escalations",
          "flow", flow(activity.getProcessDefinitionKey()), "step", activity.getActivityId());
      afterCommit(escalations::increment);
    }
  }

  /**
   * What the flow yielded, as kept in our registers (the one home of each outcome). A metric never
   * fails the flow it counts: an instance without a row (deleted, refused at start) just "ended".
   */
  private String outcome(HistoricProcessInstanceEventEntity instance) {
    try {
      return recordedOutcome(instance);
    } catch (RuntimeException noRecord) {
      return "ended";
    }
  }

  private String recordedOutcome(HistoricProcessInstanceEventEntity instance) {
    String businessKey = instance.getBusinessKey();
    if (businessKey == null) {
      return "ended";
    }
    if (SelfSubmissionProcess.KEY.equals(instance.getProcessDefinitionKey())) {
      return switch (applications.status(businessKey)) {
        case PASSED -> "passed";
        case FAILED -> "failed";
        default -> "ended";
      };
    }
    if (EndorsementProcess.KEY.equals(instance.getProcessDefinitionKey())) {
      return switch (endorsements.status(businessKey)) {
        case APPROVED -> "passed";
        case WITHDRAWN -> "failed";
        default -> "ended";
      };
    }
    return "ended";
  }

  /** SelfSubmissionProcess becomes self-submission. */
  static String flow(String processDefinitionKey) {
    if (processDefinitionKey == null) {
      return "unknown";
    }
    String name = processDefinitionKey.endsWith("Process")
        ? processDefinitionKey.substring(0, processDefinitionKey.length() - "Process".length()) : processDefinitionKey;
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static void afterCommit(Runnable count) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          count.run();
        }
      });
    } else {
      count.run();
    }
  }
}
