package org.microcredentials.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A state-changing request that a browser marks as sent by another site is refused (403, rule
 * {@code same-site-only}), whatever it authenticates with. HTTP Basic is sent by the browser on its own once
 * typed: without this, any page an administrator visits could post a form to {@code /engine-rest/deployment/create}
 * or {@code /api/skills/{code}/retire} in their name. Browsers say where a request comes from ({@code Origin} on
 * every cross-origin POST, {@code Sec-Fetch-Site} in current browsers) and a page cannot forge either; API clients
 * send neither and keep working, so no token is needed.
 *
 * <p>Refused: {@code Sec-Fetch-Site: cross-site} (or {@code same-site}: another host of the same site), an
 * {@code Origin} whose scheme, host or port is not the request's own (nor the configured public address), and
 * {@code Origin: null} (sandboxed frames, redirects across sites). GET, HEAD and OPTIONS change nothing and pass.
 */
final class SameSiteOnly extends OncePerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private final String publicOrigin;
  private final RequestMatcher open;

  /**
   * @param open calls open to anyone without an account (the public verification): from another site they
   *     carry no one's authority, and a verifier's page elsewhere may post to them
   */
  SameSiteOnly(String publicUrl, RequestMatcher open) {
    this.publicOrigin = publicUrl == null || publicUrl.isBlank() ? null : origin(URI.create(publicUrl.trim()));
    this.open = open;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SAFE_METHODS.contains(request.getMethod()) || open.matches(request) || isSameSite(request)) {
      chain.doFilter(request, response);
      return;
    }
    Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "same-site-only", "Forbidden",
        "A request that changes something is accepted only from this application's own pages or from clients "
            + "that are not browsers; the browser said this one comes from another site.");
  }

  boolean isSameSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && (fetchSite.equalsIgnoreCase("cross-site") || fetchSite.equalsIgnoreCase("same-site"))) {
      return false;
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String claimed;
    try {
      URI uri = URI.create(origin.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return false; // "null", or nothing a browser sends for a page of ours
      }
      claimed = origin(uri);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    return claimed.equals(ownOrigin(request)) || claimed.equals(publicOrigin);
  }

  private static String ownOrigin(HttpServletRequest request) {
    return normalised(request.getScheme(), request.getServerName(), request.getServerPort());
  }

  private static String origin(URI uri) {
    return normalised(uri.getScheme(), uri.getHost(), uri.getPort());
  }

  private static String normalised(String scheme, String host, int port) {
    String lowerScheme = scheme.toLowerCase(Locale.ROOT);
    int effectivePort = port >= 0 ? port : "https".equals(lowerScheme) ? 443 : 80;
    return lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + effectivePort;
  }
}
