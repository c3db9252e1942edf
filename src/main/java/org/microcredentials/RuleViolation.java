package org.microcredentials;

/**
 * A request that breaks one of the product's rules. The message names the rule, so that a
 * person in Tasklist or a REST client learns what to change; {@link #kind()} tells how the
 * refusal reaches the caller (HTTP 400, 403, 404 or 409).
 */
public class RuleViolation extends RuntimeException {

  public enum Kind {
    /** The input itself is wrong: missing, wrong type, out of range. */
    INVALID,
    /** The person may not do this. */
    FORBIDDEN,
    /** The input is well formed but conflicts with what is already there. */
    CONFLICT,
    /** What the request names does not exist. */
    NOT_FOUND
  }

  private final String rule;
  private final Kind kind;

  public RuleViolation(String rule, Kind kind, String message) {
    super(message);
    this.rule = rule;
    this.kind = kind;
  }

  public static RuleViolation invalid(String rule, String message) {
    return new RuleViolation(rule, Kind.INVALID, message);
  }

  public static RuleViolation forbidden(String rule, String message) {
    return new RuleViolation(rule, Kind.FORBIDDEN, message);
  }

  public static RuleViolation conflict(String rule, String message) {
    return new RuleViolation(rule, Kind.CONFLICT, message);
  }

  public static RuleViolation notFound(String rule, String message) {
    return new RuleViolation(rule, Kind.NOT_FOUND, message);
  }

  /** A short, stable name of the rule, e.g. {@code monthly-cap}. */
  public String rule() {
    return rule;
  }

  public Kind kind() {
    return kind;
  }

  public int httpStatus() {
    return switch (kind) {
      case INVALID -> 400;
      case FORBIDDEN -> 403;
      case CONFLICT -> 409;
      case NOT_FOUND -> 404;
    };
  }
}
