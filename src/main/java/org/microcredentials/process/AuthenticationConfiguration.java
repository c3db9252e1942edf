package org.microcredentials.process;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against Camunda's identity service on {@code /engine-rest} and on our {@code /api}:
 * 401 without valid credentials; with them, the engine knows who acts for the request.
 */
@Configuration
class AuthenticationConfiguration {

  private static final String HTTP_BASIC =
      "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider";

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    return basicAuthentication("/engine-rest/*", null, 1);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
    // Spring MVC serves /api from the root servlet: the prefix tells the filter which part of
    // the path to read, so it never mistakes /api/... for an unauthenticated root request.
    return basicAuthentication("/api/*", "/api", 2, new PublicVerificationPassingFilter());
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(String urlPattern,
      String servletPathPrefix, int order) {
    return basicAuthentication(urlPattern, servletPathPrefix, order, new ProcessEngineAuthenticationFilter());
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(String urlPattern,
      String servletPathPrefix, int order, ProcessEngineAuthenticationFilter filter) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns(urlPattern);
    registration.addInitParameter("authentication-provider", HTTP_BASIC);
    if (servletPathPrefix != null) {
      registration.addInitParameter("servlet-path-prefix", servletPathPrefix);
    }
    registration.setName("basicAuthentication" + order);
    registration.setOrder(order);
    return registration;
  }

  /**
   * Anyone may verify a credential without an account (issue 5): {@code POST /api/credentials/verify},
   * and what a verifier reads: the issuer profile, its published keys and the revocation list; since
   * issue 16 also each key at the URL proofs name (JWK, Multikey), endorsers' controller documents and
   * the Bitstring Status Lists. Everything else under {@code /api} still needs HTTP Basic.
   */
  static final class PublicVerificationPassingFilter extends ProcessEngineAuthenticationFilter {

    private static final Set<String> PUBLIC_GETS =
        Set.of("/api/issuer", "/api/issuer/jwks", "/api/credentials/revocations");
    private static final String MULTIBASE_KEY = "z[1-9A-HJ-NP-Za-km-z]{1,64}";
    private static final String USER_ID = "[A-Za-z0-9._-]{1,64}";
    private static final List<Pattern> PUBLIC_GET_PATTERNS = List.of(
        Pattern.compile("/api/issuer/jwks/[A-Za-z0-9_-]{1,64}"),
        Pattern.compile("/api/issuer/keys/" + MULTIBASE_KEY),
        Pattern.compile("/api/issuer/endorsers/" + USER_ID),
        Pattern.compile("/api/issuer/endorsers/" + USER_ID + "/keys/" + MULTIBASE_KEY),
        Pattern.compile("/api/credentials/status/[0-9]{1,9}"));
    private static final String PUBLIC_POST = "/api/credentials/verify";

    static boolean isPublic(String method, String path) {
      return "POST".equals(method) && PUBLIC_POST.equals(path) || "GET".equals(method) && (PUBLIC_GETS.contains(path)
          || PUBLIC_GET_PATTERNS.stream().anyMatch(pattern -> pattern.matcher(path).matches()));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      HttpServletRequest http = (HttpServletRequest) request;
      String path = http.getRequestURI().substring(http.getContextPath().length());
      if (isPublic(http.getMethod(), path)) {
        chain.doFilter(request, response);
        return;
      }
      super.doFilter(request, response, chain);
    }
  }
}
