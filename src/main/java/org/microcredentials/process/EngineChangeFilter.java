package org.microcredentials.process;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import java.io.IOException;

/**
 * A filter of the calls that change something in the engine (not GET, HEAD or OPTIONS), told which
 * resource class and method Jersey routed the call to.
 */
abstract class EngineChangeFilter implements ContainerRequestFilter {

  @Context
  ResourceInfo resourceInfo;

  @Override
  public final void filter(ContainerRequestContext context) throws IOException {
    EngineRequests request = new EngineRequests(context, resourceInfo);
    if (!request.reads()) {
      filter(request, request.resourceClass(), request.resourceMethod());
    }
  }

  protected abstract void filter(EngineRequests request, String resource, String method) throws IOException;
}
