package org.microcredentials.process;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Tasklist and Cockpit call the engine through the webapps' own JAX-RS application ({@code
 * /camunda/api/engine/*}), not through {@code /engine-rest}, and the starter gives us no hook to
 * add a provider to it. Jersey's auto-discovery (META-INF/services) adds our providers to every
 * Jersey application of ours: a claim refused by a rule answers 403 with the rule in Tasklist too,
 * not 500, and a task and a start take only their form's fields there too ({@link TaskInputsFilter},
 * {@link StartInputsFilter}).
 */
public class EngineApiProviders implements ForcedAutoDiscoverable {

  static final Class<?>[] PROVIDERS = {EngineRestConfiguration.WrappedRuleViolations.class,
      EngineRestConfiguration.WrappedRuleViolationsInRestExceptions.class,
      EngineRestConfiguration.SpringDataFailures.class, EngineRestConfiguration.UnexpectedFailures.class,
      TaskInputsFilter.class, StartInputsFilter.class};

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> provider : PROVIDERS) {
      if (!context.getConfiguration().isRegistered(provider)) {
        context.register(provider);
      }
    }
  }
}
