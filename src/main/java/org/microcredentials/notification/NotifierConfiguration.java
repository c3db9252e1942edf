package org.microcredentials.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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
 * Email through Spring Mail when {@code spring.mail.host} is set; otherwise (the embedded
 * default) every message goes to the log.
 */
@Configuration
class NotifierConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger("notifications");

  @Bean
  Notifier notifier(ObjectProvider<JavaMailSender> mail,
      @Value("${microcredentials.mail-from:micro-credentials@example.org}") String from) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return message -> LOG.info("Mail to {} <{}>: {}\n{}", message.toUserId(), message.toAddress(), message.subject(),
          message.body());
    }
    return message -> {
      MimeMessage mimeMessage = sender.createMimeMessage();
      try {
        MimeMessageHelper helper = new MimeMessageHelper(mimeMessage, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(message.toAddress());
        helper.setSubject(message.subject());
        helper.setText(message.body());
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
}
