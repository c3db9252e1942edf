package org.microcredentials.testing;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;

/**
 * BpmnAwareTests' {@code isWaitingAt}, {@code hasPassed}, {@code hasNotPassed} and {@code isEnded} for an
 * application rather than one process instance: an application's work is spread over the instances
 * that carry its business key (the self-submission, the review rounds it calls, a resubmission), so
 * "the application waits at Task_AssessEvidence" holds when any of them waits there.
 */
public class ApplicationAssert {

  private final ProcessEngine engine;
  private final ProcessInstance instance;

  ApplicationAssert(ProcessEngine engine, ProcessInstance instance) {
    this.engine = engine;
    this.instance = instance;
  }

  /** The application of this instance, on the engine {@code BpmnAwareTests.init} was given. */
  public static ApplicationAssert assertThatApplication(ProcessInstance instance) {
    return new ApplicationAssert(AbstractAssertions.processEngine(), instance);
  }

  public ApplicationAssert isWaitingAt(String... activityIds) {
    List<ProcessInstance> running = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).list();
    for (String activityId : activityIds) {
      AssertionError last = new AssertionError("No instance of " + instance.getBusinessKey() + " is running");
      boolean waiting = false;
      for (ProcessInstance open : running) {
        try {
          BpmnAwareTests.assertThat(open).isWaitingAt(activityId);
          waiting = true;
          break;
        } catch (AssertionError notThere) {
          last = notThere;
        }
      }
      if (!waiting) {
        throw new AssertionError("Application " + instance.getBusinessKey() + " is not waiting at " + activityId, last);
      }
    }
    return this;
  }

  public ApplicationAssert hasPassed(String... activityIds) {
    for (String activityId : activityIds) {
      if (passed(activityId) == 0) {
        throw new AssertionError("Application " + instance.getBusinessKey() + " has not passed " + activityId);
      }
    }
    return this;
  }

  public ApplicationAssert hasNotPassed(String... activityIds) {
    for (String activityId : activityIds) {
      if (passed(activityId) > 0) {
        throw new AssertionError("Application " + instance.getBusinessKey() + " has passed " + activityId);
      }
    }
    return this;
  }

  /** The instance itself (the self-submission) has ended. */
  public ApplicationAssert isEnded() {
    BpmnAwareTests.assertThat(instance).isEnded();
    return this;
  }

  private long passed(String activityId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(instance.getBusinessKey()).list().stream()
        .map(HistoricProcessInstance::getId)
        .mapToLong(id -> engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id)
            .activityId(activityId).finished().count())
        .sum();
  }
}
