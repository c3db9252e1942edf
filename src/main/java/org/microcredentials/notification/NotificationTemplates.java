package org.microcredentials.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.PropertyPlaceholderHelper;

/**
 * Message templates are files, {@code notifications/<name>.txt}: a first line
 * {@code Subject: ...}, a blank line, then the body; {@code ${variable}} is replaced by the
 * process variable of that name (empty when it has none).
 */
@Component
public class NotificationTemplates {

  public record Rendered(String subject, String body) {
  }

  private final PropertyPlaceholderHelper placeholders = new PropertyPlaceholderHelper("${", "}", null, null, true);

  public Rendered render(String template, Map<String, Object> values) {
    String text = placeholders.replacePlaceholders(read(template), name -> {
      Object value = values.get(name);
      return value == null ? "" : value.toString();
    });
    int split = text.indexOf("\n\n");
    if (!text.startsWith("Subject: ") || split < 0) {
      throw new IllegalStateException("Template " + template + " must start with 'Subject: ...' and a blank line");
    }
    return new Rendered(text.substring("Subject: ".length(), split).strip(), text.substring(split + 2).strip() + "\n");
  }

  private static String read(String template) {
    if (!template.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("Template names are lower-case words with hyphens: " + template);
    }
    try (InputStream in = new ClassPathResource("notifications/" + template + ".txt").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("No notification template " + template, e);
    }
  }
}
