package org.microcredentials.wallet;

/**
 * An error of the Open Badges 3.0 API's resource endpoints, answered as {@code Imsx_StatusInfo}: the
 * HTTP status, the spec's code minor value ({@code unauthorizedrequest}, {@code forbidden},
 * {@code invalid_query_parameter}, {@code not_found}) and a description naming the rule.
 */
final class ImsxError extends RuntimeException {

  private final int status;
  private final String codeMinor;

  ImsxError(int status, String codeMinor, String description) {
    super(description);
    this.status = status;
    this.codeMinor = codeMinor;
  }

  int status() {
    return status;
  }

  String codeMinor() {
    return codeMinor;
  }
}
