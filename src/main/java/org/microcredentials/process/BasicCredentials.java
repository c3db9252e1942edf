package org.microcredentials.process;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;

/**
 * HTTP Basic credentials of a request, checked against Camunda's identity service (its login
 * throttling included): for the pages and endpoints outside {@code /api} and {@code /engine-rest}
 * that take HTTP Basic too (the reports page, the metrics).
 */
public final class BasicCredentials {

  private BasicCredentials() {
  }

  /** A name and password as HTTP Basic carries them (RFC 7617), not yet checked against anything. */
  public record Presented(String name, String password) {
  }

  /** The user whose valid credentials the request carries, if any. */
  public static Optional<String> authenticatedUser(HttpServletRequest request, IdentityService identity) {
    return presented(request).filter(basic -> identity.checkPassword(basic.name(), basic.password()))
        .map(Presented::name);
  }

  /** The name and password of the request's {@code Authorization: Basic} header, if it carries one that is well formed. */
  public static Optional<Presented> presented(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(new Presented(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }
}
