package org.microcredentials.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production keys from a PKCS12 keystore (made here with the JDK's keytool): the configured alias
 * signs, every key pair is published, and after a rotation (a new alias made active) what the old
 * key signed still verifies.
 */
class KeystoreSigningKeysTest {

  private static final char[] PASSWORD = "keystore-secret".toCharArray();

  @TempDir static Path folder;
  static Path keystore;

  @BeforeAll
  static void makeKeystore() throws Exception {
    keystore = folder.resolve("signing.p12");
    for (String alias : List.of("signing-2026", "signing-2027")) {
      Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
          "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + alias,
          "-validity", "3650", "-storetype", "PKCS12", "-keystore", keystore.toString(),
          "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
          .redirectErrorStream(true).start();
      assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    }
  }

  @Test
  void theActiveAliasSignsAndEveryKeyIsPublished() throws Exception {
    KeystoreSigningKeys before = new KeystoreSigningKeys(keystore, PASSWORD, "signing-2026");
    KeystoreSigningKeys after = new KeystoreSigningKeys(keystore, PASSWORD, "signing-2027");

    assertThat(before.active().getKeyID()).isNotEqualTo(after.active().getKeyID());
    assertThat(after.publicKeys().getKeys()).hasSize(2).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());

    String signedBefore = CredentialSigner.sign(Map.of("id", "https://example.org/credentials/1",
        "validFrom", "2026-11-16T10:00:00Z"), before.active(), CredentialProperties.defaults(), Instant.now());
    SignedJWT jwt = SignedJWT.parse(signedBefore);
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(before.active().getKeyID());
    assertThat(jwt.verify(new RSASSAVerifier(after.publicKey(jwt.getHeader().getKeyID()).orElseThrow()))).isTrue();
  }

  @Test
  void anUnknownAliasRefusesToStart() {
    assertThatThrownBy(() -> new KeystoreSigningKeys(keystore, PASSWORD, "signing-2030"))
        .hasMessageContaining("no RSA key pair under alias 'signing-2030'");
  }
}
