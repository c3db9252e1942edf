package org.microcredentials.credential;

import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
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
          properties.activeKeyAlias(), properties.activeEd25519KeyAlias());
    }
    LoggerFactory.getLogger(SigningKeysConfiguration.class).info("Credential signing keys are generated and kept in "
        + "the database; in production, set microcredentials.credentials.keystore (SIGNING_KEYSTORE) instead.");
    return new GeneratedSigningKeys(jdbc, clock);
  }

  /**
   * The embedded default makes its first keys at start, not in the middle of two concurrent downloads;
   * a keystore without an Ed25519 key pair refuses to start rather than fail every download.
   */
  @Bean
  ApplicationRunner signingKeyOnFirstStart(SigningKeys keys) {
    return arguments -> {
      keys.active();
      keys.activeEd25519();
    };
  }
}
