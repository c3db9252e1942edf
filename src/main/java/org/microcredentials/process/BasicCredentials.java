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

  /** The user whose valid credentials the request carries, if any. */
  public static Optional<String> authenticatedUser(HttpServletRequest request, IdentityService identity) {
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
    String user = decoded.substring(0, colon);
    return identity.checkPassword(user, decoded.substring(colon + 1)) ? Optional.of(user) : Optional.empty();
  }
}
