package org.microcredentials.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.microcredentials.process.ProcessVariable;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * A notification step of a model: a service task with {@code camunda:asyncBefore} and a retry
 * cycle, whose input parameters name the template ({@code notificationTemplate}) and the
 * recipients ({@code notificationTo}: user ids and {@code group:<id>}, comma-separated); who is written what is
 * {@link Notifications}'. A mail outage fails the job, not the person's task; after the retries Cockpit shows an incident.
 */
@Component
public class SendNotificationDelegate implements JavaDelegate {

  public static final ProcessVariable<String> TEMPLATE = ProcessVariable.text("notificationTemplate");
  public static final ProcessVariable<String> TO = ProcessVariable.text("notificationTo");
  public static final ProcessVariable<String> EXCEPT = ProcessVariable.text("notificationExcept");

  private final Notifications notifications;

  SendNotificationDelegate(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VariableReader parameters = VariableReader.of(execution);
    notifications.send(new Notifications.Notification(parameters.requiredText(TEMPLATE), parameters.requiredText(TO),
        parameters.optionalText(EXCEPT).orElse(null), execution.getProcessBusinessKey(), execution.getVariables(),
        sendingStep(execution)));
  }

  /**
   * What stays the same when this step's job runs again after a failure or a crash: the id of the job
   * being executed (the asynchronous continuation this step runs in; created and committed before it
   * ran) and the step. Outside a job, the execution and the step. Not the execution alone: the job may
   * create the execution it runs the step in (found by CrashFaultIT: a job rolled back by a kill and
   * run again sent the same mail under two Message-IDs). The engine's command context is the only
   * place that knows the job being executed (impl API; this class alone reads it).
   */
  private static String sendingStep(DelegateExecution execution) {
    CommandContext command = Context.getCommandContext();
    JobEntity job = command == null ? null : command.getCurrentJob();
    String step = execution.getCurrentActivityId();
    return (job != null ? job.getId() : execution.getId()) + "." + step;
  }
}
