package org.microcredentials.testing;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every application test starts from: no instance, and none of our rows but the organisation and framework
 * (no wallet connected either: a wallet a test left would show in the next test's portfolio).
 */
public final class CleanSlate {

  /** Children before parents, so no foreign key is in the way. */
  private static final String[] TABLES = {"wallet_consent_request", "wallet_token", "wallet_authorization_code",
      "wallet_client", "promotion_skill", "promotion_application", "credential_revocation", "status_list_document", "credential_lapse_reminder", "credential", "evidence_version", "peer_review", "application", "endorsement", "endorsement_request"};

  private CleanSlate() {
  }

  public static void clear(ProcessEngine engine, JdbcClient jdbc) {
    clearKeepingCredentials(engine, jdbc, java.util.Set.of());
  }

  /**
   * As {@link #clear}, but the credentials with these source keys stay: seeded once (issuing signs each, which
   * costs), they serve a test's many rounds.
   */
  public static void clearKeepingCredentials(ProcessEngine engine, JdbcClient jdbc, java.util.Set<String> sourceKeys) {
    // Deleting a root instance deletes the instances it called.
    engine.getRuntimeService().createProcessInstanceQuery().rootProcessInstances().list()
        .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test clean-up", true, true));
    for (String table : TABLES) {
      if (table.equals("credential") && !sourceKeys.isEmpty()) {
        jdbc.sql("delete from credential where source_key not in (:kept)").param("kept", sourceKeys).update();
      } else {
        jdbc.sql("delete from " + table).update();
      }
    }
  }
}
