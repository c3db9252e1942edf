package org.microcredentials.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Email through Spring Mail when {@code spring.mail.host} is set, as plain text and HTML
 * (multipart/alternative) when the message has both; otherwise (the embedded
 * default) every message goes to the log, one line each, its line breaks written as {@code \n}.
 */
@Configuration
class NotifierConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger("notifications");

  @Bean
  Notifier notifier(ObjectProvider<JavaMailSender> mail,
      @Value("${microcredentials.mail-from:micro-credentials@example.org}") String from) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      // One line a mail: the subject and body carry names and free text (LogSafe).
      return message -> LOG.info("Mail to {} <{}>: {} | {}", LogSafe.text(message.toUserId()),
          LogSafe.text(message.toAddress()), LogSafe.text(message.subject()), LogSafe.text(message.body()));
    }
    return message -> {
      MimeMessage mimeMessage = sender.createMimeMessage();
      try {
        MimeMessageHelper helper = new MimeMessageHelper(mimeMessage, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(message.toAddress());
        helper.setSubject(message.subject());
        if (message.html() == null) {
          helper.setText(message.body());
        } else {
          mimeMessage.setContent(alternatives(message));
        }
        if (message.deliveryId() != null) {
          // Kept by JavaMailSenderImpl: a resend after a crash carries the same Message-ID.
          mimeMessage.setHeader("Message-ID", "<" + message.deliveryId() + "@micro-credentials>");
        }
      } catch (MessagingException e) {
        throw new MailPreparationException("Could not prepare the message to " + message.toUserId(), e);
      }
      sender.send(mimeMessage);
    };
  }

  /**
   * multipart/alternative, plain text first: a client shows the last part it can, HTML where it can,
   * and the text where it cannot (or where its reader prefers text).
   */
  private static MimeMultipart alternatives(Message message) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.body(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
    return new MimeMultipart("alternative", text, html);
  }
}
