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
 * key signed still verifies; Ed25519 key pairs likewise for the Data Integrity proofs.
 */
class KeystoreSigningKeysTest {

  private static final char[] PASSWORD = "keystore-secret".toCharArray();

  @TempDir static Path folder;
  static Path keystore;

  @BeforeAll
  static void makeKeystore() throws Exception {
    keystore = folder.resolve("signing.p12");
    for (String alias : List.of("signing-2026", "signing-2027")) {
      keytool(alias, "-keyalg", "RSA", "-keysize", "2048");
    }
    for (String alias : List.of("eddsa-2026", "eddsa-2027")) {
      keytool(alias, "-keyalg", "Ed25519");
    }
  }

  private static void keytool(String alias, String... algorithm) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", alias));
    command.addAll(List.of(algorithm));
    command.addAll(List.of("-dname", "CN=" + alias, "-validity", "3650", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
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
    // the kid is the URL that answers the key's JWK, ending in its thumbprint
    assertThat(jwt.getHeader().getKeyID()).isEqualTo(CredentialProperties.defaults().jwkUrl(before.active().getKeyID()));
    assertThat(jwt.verify(new RSASSAVerifier(after.publicKey(before.active().getKeyID()).orElseThrow()))).isTrue();
  }

  @Test
  void ed25519KeyPairsMakeTheDataIntegrityProofsAndAllArePublished() {
    KeystoreSigningKeys before = new KeystoreSigningKeys(keystore, PASSWORD, "signing-2026", "eddsa-2026");
    KeystoreSigningKeys after = new KeystoreSigningKeys(keystore, PASSWORD, "signing-2026", "eddsa-2027");

    assertThat(before.activeEd25519().id()).startsWith("z6Mk").isNotEqualTo(after.activeEd25519().id());
    assertThat(after.publishedEd25519()).extracting(Ed25519Key::id)
        .containsExactlyInAnyOrder(before.activeEd25519().id(), after.activeEd25519().id());
    assertThat(after.publishedEd25519()).allSatisfy(key -> assertThat(key.privateKey()).isNull());
    assertThat(after.publicKeys().getKeys()).as("Ed25519 entries are not RSA signing keys").hasSize(2);
    assertThat(Ed25519Key.publicKey(before.activeEd25519().id())).isEqualTo(before.activeEd25519().publicKey());
  }

  @Test
  void aKeystoreWithoutAnEd25519KeyPairCannotMakeDataIntegrityProofs() throws Exception {
    Path rsaOnly = folder.resolve("rsa-only.p12");
    java.security.KeyStore full = java.security.KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(keystore)) {
      full.load(in, PASSWORD);
    }
    full.deleteEntry("eddsa-2026");
    full.deleteEntry("eddsa-2027");
    try (var out = java.nio.file.Files.newOutputStream(rsaOnly)) {
      full.store(out, PASSWORD);
    }
    KeystoreSigningKeys keys = new KeystoreSigningKeys(rsaOnly, PASSWORD, "signing-2026");
    assertThatThrownBy(keys::activeEd25519).hasMessageContaining("no Ed25519 key pair");
  }

  @Test
  void anUnknownAliasRefusesToStart() {
    assertThatThrownBy(() -> new KeystoreSigningKeys(keystore, PASSWORD, "signing-2030"))
        .hasMessageContaining("no RSA key pair under alias 'signing-2030'");
  }
}
