package org.microcredentials.process;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is signed in on a page of ours that a person opens in a browser (the reports, a wallet's consent): the
 * session of Camunda's webapps (someone logged in to Tasklist or Cockpit is signed in here too), else the
 * person the web layer authenticated for this request (HTTP Basic against Camunda's users, behind the login
 * throttle of {@code security/WebSecurity}). No password is checked here: a check outside the web layer
 * would escape the throttle.
 *
 * <p>Camunda's webapps keep their login in the HTTP session under their own classes; there is no public API
 * for it, hence the {@code org.camunda.bpm.webapp.impl} classes, here only.
 */
public final class SignedIn {

  private SignedIn() {
  }

  public static Optional<String> user(HttpServletRequest request, ProcessEngine engine) {
    Optional<String> webapp = webappSessionUser(request, engine.getName());
    if (webapp.isPresent()) {
      return webapp;
    }
    var authenticated = SecurityContextHolder.getContext().getAuthentication();
    return authenticated == null || !authenticated.isAuthenticated()
        || authenticated instanceof AnonymousAuthenticationToken ? Optional.empty()
        : Optional.of(authenticated.getName());
  }

  /** The person logged in to Tasklist, Cockpit or Admin in this browser session, if any. */
  public static Optional<String> webappSessionUser(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(engineName);
    return Optional.ofNullable(authentication == null ? null : authentication.getName());
  }
}
