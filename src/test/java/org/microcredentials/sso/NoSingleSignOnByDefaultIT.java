package org.microcredentials.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcredentials.security.SingleSignOn;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The embedded default (no profile {@code oidc}) is as it was before the OAuth 2 starters came: no client
 * registration, no token decoder, none of the sign-in's beans, no OAuth 2 filter in any chain; a bearer token
 * is no way in, and Camunda's own login form is open.
 */
@ApplicationTest
class NoSingleSignOnByDefaultIT {

  @Autowired ApplicationContext application;
  @Autowired TestRestTemplate rest;

  @Test
  void noOAuthBeanIsActive() {
    for (Class<?> absent : List.of(ClientRegistrationRepository.class, JwtDecoder.class,
        OAuth2AuthorizedClientManager.class, SingleSignOn.class, OidcSignIn.class, KnownPeople.class,
        SignInPages.class, WebappSignInFilter.class)) {
      assertThat(application.getBeanNamesForType(absent)).as(absent.getSimpleName()).isEmpty();
    }
    application.getBeansOfType(SecurityFilterChain.class).values().forEach(chain ->
        assertThat(chain.getFilters()).as("filters of %s", chain).noneMatch(filter ->
            filter.getClass().getName().contains("oauth2")));
  }

  @Test
  void aBearerTokenIsNoWayInAndCamundasLoginFormIsOpen() {
    HttpHeaders bearer = new HttpHeaders();
    bearer.setBearerAuth("any-token");
    var refused = rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(bearer), String.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(401);
    assertThat(refused.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(rest.getForEntity("/camunda/oauth2/authorization/sso", String.class).getStatusCode().value())
        .isNotEqualTo(302);
  }
}
