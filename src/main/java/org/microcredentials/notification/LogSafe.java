package org.microcredentials.notification;

/**
 * Text from people (a name in a Camunda profile, an endorsement request's message, a justification) made
 * safe to write into the application log: one log entry stays one line. A line break in such text would
 * otherwise start a line of the attacker's choosing, one that reads like an entry of ours ("2026-12-06 ...
 * INFO ... Credential issued"). Line breaks become {@code \n} and {@code \r}, a tab {@code \t}, every other
 * control character (and the Unicode line and paragraph separators) {@code \}{@code uXXXX}, and a backslash
 * is doubled, so that what the person typed can always be told from what we encoded.
 *
 * <p>Every log statement of ours that carries such text passes it through here: the notifications logged
 * instead of mailed on the embedded default ({@link NotifierConfiguration}) are the ones today, since they
 * carry names and free text.
 */
public final class LogSafe {

  private LogSafe() {
  }

  public static String text(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    StringBuilder safe = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> safe.append("\\\\");
        case '\n' -> safe.append("\\n");
        case '\r' -> safe.append("\\r");
        case '\t' -> safe.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            safe.append(String.format("\\u%04x", (int) c));
          } else {
            safe.append(c);
          }
        }
      }
    }
    return safe.toString();
  }
}
