package org.microcredentials.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * A notification step of a model: a service task with {@code camunda:asyncBefore} and a retry
 * cycle, whose input parameters name the template ({@code notificationTemplate}) and the
 * recipients ({@code notificationTo}: user ids and {@code group:<id>}, comma-separated). A mail
 * outage fails the job, not the person's task; after the retries Cockpit shows an incident.
 */
@Component
public class SendNotificationDelegate implements JavaDelegate {

  public static final String TEMPLATE = "notificationTemplate";
  public static final String TO = "notificationTo";
  public static final String EXCEPT = "notificationExcept";

  private final NotificationTemplates templates;
  private final Notifier notifier;
  private final IdentityService identity;
  private final MeterRegistry meters;

  SendNotificationDelegate(NotificationTemplates templates, Notifier notifier, IdentityService identity,
      MeterRegistry meters) {
    this.templates = templates;
    this.notifier = notifier;
    this.identity = identity;
    this.meters = meters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VariableReader parameters = VariableReader.of(execution);
    String template = parameters.requiredText(TEMPLATE);
    Map<String, Object> values = new HashMap<>(execution.getVariables());
    values.put("businessKey", execution.getProcessBusinessKey());
    Set<String> except = ids(parameters.optionalText(EXCEPT).orElse(null));
    String sendingStep = sendingStep(execution);
    for (User recipient : recipients(parameters.requiredText(TO))) {
      if (except.contains(recipient.getId())) {
        continue;
      }
      values.put("recipientName", recipient.getFirstName());
      NotificationTemplates.Rendered rendered = templates.render(template, values);
      try {
        notifier.send(new Message(recipient.getId(), recipient.getEmail(), rendered.subject(), rendered.body(),
            rendered.html(), sendingStep + "." + recipient.getId()));
      } catch (RuntimeException failure) {
        // Operations watch this (Prometheus): the job retries, and Cockpit shows an incident at last.
        Counter.builder("microcredentials.mail.failures")
            .description("Notification mails that failed to send (the job retries them), by template")
            .tag("template", String.valueOf(template)).register(meters).increment();
        throw failure;
      }
    }
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

  private static Set<String> ids(String commaSeparated) {
    Set<String> ids = new LinkedHashSet<>();
    if (commaSeparated != null) {
      for (String id : commaSeparated.split(",")) {
        if (!id.isBlank()) {
          ids.add(id.strip());
        }
      }
    }
    return ids;
  }

  private List<User> recipients(String to) {
    // A group's members come with the group query: no second query per member (found by the benchmark, docs/performance.md).
    Map<String, User> users = new LinkedHashMap<>();
    for (String entry : to.split(",")) {
      String id = entry.strip();
      if (id.startsWith("group:")) {
        identity.createUserQuery().memberOfGroup(id.substring("group:".length()))
            // Every member is told, however large the group: queryMaxResultsLimit is for callers' queries.
            .unlimitedList()
            .forEach(user -> users.putIfAbsent(user.getId(), user));
      } else if (!id.isEmpty() && !users.containsKey(id)) {
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user != null) {
          users.put(id, user);
        }
      }
    }
    List<User> withAddress = new ArrayList<>();
    for (User user : users.values()) {
      if (user.getEmail() != null) {
        withAddress.add(user);
      }
    }
    return withAddress;
  }
}
