package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exactly the verification calls pass without HTTP Basic; anything near them does not. */
class PublicVerificationPathsTest {

  @Test
  void onlyTheVerificationCallsArePublic() {
    assertThat(PublicVerification.isPublic("POST", "/api/credentials/verify")).isTrue();
    assertThat(PublicVerification.isPublic("GET", "/api/issuer")).isTrue();
    assertThat(PublicVerification.isPublic("GET", "/api/issuer/jwks")).isTrue();
    assertThat(PublicVerification.isPublic("GET", "/api/credentials/revocations")).isTrue();

    // each key where proofs name it, endorsers' controller documents, the Bitstring Status Lists
    String multikey = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    assertThat(PublicVerification.isPublic("GET", "/api/issuer/jwks/w6iXTlQ9hW0c1IlE57JFbamZTzKSCeVq_6n54Pf5aus")).isTrue();
    assertThat(PublicVerification.isPublic("GET", "/api/issuer/keys/" + multikey)).isTrue();
    assertThat(PublicVerification.isPublic("GET", "/api/issuer/endorsers/carol")).isTrue();
    assertThat(PublicVerification.isPublic("GET", "/api/issuer/endorsers/carol/keys/" + multikey)).isTrue();
    assertThat(PublicVerification.isPublic("GET", "/api/credentials/status/0")).isTrue();

    assertThat(PublicVerification.isPublic("GET", "/api/issuer/keys/" + multikey + "/x")).isFalse();
    assertThat(PublicVerification.isPublic("GET", "/api/issuer/keys/not-multibase")).isFalse();
    assertThat(PublicVerification.isPublic("GET", "/api/issuer/endorsers/carol/portfolio")).isFalse();
    assertThat(PublicVerification.isPublic("GET", "/api/issuer/endorsers/")).isFalse();
    assertThat(PublicVerification.isPublic("GET", "/api/credentials/status/0/x")).isFalse();
    assertThat(PublicVerification.isPublic("GET", "/api/credentials/status/abc")).isFalse();
    assertThat(PublicVerification.isPublic("POST", "/api/credentials/status/0")).isFalse();
    assertThat(PublicVerification.isPublic("GET", "/api/issuer/jwks/a;b")).isFalse();

    assertThat(PublicVerification.isPublic("GET", "/api/credentials/verify")).isFalse();
    assertThat(PublicVerification.isPublic("POST", "/api/credentials/verify/")).isFalse();
    assertThat(PublicVerification.isPublic("POST", "/api/credentials/1/revoke")).isFalse();
    assertThat(PublicVerification.isPublic("POST", "/api/issuer")).isFalse();
    assertThat(PublicVerification.isPublic("GET", "/api/credentials/1")).isFalse();
    assertThat(PublicVerification.isPublic("GET", "/api/issuer/jwks;x=1")).isFalse();
    assertThat(PublicVerification.isPublic("GET", "/api/skills")).isFalse();
  }
}
