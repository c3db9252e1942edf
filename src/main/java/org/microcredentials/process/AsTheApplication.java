package org.microcredentials.process;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/**
 * Work the application does for itself while a person's request is running (reading the models for the SLA report,
 * deploying the start forms after a framework change): without the person's engine authentication, so that none of
 * their authorizations apply, nor the result limit of an authenticated caller's query; theirs is restored after.
 */
public final class AsTheApplication {

  private AsTheApplication() {
  }

  public static <T> T call(IdentityService identity, Supplier<T> work) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller.getUserId(), caller.getGroupIds(), caller.getTenantIds());
      }
    }
  }
}
