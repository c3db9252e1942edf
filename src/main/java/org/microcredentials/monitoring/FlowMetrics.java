package org.microcredentials.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.endorsement.EndorsementRegister;
import org.microcredentials.promotion.PromotionApplicationProcess;
import org.microcredentials.promotion.PromotionRegister;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counters and timers per flow, from the execution events Camunda's Spring Boot eventing publishes
 * ({@code camunda.bpm.eventing.execution}, public API: a model a process owner adds is counted without
 * a Java change): {@code microcredentials.flow.started} per flow; {@code microcredentials.flow.outcome}
 * per flow and outcome ({@code passed}, {@code failed}, {@code ended}), a timer of the time from start
 * to outcome whose count is the number of outcomes; {@code microcredentials.sla.escalations} each time
 * an SLA timer (two weeks passed, a further week passed) fires. Counted once the transaction commits,
 * so a rolled-back step counts nothing.
 */
@Component
class FlowMetrics {

  private final MeterRegistry meters;
  private final ApplicationRegister applications;
  private final EndorsementRegister endorsements;
  private final PromotionRegister promotions;
  private final JdbcClient jdbc;

  FlowMetrics(MeterRegistry meters, ApplicationRegister applications, EndorsementRegister endorsements,
      PromotionRegister promotions, JdbcClient jdbc) {
    this.meters = meters;
    this.applications = applications;
    this.endorsements = endorsements;
    this.promotions = promotions;
    this.jdbc = jdbc;
  }

  @EventListener
  public void onExecutionEvent(DelegateExecution execution) {
    String event = execution.getEventName();
    if (ExecutionListener.EVENTNAME_START.equals(event)) {
      if (isInstanceEvent(execution)) {
        Counter started = Counter.builder("microcredentials.flow.started")
            .description("Flows started (process instances of the application's models), by flow")
            .tag("flow", flow(processKey(execution))).register(meters);
        afterCommit(started::increment);
      } else if (isSlaTimer(execution)) {
        Counter escalations = Counter.builder("microcredentials.sla.escalations")
            .description("SLA timers fired (a deadline passed on an open task), by flow and timer")
            .tags("flow", flow(processKey(execution)), "step", execution.getCurrentActivityId()).register(meters);
        afterCommit(escalations::increment);
      }
    } else if (ExecutionListener.EVENTNAME_END.equals(event) && isInstanceEvent(execution)) {
      String processKey = processKey(execution);
      Timer outcome = Timer.builder("microcredentials.flow.outcome")
          .description("Flows ended, by outcome, with the time from start to outcome")
          .tags("flow", flow(processKey), "outcome", outcome(processKey, execution.getProcessBusinessKey()))
          .register(meters);
      String instanceId = execution.getProcessInstanceId();
      // The engine's own duration, as its history keeps it once the end is committed.
      afterCommit(() -> outcome.record(duration(instanceId)));
    }
  }

  /** The process instance's own start or end, not one of its activities'. */
  private static boolean isInstanceEvent(DelegateExecution execution) {
    String activityInstance = execution.getActivityInstanceId();
    return execution.getId().equals(execution.getProcessInstanceId())
        && (activityInstance == null || activityInstance.equals(execution.getProcessInstanceId()));
  }

  /** A timer on a task whose id says it is a deadline: {@code ...Overdue}, {@code ...ReassignmentDue}. */
  private static boolean isSlaTimer(DelegateExecution execution) {
    String activityId = execution.getCurrentActivityId();
    if (activityId == null || !(activityId.endsWith("Overdue") || activityId.endsWith("ReassignmentDue"))) {
      return false;
    }
    return modelElement(execution) instanceof BoundaryEvent boundary
        && boundary.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance);
  }

  /** The process' id in its model, which is the process definition key. */
  static String processKey(DelegateExecution execution) {
    ModelElementInstance element = modelElement(execution);
    while (element != null && !(element instanceof Process)) {
      element = element.getParentElement();
    }
    if (element instanceof Process process) {
      return process.getId();
    }
    List<Process> executable = execution.getBpmnModelInstance().getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable).toList();
    return executable.size() == 1 ? executable.get(0).getId() : null;
  }

  /** Where the execution is in its model; null where it is at no flow element (the instance's own end). */
  private static ModelElementInstance modelElement(DelegateExecution execution) {
    try {
      return execution.getBpmnModelElementInstance();
    } catch (RuntimeException notAFlowElement) {
      return null;
    }
  }

  /**
   * Read from Camunda's history table as the reports read it, not through HistoryService: its query
   * sees only what the user who ended the flow may read (authorization checks are on).
   */
  private Duration duration(String processInstanceId) {
    try {
      Long millis = jdbc.sql("select duration_ from act_hi_procinst where id_ = ?").param(processInstanceId)
          .query(Long.class).optional().orElse(null);
      return Duration.ofMillis(millis == null ? 0 : millis);
    } catch (RuntimeException unavailable) {
      // A metric never fails what it counts (after the commit, the caller would see the failure).
      return Duration.ZERO;
    }
  }

  /**
   * What the flow yielded, as kept in our registers (the one home of each outcome). A metric never
   * fails the flow it counts: an instance without a row (deleted, refused at start) just "ended".
   */
  private String outcome(String processKey, String businessKey) {
    try {
      return recordedOutcome(processKey, businessKey);
    } catch (RuntimeException noRecord) {
      return "ended";
    }
  }

  private String recordedOutcome(String processKey, String businessKey) {
    if (businessKey == null) {
      return "ended";
    }
    if (SelfSubmissionProcess.KEY.equals(processKey)) {
      return switch (applications.status(businessKey)) {
        case PASSED -> "passed";
        case FAILED -> "failed";
        default -> "ended";
      };
    }
    if (EndorsementProcess.KEY.equals(processKey)) {
      return switch (endorsements.status(businessKey)) {
        case APPROVED -> "passed";
        case WITHDRAWN -> "failed";
        default -> "ended";
      };
    }
    if (PromotionApplicationProcess.KEY.equals(processKey)) {
      return promotions.find(businessKey).map(promotion -> switch (promotion.status()) {
        case PROMOTED -> "passed";
        case NOT_PROMOTED -> "failed";
        default -> "ended";
      }).orElse("ended");
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
