package org.microcredentials.access;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Adds {@link EngineAllowListFilter} to every Jersey application of ours: {@code /engine-rest} and the
 * webapps' engine API, which Tasklist and Cockpit call and to which the starter offers no other hook.
 */
public class EngineAllowListProviders implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(EngineAllowListFilter.class)) {
      context.register(EngineAllowListFilter.class);
    }
  }
}
