package org.microcredentials.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine knows who acts for the length of the request, as Camunda's own REST authentication filter does:
 * authorizations, {@code camunda:initiator} and our rules read {@code identityService.getCurrentAuthentication()}.
 * Cleared afterwards, so that a pooled thread never carries one person's identity into the next request.
 */
final class ActingUser extends OncePerRequestFilter {

  private final IdentityService identity;

  ActingUser(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CamundaUser user)) {
      chain.doFilter(request, response);
      return;
    }
    identity.setAuthentication(user.userId(), user.groupIds(), user.tenantIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
