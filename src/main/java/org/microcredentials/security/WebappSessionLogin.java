package org.microcredentials.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.microcredentials.process.SignedIn;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone logged in to Tasklist or Cockpit is logged in on our browser pages too (the reports): their
 * webapp session authenticates the request, so a browser never needs HTTP Basic for us. Their groups and tenants
 * read a moment ago are reused ({@link CamundaUsers#signedIn}).
 */
final class WebappSessionLogin extends OncePerRequestFilter {

  private final CamundaUsers users;
  private final String engineName;

  WebappSessionLogin(CamundaUsers users, String engineName) {
    this.users = users;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!(SecurityContextHolder.getContext().getAuthentication() instanceof CamundaUser)) {
      SignedIn.webappSessionUser(request, engineName).ifPresent(user -> {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(users.signedIn(user));
        SecurityContextHolder.setContext(context);
      });
    }
    chain.doFilter(request, response);
  }
}
