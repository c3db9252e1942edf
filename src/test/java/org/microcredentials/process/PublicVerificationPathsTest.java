package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exactly the verification calls pass without HTTP Basic; anything near them does not. */
class PublicVerificationPathsTest {

  @Test
  void onlyTheVerificationCallsArePublic() {
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("POST", "/api/credentials/verify")).isTrue();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer")).isTrue();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/jwks")).isTrue();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/credentials/revocations")).isTrue();

    // issue 16: each key where proofs name it, endorsers' controller documents, the Bitstring Status Lists
    String multikey = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/jwks/w6iXTlQ9hW0c1IlE57JFbamZTzKSCeVq_6n54Pf5aus")).isTrue();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/keys/" + multikey)).isTrue();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/endorsers/carol")).isTrue();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/endorsers/carol/keys/" + multikey)).isTrue();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/credentials/status/0")).isTrue();

    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/keys/" + multikey + "/x")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/keys/not-multibase")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/endorsers/carol/portfolio")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/endorsers/")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/credentials/status/0/x")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/credentials/status/abc")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("POST", "/api/credentials/status/0")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/jwks/a;b")).isFalse();

    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/credentials/verify")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("POST", "/api/credentials/verify/")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("POST", "/api/credentials/1/revoke")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("POST", "/api/issuer")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/credentials/1")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/jwks;x=1")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/skills")).isFalse();
  }
}
