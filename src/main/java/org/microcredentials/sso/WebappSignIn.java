package org.microcredentials.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.microcredentials.security.CamundaUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Hands the person signed in through the identity provider to Camunda's webapps: Camunda's
 * {@code ContainerBasedAuthenticationFilter} asks it on each request to Tasklist, Cockpit or Admin and puts the
 * person, with the groups found at sign-in, into the webapps' session (their own authorization checks then
 * apply). Spring Security has signed the person in before ({@link OidcSignIn}); nobody else reaches the webapps.
 * Camunda creates this class itself, by name, hence public and without dependencies.
 */
public class WebappSignIn implements AuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    if (!(SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken signedIn)) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult person = AuthenticationResult.successful(signedIn.getName());
    person.setGroups(signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(CamundaUser.GROUP_PREFIX))
        .map(authority -> authority.substring(CamundaUser.GROUP_PREFIX.length())).toList());
    // Tenants stay null: Camunda reads them from its identity service.
    return person;
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    // The 401 Camunda sets is all: the sign-in is the provider's, through Spring Security.
  }
}
