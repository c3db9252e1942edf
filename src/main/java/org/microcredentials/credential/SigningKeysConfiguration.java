package org.microcredentials.credential;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A keystore when one is configured (production), otherwise keys generated and kept in the database. */
@Configuration
class SigningKeysConfiguration {

  @Bean
  SigningKeys signingKeys(CredentialProperties properties, JdbcClient jdbc, Clock clock) {
    if (properties.usesKeystore()) {
      String password = properties.keystorePassword() == null ? "" : properties.keystorePassword();
      return new KeystoreSigningKeys(Path.of(properties.keystore()), password.toCharArray(),
          properties.activeKeyAlias());
    }
    return new GeneratedSigningKeys(jdbc, clock);
  }
}
