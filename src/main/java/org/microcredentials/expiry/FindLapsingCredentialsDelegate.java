package org.microcredentials.expiry;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
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
    ArrayList<String> lapsing = new ArrayList<>(reminders.pickLapsing(execution.getProcessInstanceId()));
    execution.setVariable(CredentialExpiryProcess.Variables.LAPSING_CREDENTIALS, Variables.objectValue(lapsing)
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }
}
