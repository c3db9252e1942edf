package org.microcredentials.sso;

import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Camunda's container-based authentication for Tasklist, Cockpit and Admin (profile {@code oidc}): the webapps
 * take the person the web layer signed in ({@link WebappSignIn}) instead of asking for a password. Registered
 * after Spring Security's filters (which run first of all) and before the webapps' own filters, which then
 * find the person in their session.
 */
@Configuration
@Profile("oidc")
class WebappSignInFilter {

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> containerBasedAuthentication() {
    var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("Container Based Authentication Filter");
    registration.setInitParameters(Map.of("authentication-provider", WebappSignIn.class.getName()));
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(201);
    return registration;
  }
}
