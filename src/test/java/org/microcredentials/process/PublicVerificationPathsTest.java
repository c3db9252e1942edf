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

    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/credentials/verify")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("POST", "/api/credentials/verify/")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("POST", "/api/credentials/1/revoke")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("POST", "/api/issuer")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/credentials/1")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/issuer/jwks;x=1")).isFalse();
    assertThat(AuthenticationConfiguration.PublicVerificationPassingFilter.isPublic("GET", "/api/skills")).isFalse();
  }
}
