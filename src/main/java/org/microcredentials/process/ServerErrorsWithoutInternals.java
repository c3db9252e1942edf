package org.microcredentials.process;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Adds {@link EngineRestConfiguration.UnexpectedFailures} to every Jersey application of ours, as
 * {@link EngineApiProviders} does for the other providers: Tasklist's and Cockpit's engine API
 * ({@code /camunda/api/engine/*}) must not show an exception's message in a 5xx either.
 */
public class ServerErrorsWithoutInternals implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(EngineRestConfiguration.UnexpectedFailures.class)) {
      context.register(EngineRestConfiguration.UnexpectedFailures.class);
    }
  }
}
