package org.microcredentials.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

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
      SimpleMailMessage mailMessage = new SimpleMailMessage();
      mailMessage.setFrom(from);
      mailMessage.setTo(message.toAddress());
      mailMessage.setSubject(message.subject());
      mailMessage.setText(message.body());
      sender.send(mailMessage);
    };
  }
}
