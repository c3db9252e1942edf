package org.microcredentials.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.microcredentials.security.UnknownPerson;
import org.springframework.context.annotation.Profile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The pages of the sign-in through the identity provider (profile {@code oidc}): the refusal of someone the
 * organisation does not know (403), the sign-out form and, once signed out here, the way on to the provider's
 * own sign-out (OpenID Connect RP-initiated logout: {@code end_session_endpoint} of the provider's metadata).
 * The refusal and signed-out pages are answered by the web layer itself (no redirect), from templates.
 */
@Controller
@Profile("oidc")
class SignInPages {

  private final ITemplateEngine templates;
  private final ClientRegistrationRepository registrations;

  SignInPages(ITemplateEngine templates, ClientRegistrationRepository registrations) {
    this.templates = templates;
    this.registrations = registrations;
  }

  /** A form, so that no other site can sign a person out by a link (the web layer refuses cross-site posts). */
  @GetMapping(OidcSignIn.SIGN_OUT)
  String signOutForm() {
    return "sign-out";
  }

  void refuseSignIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    Map<String, Object> page = new HashMap<>();
    if (failure instanceof UnknownPerson unknown) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      page.put("heading", "This application is not open to you");
      page.put("detail", "The identity provider signed you in as '" + unknown.userId() + "', but only the "
          + "organisation's engineers and its administrators use this application. Ask an administrator to add you.");
    } else {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      page.put("heading", "The sign-in did not succeed");
      page.put("detail", "The identity provider's answer was not accepted"
          + (failure instanceof OAuth2AuthenticationException oauth ? " (" + oauth.getError().getErrorCode() + ")" : "")
          + ". Try again from Tasklist.");
    }
    page.put("signOutAtProvider", endSession(request, null));
    render("sign-in-refused", page, request, response);
  }

  void signedOut(HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_OK);
    Map<String, Object> page = new HashMap<>();
    page.put("signOutAtProvider", endSession(request,
        signedIn != null && signedIn.getPrincipal() instanceof OidcUser user ? user.getIdToken().getTokenValue() : null));
    render("signed-out", page, request, response);
  }

  /** The provider's sign-out, back to our start page afterwards; null where the provider offers none. */
  private String endSession(HttpServletRequest request, String idToken) {
    ClientRegistration registration = registrations.findByRegistrationId(OidcSignIn.REGISTRATION);
    Object endpoint = registration == null ? null
        : registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
    if (endpoint == null) {
      return null;
    }
    UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(endpoint.toString())
        .queryParam("client_id", registration.getClientId())
        .queryParam("post_logout_redirect_uri",
            ServletUriComponentsBuilder.fromContextPath(request).path("/").build().toUriString());
    if (idToken != null) {
      uri.queryParam("id_token_hint", idToken);
    }
    return uri.encode().build().toUriString();
  }

  private void render(String template, Map<String, Object> variables, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
        .buildExchange(request, response);
    response.setContentType("text/html;charset=UTF-8");
    templates.process(template, new WebContext(exchange, request.getLocale(), variables), response.getWriter());
  }
}
