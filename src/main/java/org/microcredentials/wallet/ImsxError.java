package org.microcredentials.wallet;

/**
 * An error of the Open Badges 3.0 API's resource endpoints, answered as {@code Imsx_StatusInfo}: the
 * HTTP status, the spec's code minor value ({@code unauthorizedrequest}, {@code forbidden},
 * {@code invalid_query_parameter}, {@code not_found}) and a description naming the rule.
 */
final class ImsxError extends RuntimeException {

  private final int status;
  private final String codeMinor;
  private final String bearerError;

  ImsxError(int status, String codeMinor, String description) {
    this(status, codeMinor, description, status == 401 ? "invalid_token" : status == 403 ? "insufficient_scope" : null);
  }

  private ImsxError(int status, String codeMinor, String description, String bearerError) {
    super(description);
    this.status = status;
    this.codeMinor = codeMinor;
    this.bearerError = bearerError;
  }

  /**
   * 401 for a request that carries no access token at all: its challenge names no error (RFC 6750
   * 3.1: the client did not try, so nothing it sent was wrong).
   */
  static ImsxError noAccessToken(String description) {
    return new ImsxError(401, "unauthorizedrequest", description, null);
  }

  int status() {
    return status;
  }

  String codeMinor() {
    return codeMinor;
  }

  /** The {@code error} of the Bearer challenge (RFC 6750 3.1), or null for none. */
  String bearerError() {
    return bearerError;
  }
}
