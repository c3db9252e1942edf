package org.microcredentials.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form of Tasklist, Cockpit and Admin ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}})
 * behind the same throttle as HTTP Basic. Camunda's resource checks the password itself, so this filter stands
 * in front of it: while the client's address waits for that account it answers 429 with {@code Retry-After}
 * without letting the password be tried, and it counts the resource's answer: 401 is a wrong password, 200 a
 * login. Everything else of the webapps passes untouched.
 */
final class WebappLoginThrottle extends OncePerRequestFilter {

  private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

  private final LoginThrottle throttle;
  private final ClientAddress clientAddress;

  WebappLoginThrottle(LoginThrottle throttle, ClientAddress clientAddress) {
    this.throttle = throttle;
    this.clientAddress = clientAddress;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String account = request.getParameter("username");
    if (account == null || account.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    String address = clientAddress.of(request);
    var wait = throttle.waitFor(address, account);
    if (wait.isPresent()) {
      CamundaUsers.LoginThrottled throttled = new CamundaUsers.LoginThrottled(wait.get());
      response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
      Problems.write(response, 429, "login-throttle", "Too Many Requests", throttled.getMessage());
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(address, account);
    } else if (response.getStatus() == HttpServletResponse.SC_OK) {
      throttle.succeeded(address, account);
    }
  }
}
