package org.microcredentials.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.microcredentials.notification.Message;
import org.microcredentials.notification.Notifier;

/**
 * Counts every message any node sends, with the process step that sent it. Shared by all nodes
 * of the JVM, so a step executed twice (on one node or on both) shows as two entries even when
 * one of the two transactions rolled back: exactly what a real mail server would have received.
 *
 * <p>Test code only: the engine's {@code Context} is an internal API, used here to learn which
 * instance and step is sending without changing the production seam.
 */
class RecordingNotifier implements Notifier {

  record Sent(String processInstanceId, String businessKey, String activityId, String recipient, String subject) {
  }

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public void send(Message message) {
    DelegateExecution execution = Context.getBpmnExecutionContext().getExecution();
    sent.add(new Sent(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
        execution.getCurrentActivityId(), message.toUserId(), message.subject()));
  }

  List<Sent> sent() {
    return List.copyOf(sent);
  }

  void clear() {
    sent.clear();
  }
}
