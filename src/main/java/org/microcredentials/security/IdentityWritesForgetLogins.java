package org.microcredentials.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A change to Camunda's users, groups or tenants through the engine's REST API ({@code /engine-rest/user/...},
 * {@code /group/...}, {@code /tenant/...}) or Camunda Admin ({@code /camunda/api/...} with the same segments) that
 * succeeded: every {@link RecentLogins recent login} is forgotten, so a changed password or a removed membership
 * takes effect on this node at once. Reads change nothing and forget nothing.
 */
final class IdentityWritesForgetLogins extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> IDENTITY_SEGMENTS = Set.of("user", "group", "tenant");

  private final RecentLogins recentLogins;

  IdentityWritesForgetLogins(RecentLogins recentLogins) {
    this.recentLogins = recentLogins;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      if (!READS.contains(request.getMethod()) && response.getStatus() < 400 && changesIdentity(request)) {
        recentLogins.forgetAll();
      }
    }
  }

  /** Whether the path, as the servlet container decoded it (so {@code %75ser} is {@code user}), names an identity. */
  static boolean changesIdentity(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    for (String segment : path.split("/")) {
      if (IDENTITY_SEGMENTS.contains(segment)) {
        return true;
      }
    }
    return false;
  }
}
