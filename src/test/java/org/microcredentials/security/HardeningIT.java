package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.TasklistSession;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Queries are bounded: {@code queryMaxResultsLimit} refuses an unbounded list to an authenticated
 * caller and a page above the limit, while an unpaged REST list still answers (its first page).
 * The webapps as Camunda provides them, hardened: a state-changing call of Tasklist's API without
 * the CSRF token is refused even with a valid session; the session cookie is not marked Secure on the
 * embedded default (plain http://localhost); {@code ProductionProfileIT} turns it on, as production behind TLS does.
 */
@ApplicationTest
class HardeningIT {

  private static final String LOGIN = TasklistSession.LOGIN;
  private static final String START = "/camunda/api/engine/engine/default/process-definition/key/SelfSubmissionProcess/submit-form";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  @Test
  void anUnboundQueryOfAnAuthenticatedUserIsRefused() {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication("alice", List.of("engineers"));
    try {
      assertThatThrownBy(() -> engine.getTaskService().createTaskQuery().list())
          .hasMessageContaining("An unbound number of results is forbidden");
      assertThat(engine.getTaskService().createTaskQuery().listPage(0, 2000)).isNotNull();
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void restListsAreBoundedByTheLimit() {
    RestCalls calls = new RestCalls(rest);
    ResponseEntity<Map<String, Object>> tooMany = calls.get("alice", "/engine-rest/task?firstResult=0&maxResults=2001",
        RestCalls.OBJECT);
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(tooMany.getBody())).contains("2000");
    assertThat(calls.get("alice", "/engine-rest/task?firstResult=0&maxResults=2000", RestCalls.LIST).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(calls.get("alice", "/engine-rest/user", RestCalls.LIST).getBody())
        .as("an unpaged list answers its first page").hasSizeGreaterThan(5);
  }

  @Test
  void aWebappPostWithoutTheCsrfTokenIsRefused() {
    TasklistSession session = login(rest);
    assertThat(session.cookieHeader()).contains("JSESSIONID=");

    ResponseEntity<String> withoutToken = rest.exchange(START, HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", Map.of()), session.headers(false)), String.class);
    assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(withoutToken.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");

    // Tasklist's login is a POST as well: with the token (as in login() above) it passes, without it is refused.
    ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList()));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "alice");
    form.add("password", "alice");
    ResponseEntity<String> loginWithoutToken = rest.exchange(LOGIN, HttpMethod.POST, new HttpEntity<>(form, headers),
        String.class);
    assertThat(loginWithoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(loginWithoutToken.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");
  }

  @Test
  void theSessionCookieIsNotSecureOnTheEmbeddedDefault() {
    assertThat(login(rest).setCookies()).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
        .containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure"));
  }

  static TasklistSession login(TestRestTemplate rest) {
    return TasklistSession.login(rest, "alice");
  }
}
