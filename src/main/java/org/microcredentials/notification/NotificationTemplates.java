package org.microcredentials.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Notification mails from Thymeleaf templates, each as a plain-text and an HTML part that say the same.
 * The words are {@code notifications/<name>.txt} (Thymeleaf's TEXT mode): a first line
 * {@code Subject: ...}, a blank line, then the body; {@code [(${variable})]} is the process variable
 * of that name (empty when it has none). The HTML part is {@code notifications/layout.html}, the one
 * look of our mails, showing that text paragraph by paragraph, escaped, its web addresses as links.
 *
 * <p>A template engine of its own, apart from the web pages' (Spring Boot's): mail templates are not
 * pages a URL can reach, and the pages' resolver never sees them.
 */
@Component
public class NotificationTemplates {

  public record Rendered(String subject, String body, String html) {
  }

  /** A piece of a line of the HTML part: text, or a web address shown as a link. */
  public record Segment(String text, boolean link) {
  }

  private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:)!?]");

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  public NotificationTemplates() {
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String names, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("notifications/");
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(java.util.Set.of(names));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }

  public Rendered render(String template, Map<String, Object> values) {
    if (!template.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("Template names are lower-case words with hyphens: " + template);
    }
    String text = engine.process(template + ".txt", new Context(Locale.ENGLISH, values)).replace("\r\n", "\n");
    int split = text.indexOf("\n\n");
    if (!text.startsWith("Subject: ") || split < 0) {
      throw new IllegalStateException("Template " + template + " must start with 'Subject: ...' and a blank line");
    }
    String subject = text.substring("Subject: ".length(), split).strip();
    String body = text.substring(split + 2).strip() + "\n";
    Context page = new Context(Locale.ENGLISH);
    page.setVariable("subject", subject);
    page.setVariable("paragraphs", paragraphs(body));
    return new Rendered(subject, body, engine.process("layout.html", page));
  }

  /** Paragraphs (split at blank lines) of lines of segments. */
  static List<List<List<Segment>>> paragraphs(String body) {
    List<List<List<Segment>>> paragraphs = new ArrayList<>();
    for (String paragraph : body.strip().split("\n\\s*\n")) {
      List<List<Segment>> lines = new ArrayList<>();
      for (String line : paragraph.split("\n")) {
        lines.add(segments(line));
      }
      paragraphs.add(lines);
    }
    return paragraphs;
  }

  private static List<Segment> segments(String line) {
    List<Segment> segments = new ArrayList<>();
    Matcher address = WEB_ADDRESS.matcher(line);
    int from = 0;
    while (address.find()) {
      if (address.start() > from) {
        segments.add(new Segment(line.substring(from, address.start()), false));
      }
      segments.add(new Segment(address.group(), true));
      from = address.end();
    }
    if (from < line.length()) {
      segments.add(new Segment(line.substring(from), false));
    }
    return segments;
  }
}
