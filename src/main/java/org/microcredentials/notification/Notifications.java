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
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * What a notification step says, and to whom: each recipient (user ids and {@code group:<id>}, comma-separated; only
 * people with an address; none of those excepted) gets the template rendered with the step's values, their first
 * name as {@code recipientName}, the business key as {@code businessKey} and the organisation's configured rules as
 * {@code rules} ({@link QuotedRules}). People's names and addresses come from
 * the identity service. A delivery that fails is counted and thrown, so the sending job retries.
 */
@Service
public class Notifications {

  /**
   * One notification step as a model configures it: the template, the recipients and who of them is not written
   * ({@code except}, may be null), the values the template reads, and the step's identity ({@code sendingStep}: the
   * same each time the same step sends again, so a resent mail carries the same Message-ID).
   */
  public record Notification(String template, String to, String except, String businessKey,
      Map<String, Object> values, String sendingStep) {
  }

  private final NotificationTemplates templates;
  private final Notifier notifier;
  private final IdentityService identity;
  private final MeterRegistry meters;
  private final QuotedRules rules;

  Notifications(NotificationTemplates templates, Notifier notifier, IdentityService identity, MeterRegistry meters,
      QuotedRules rules) {
    this.templates = templates;
    this.rules = rules;
    this.notifier = notifier;
    this.identity = identity;
    this.meters = meters;
  }

  public void send(Notification notification) {
    Map<String, Object> values = new HashMap<>(notification.values());
    values.put("businessKey", notification.businessKey());
    values.put(QuotedRules.NAME, rules.values());
    Set<String> except = ids(notification.except());
    for (User recipient : recipients(notification.to())) {
      if (except.contains(recipient.getId())) {
        continue;
      }
      values.put("recipientName", recipient.getFirstName());
      NotificationTemplates.Rendered rendered = templates.render(notification.template(), values);
      try {
        notifier.send(new Message(recipient.getId(), recipient.getEmail(), rendered.subject(), rendered.body(),
            rendered.html(), notification.sendingStep() + "." + recipient.getId()));
      } catch (RuntimeException failure) {
        // Operations watch this (Prometheus): the job retries, and Cockpit shows an incident at last.
        Counter.builder("microcredentials.mail.failures")
            .description("Notification mails that failed to send (the job retries them), by template")
            .tag("template", String.valueOf(notification.template())).register(meters).increment();
        throw failure;
      }
    }
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
