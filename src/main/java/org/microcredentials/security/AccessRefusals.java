package org.microcredentials.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * How each surface answers a request it does not let through: 401 with a Basic challenge for REST clients
 * (problem details), 429 with {@code Retry-After} while the client's address waits after wrong passwords, 403
 * for someone who may not. A browser that navigates to a page of ours with a session login (the reports) is
 * sent to that login instead of being offered Basic: a password typed into the browser's Basic dialog is
 * cached and sent by the browser to us from then on, whatever page makes the request.
 */
final class AccessRefusals {

  private AccessRefusals() {
  }

  static AuthenticationEntryPoint restLogin(String realm) {
    return (request, response, failure) -> {
      if (throttled(response, failure)) {
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
      Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication", "Unauthorized",
          "HTTP Basic with a user name and password of this application is required.");
    };
  }

  /** A bearer token that is not accepted (profile {@code oidc}): RFC 6750's challenge, with a problem detail. */
  static AuthenticationEntryPoint bearerRefused() {
    return (request, response, failure) -> {
      response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "bearer-token", "Unauthorized",
          failure instanceof UnknownPerson unknown ? unknown.getMessage()
              : String.valueOf(failure.getMessage()).contains("expired")
                  ? "The bearer token has expired: ask the identity provider for a new one."
                  : "The bearer token is not accepted: it is not a token signed by this application's identity "
                      + "provider.");
    };
  }

  static AccessDeniedHandler restForbidden(String detail) {
    return (request, response, denied) -> Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "access",
        "Forbidden", detail);
  }

  /**
   * Our browser pages (the reports, the portfolio): a browser gets a page leading to the Tasklist login; a REST
   * client the Basic challenge, with a problem detail.
   */
  static AuthenticationEntryPoint pageLogin(String realm) {
    return (request, response, failure) -> {
      if (throttled(response, failure)) {
        return;
      }
      if (!isBrowserNavigation(request)) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication", "Unauthorized",
            "HTTP Basic with a user name and password of this application, or Tasklist's login, is required.");
        return;
      }
      page(response, HttpServletResponse.SC_UNAUTHORIZED,
          "Log in to <a href=\"/camunda/app/tasklist/\">Tasklist</a> first, then come back to this page.");
    };
  }

  static AccessDeniedHandler pageForbidden(String message) {
    return (request, response, denied) -> page(response, HttpServletResponse.SC_FORBIDDEN, message);
  }

  /** A person's browser opening the page (not a script's fetch, not a REST client sending credentials). */
  static boolean isBrowserNavigation(HttpServletRequest request) {
    if (request.getHeader("Authorization") != null) {
      return false;
    }
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (mode != null) {
      return mode.equalsIgnoreCase("navigate");
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  private static boolean throttled(HttpServletResponse response, AuthenticationException failure) throws IOException {
    if (failure instanceof CamundaUsers.LoginThrottled throttled) {
      response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
      Problems.write(response, 429, "login-throttle", "Too Many Requests", throttled.getMessage());
      return true;
    }
    return false;
  }

  private static void page(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Sign in</title></head><body><p>"
        + message + "</p></body></html>");
  }
}
