package org.microcredentials.process;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Who is signed in on a page of ours that a person opens in a browser (the reports, a wallet's
 * consent): the session of Camunda's webapps (someone logged in to Tasklist or Cockpit is signed in
 * here too), else HTTP Basic against Camunda's identity service.
 */
public final class SignedIn {

  private SignedIn() {
  }

  public static Optional<String> user(HttpServletRequest request, ProcessEngine engine) {
    String user = webappSessionUser(request, engine);
    return user != null ? Optional.of(user) : BasicCredentials.authenticatedUser(request, engine.getIdentityService());
  }

  private static String webappSessionUser(HttpServletRequest request, ProcessEngine engine) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication = authentications == null ? null
        : authentications.getAuthenticationForProcessEngine(engine.getName());
    return authentication == null ? null : authentication.getName();
  }
}
