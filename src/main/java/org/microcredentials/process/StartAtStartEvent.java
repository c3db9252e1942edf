package org.microcredentials.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.microcredentials.RuleViolation;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The engine's own refusal of a process instance that starts anywhere but at a start event, by
 * whatever path the start came (REST start instructions, Tasklist, a restart, Java): only an
 * administrator may start an instance part-way through its model. Runs on the engine's execution
 * events (Spring eventing with {@code camunda.bpm.eventing.skippable: false}, so a start that skips
 * custom listeners does not skip this), in the starting command's transaction: a refused start
 * leaves nothing behind.
 *
 * <p>On the instance's own start event, the current activity is where the instance begins: the
 * model's start event on an ordinary start, the instruction's target otherwise.
 */
@Component
class StartAtStartEvent {

  private final IdentityService identity;

  StartAtStartEvent(IdentityService identity) {
    this.identity = identity;
  }

  @EventListener
  public void onExecutionEvent(DelegateExecution execution) {
    if (!ExecutionListener.EVENTNAME_START.equals(execution.getEventName()) || !isInstanceStart(execution)) {
      return;
    }
    if (execution.getBpmnModelElementInstance() instanceof StartEvent || byAdministrator()) {
      return;
    }
    throw Refusals.toRest(RuleViolation.forbidden("start-at-start-event",
        "A process instance starts at its start event; starting at '" + execution.getCurrentActivityId()
            + "' is for administrators only."));
  }

  /** The instance's own start event, not an activity's: no activity instance of its own yet. */
  private static boolean isInstanceStart(DelegateExecution execution) {
    String activityInstance = execution.getActivityInstanceId();
    return execution.getId().equals(execution.getProcessInstanceId())
        && (activityInstance == null || activityInstance.equals(execution.getProcessInstanceId()));
  }

  private boolean byAdministrator() {
    return Actors.administratorActs(identity);
  }
}
