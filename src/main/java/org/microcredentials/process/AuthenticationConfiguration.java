package org.microcredentials.process;

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
    return basicAuthentication("/api/*", "/api", 2);
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(String urlPattern,
      String servletPathPrefix, int order) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns(urlPattern);
    registration.addInitParameter("authentication-provider", HTTP_BASIC);
    if (servletPathPrefix != null) {
      registration.addInitParameter("servlet-path-prefix", servletPathPrefix);
    }
    registration.setName("basicAuthentication" + order);
    registration.setOrder(order);
    return registration;
  }
}
