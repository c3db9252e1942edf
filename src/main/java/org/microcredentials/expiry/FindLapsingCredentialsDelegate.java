package org.microcredentials.expiry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The day's credentials to remind of, picked once each (see {@link CredentialReminders#pickLapsing}). */
@Component
class FindLapsingCredentialsDelegate implements JavaDelegate {

  private final CredentialReminders reminders;

  FindLapsingCredentialsDelegate(CredentialReminders reminders) {
    this.reminders = reminders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CredentialExpiryProcess.Variables.LAPSING_CREDENTIALS.on(execution,
        reminders.pickLapsing(execution.getProcessInstanceId()));
  }
}
