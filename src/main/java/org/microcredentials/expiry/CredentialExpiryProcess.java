package org.microcredentials.expiry;

import java.util.List;
import org.microcredentials.process.ProcessVariable;

/** The contract of {@code processes/credential-expiry.bpmn}: its key, element ids and variables. */
public final class CredentialExpiryProcess {

  public static final String KEY = "CredentialExpiryProcess";

  public static final class Elements {
    public static final String START = "StartEvent_EveryDay";
    public static final String FIND_LAPSING_CREDENTIALS = "ServiceTask_FindLapsingCredentials";
    public static final String ANY_CREDENTIAL_LAPSING = "Gateway_AnyCredentialLapsing";
    public static final String REMIND_EACH_HOLDER = "SubProcess_RemindEachHolder";
    public static final String REMINDER_DUE = "StartEvent_ReminderDue";
    public static final String REMIND_HOLDER = "ServiceTask_RemindHolder";
    public static final String END_HOLDER_REMINDED = "EndEvent_HolderReminded";
    public static final String END_HOLDERS_REMINDED = "EndEvent_HoldersReminded";
    public static final String END_NONE_LAPSING = "EndEvent_NoneLapsing";

    private Elements() {
    }
  }

  public static final class Variables {
    /** Ids of the credentials whose holders this run reminds (a JSON list). */
    public static final ProcessVariable<List<String>> LAPSING_CREDENTIALS =
        ProcessVariable.textList("lapsingCredentials");
    // and one credential of the list in each instance of the reminder: credentialId, CredentialVariables
    // the reminder's mail (local variables of its step, from CredentialReminders)
    public static final ProcessVariable<String> CREDENTIAL_NAME = ProcessVariable.text("credentialName");
    public static final ProcessVariable<String> LAPSES_ON = ProcessVariable.text("lapsesOn");
    public static final ProcessVariable<String> VERIFICATION_URL = ProcessVariable.text("verificationUrl");

    private Variables() {
    }
  }

  /** The notification template, {@code notifications/credential-lapsing.txt}. */
  public static final String TEMPLATE = "credential-lapsing";

  private CredentialExpiryProcess() {
  }
}
