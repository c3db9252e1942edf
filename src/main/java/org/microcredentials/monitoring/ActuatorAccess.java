package org.microcredentials.monitoring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.microcredentials.framework.Groups;
import org.microcredentials.process.BasicCredentials;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who reads {@code /actuator}: {@code /actuator/health} is open (load balancers and orchestrators
 * ask it, and it shows only statuses); every other endpoint, {@code /actuator/prometheus} among
 * them, needs HTTP Basic of an administrator (group {@code camunda-admin}): 401 without valid
 * credentials, 403 for anyone else. Prometheus scrapes with {@code basic_auth}.
 */
@Configuration
class ActuatorAccess {

  @Bean
  FilterRegistrationBean<AdministratorsOnly> actuatorAdministratorsOnly(IdentityService identity) {
    FilterRegistrationBean<AdministratorsOnly> registration = new FilterRegistrationBean<>(new AdministratorsOnly(identity));
    registration.addUrlPatterns("/actuator", "/actuator/*");
    registration.setName("actuatorAdministratorsOnly");
    registration.setOrder(4);
    return registration;
  }

  static final class AdministratorsOnly extends OncePerRequestFilter {

    private final IdentityService identity;

    AdministratorsOnly(IdentityService identity) {
      this.identity = identity;
    }

    static boolean isOpen(String path) {
      return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (isOpen(path)) {
        chain.doFilter(request, response);
        return;
      }
      String user = BasicCredentials.authenticatedUser(request, identity).orElse(null);
      if (user == null) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"micro-credentials operations\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
      if (identity.createUserQuery().userId(user).memberOfGroup(Groups.ADMINISTRATORS).count() == 0) {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
