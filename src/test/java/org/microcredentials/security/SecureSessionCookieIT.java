package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

/** Behind TLS, {@code SESSION_COOKIE_SECURE=true} marks the webapps' session cookie Secure. */
@ApplicationTest
@TestPropertySource(properties = "SESSION_COOKIE_SECURE=true")
class SecureSessionCookieIT {

  @Autowired TestRestTemplate rest;

  @Test
  void theSessionCookieIsSecure() {
    assertThat(HardeningIT.login(rest).setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
        .containsPattern("(?i);\\s*Secure(;|$)"));
  }
}
