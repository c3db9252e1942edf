package org.microcredentials.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A person logged in to Tasklist, calling the engine API the way the Tasklist page does
 * ({@code /camunda/api/engine/engine/default/...}): it keeps the cookies and the CSRF token each
 * answer sets, as a browser does.
 */
public final class TasklistSession {

  public static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";
  public static final String ENGINE_API = "/camunda/api/engine/engine/default";

  private final TestRestTemplate rest;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrfToken;
  private List<String> lastSetCookies = List.of();

  private TasklistSession(TestRestTemplate rest) {
    this.rest = rest;
  }

  /** What the Tasklist login page does: fetch a CSRF token, then log in with it. */
  public static TasklistSession login(TestRestTemplate rest, String user) {
    return login(rest, user, user);
  }

  /** As above, with a password that is not the user id (production's administrator). */
  public static TasklistSession login(TestRestTemplate rest, String user, String password) {
    TasklistSession session = new TasklistSession(rest);
    session.remember(rest.getForEntity("/camunda/app/tasklist/default/", String.class));
    HttpHeaders headers = session.headers(true);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    ResponseEntity<String> login = session.remember(
        rest.exchange(LOGIN, HttpMethod.POST, new HttpEntity<>(form, headers), String.class));
    assertThat(login.getStatusCode()).as("%s logs in to Tasklist: %s", user, login.getBody()).isEqualTo(HttpStatus.OK);
    // Logging in starts a new session (against session fixation); the page's next call gets its CSRF token.
    List<String> loginCookies = session.lastSetCookies;
    session.remember(rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(session.headers(false)), String.class));
    session.lastSetCookies = loginCookies;
    return session;
  }

  private <T> ResponseEntity<T> remember(ResponseEntity<T> response) {
    lastSetCookies = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
    for (String setCookie : lastSetCookies) {
      String[] nameValue = setCookie.split(";", 2)[0].split("=", 2);
      cookies.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
      if ("XSRF-TOKEN".equals(nameValue[0]) && nameValue.length > 1) {
        csrfToken = nameValue[1]; // What Tasklist's page reads from the cookie and sends back.
      }
    }
    String token = response.getHeaders().getFirst("X-XSRF-TOKEN");
    if (token != null && !"Required".equals(token)) {
      csrfToken = token;
    }
    return response;
  }

  /** The Set-Cookie headers of the last answer (the login's, right after {@link #login}). */
  public List<String> setCookies() {
    return lastSetCookies;
  }

  public String cookieHeader() {
    return String.join("; ", cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
        .toList());
  }

  public HttpHeaders headers(boolean withToken) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.add(HttpHeaders.COOKIE, cookieHeader());
    if (withToken) {
      headers.add("X-XSRF-TOKEN", csrfToken);
    }
    return headers;
  }

  /** GET on Tasklist's engine API, e.g. {@code get("/task?processInstanceBusinessKey=...", type)}. */
  public <T> ResponseEntity<T> get(String path, ParameterizedTypeReference<T> type) {
    return remember(rest.exchange(ENGINE_API + path, HttpMethod.GET, new HttpEntity<>(headers(false)), type));
  }

  public ResponseEntity<String> post(String path, Object body) {
    return remember(rest.exchange(ENGINE_API + path, HttpMethod.POST, new HttpEntity<>(body, headers(true)),
        String.class));
  }
}
