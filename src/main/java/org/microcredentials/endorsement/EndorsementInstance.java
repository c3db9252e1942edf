package org.microcredentials.endorsement;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Which endorsement a step is of: its business key, the endorsement's record; and the engine's instance, whose
 * history holds the facts of an endorsement begun on an earlier release ({@link EndorsementsBegunEarlier}).
 */
record EndorsementInstance(String businessKey, String processInstanceId) {

  static EndorsementInstance of(DelegateExecution execution) {
    return new EndorsementInstance(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
  }
}
