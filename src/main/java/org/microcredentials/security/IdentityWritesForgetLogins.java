package org.microcredentials.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A change to Camunda's users, groups or tenants through the engine's REST API ({@code /engine-rest/user/...},
 * {@code /group/...}, {@code /tenant/...}) or Camunda Admin ({@code /camunda/api/...} with the same segments) that
 * succeeded: every {@link RecentLogins recent login} is forgotten, so a changed password or a removed membership
 * takes effect on this node at once. Reads change nothing and forget nothing, and neither does a sign-in or sign-out
 * of the webapps ({@code /camunda/api/admin/auth/user/{engine}/login/{app}} and {@code .../{engine}/logout}, where
 * Cockpit, Tasklist, Admin and the welcome page all sign in): else every sign-in would forget everyone's logins.
 */
final class IdentityWritesForgetLogins extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> IDENTITY_SEGMENTS = Set.of("user", "group", "tenant");
  /** Camunda Admin's authentication resource as segments: it only signs in and out, nothing else is under it. */
  private static final List<String> WEBAPP_AUTHENTICATION = List.of("", "camunda", "api", "admin", "auth", "user");

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

  /**
   * Whether the path, as the servlet container decoded it (so {@code %75ser} is {@code user}), names an identity, in
   * any case, and is not a webapp's sign-in or sign-out.
   */
  static boolean changesIdentity(HttpServletRequest request) {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (signsInOrOut(request, path)) {
      return false;
    }
    for (String segment : path.split("/")) {
      if (IDENTITY_SEGMENTS.contains(segment.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Exactly {@code /camunda/api/admin/auth/user/{engine}/login/{app}} or {@code .../auth/user/{engine}/logout}, sent
   * as it reads (nothing encoded, no path parameter, nothing the container normalised): any other spelling (another
   * case, an empty or dot segment, a trailing slash) is not taken for one, and forgets if it names an identity.
   */
  private static boolean signsInOrOut(HttpServletRequest request, String path) {
    if (!request.getRequestURI().equals(request.getContextPath() + path)) {
      return false;
    }
    List<String> segments = List.of(path.split("/", -1));
    int prefix = WEBAPP_AUTHENTICATION.size();
    if (segments.size() <= prefix || !segments.subList(0, prefix).equals(WEBAPP_AUTHENTICATION)) {
      return false;
    }
    List<String> rest = segments.subList(prefix, segments.size());
    if (rest.stream().anyMatch(segment -> segment.isEmpty() || segment.equals(".") || segment.equals(".."))) {
      return false;
    }
    return rest.size() == 3 && rest.get(1).equals("login") || rest.size() == 2 && rest.get(1).equals("logout");
  }
}
