package org.microcredentials.process;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Tasklist and Cockpit call the engine through the webapps' own JAX-RS application ({@code
 * /camunda/api/engine/*}), not through {@code /engine-rest}, and the starter gives us no hook to
 * add a provider to it. Jersey's auto-discovery (META-INF/services) adds {@link
 * EngineRestConfiguration}'s mappers to every Jersey application of ours, so a claim refused by a
 * rule answers 403 with the rule in Tasklist too, not 500.
 */
public class RuleViolationsEverywhere implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mapper : new Class<?>[] {EngineRestConfiguration.WrappedRuleViolations.class,
        EngineRestConfiguration.WrappedRuleViolationsInRestExceptions.class}) {
      if (!context.getConfiguration().isRegistered(mapper)) {
        context.register(mapper);
      }
    }
  }
}
