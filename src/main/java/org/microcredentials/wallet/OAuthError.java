package org.microcredentials.wallet;

/**
 * An OAuth 2.0 error as the token, revocation and registration endpoints answer it (RFC 6749 5.2,
 * RFC 7591 3.2.2): a status, the error code a client switches on, and a description naming the rule.
 */
final class OAuthError extends RuntimeException {

  private final int status;
  private final String error;
  private final long retryAfterSeconds;

  OAuthError(int status, String error, String description) {
    this(status, error, description, 0);
  }

  private OAuthError(int status, String error, String description, long retryAfterSeconds) {
    super(description);
    this.status = status;
    this.error = error;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 429 (RFC 6585) with Retry-After; OAuth 2.0 names no code for it, so the error is the status' name. */
  static OAuthError tooManyRequests(String description, long retryAfterSeconds) {
    return new OAuthError(429, "too_many_requests", description, retryAfterSeconds);
  }

  static OAuthError invalidRequest(String description) {
    return new OAuthError(400, "invalid_request", description);
  }

  static OAuthError invalidGrant(String description) {
    return new OAuthError(400, "invalid_grant", description);
  }

  static OAuthError invalidClient(String description) {
    return new OAuthError(401, "invalid_client", description);
  }

  static OAuthError invalidScope(String description) {
    return new OAuthError(400, "invalid_scope", description);
  }

  static OAuthError invalidClientMetadata(String description) {
    return new OAuthError(400, "invalid_client_metadata", description);
  }

  static OAuthError invalidRedirectUri(String description) {
    return new OAuthError(400, "invalid_redirect_uri", description);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }

  /** Seconds the client waits before trying again; 0: not a question of waiting. */
  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
