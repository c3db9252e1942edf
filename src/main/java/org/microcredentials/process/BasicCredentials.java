package org.microcredentials.process;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic credentials of a request as it carries them, not checked against anything: for code that
 * reads credentials of its own kind (a wallet's client id and secret). A person's password is checked
 * only by the web layer ({@code security/WebSecurity}), behind its login throttle.
 */
public final class BasicCredentials {

  private BasicCredentials() {
  }

  /** A name and password as HTTP Basic carries them (RFC 7617), not yet checked against anything. */
  public record Presented(String name, String password) {
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
