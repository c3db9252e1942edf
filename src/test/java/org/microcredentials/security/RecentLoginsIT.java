package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.framework.Groups;
import org.microcredentials.framework.IdentityChanged;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * HTTP Basic logins remembered for a moment ({@link RecentLogins}) on the running application: what this node changes
 * about a person takes effect at their next request; what it cannot see (another node, the directory) takes effect
 * once the lifetime has passed.
 */
@ApplicationTest
class RecentLoginsIT {

  private static final String OLD = "Rita-old-pass-2026!";
  private static final String NEW = "Rita-new-pass-2026!";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired ApplicationEventPublisher events;

  @BeforeEach
  void createRita() {
    User rita = identity.newUser("rita");
    rita.setFirstName("Rita");
    rita.setLastName("Example");
    rita.setPassword(OLD);
    identity.saveUser(rita);
  }

  @AfterEach
  void removeRita() {
    identity.deleteUser("rita");
    events.publishEvent(new IdentityChanged("rita removed"));
  }

  @Test
  void aPasswordChangedThroughTheEnginesApiTakesEffectAtOnce() {
    assertThat(profile(OLD)).isEqualTo(HttpStatus.OK);

    HttpHeaders headers = basic(OLD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(rest.exchange("/engine-rest/user/rita/credentials", HttpMethod.PUT,
        new HttpEntity<>(Map.of("password", NEW, "authenticatedUserPassword", OLD), headers), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(profile(OLD)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(onceTheWaitIsOver(NEW)).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aChangeThisNodeDidNotMakeWaitsForTheLifetimeAndOneItMadeDoesNot() {
    assertThat(profile(OLD)).isEqualTo(HttpStatus.OK);
    User rita = identity.createUserQuery().userId("rita").singleResult();
    rita.setPassword(NEW);
    identity.saveUser(rita);

    assertThat(profile(OLD)).as("remembered: the change was made where this node does not see it")
        .isEqualTo(HttpStatus.OK);

    events.publishEvent(new IdentityChanged("a membership changed by the organisation's administration"));
    assertThat(profile(OLD)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(onceTheWaitIsOver(NEW)).isEqualTo(HttpStatus.OK);
  }

  @Test
  void signingInToOrOutOfTasklistForgetsNoLogin() {
    assertThat(profile(OLD)).isEqualTo(HttpStatus.OK);
    User rita = identity.createUserQuery().userId("rita").singleResult();
    rita.setPassword(NEW);
    identity.saveUser(rita);

    // Its path has a 'user' segment, but a sign-in or sign-out changes nobody: rita's login stays remembered.
    TasklistSession alice = TasklistSession.login(rest, "alice");
    assertThat(profile(OLD)).as("remembered after a Tasklist sign-in").isEqualTo(HttpStatus.OK);
    assertThat(rest.exchange("/camunda/api/admin/auth/user/default/logout", HttpMethod.POST,
        new HttpEntity<>(alice.headers(true)), String.class).getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(profile(OLD)).as("remembered after a Tasklist sign-out").isEqualTo(HttpStatus.OK);

    events.publishEvent(new IdentityChanged("rita's password changed"));
    assertThat(profile(OLD)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(onceTheWaitIsOver(NEW)).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aWebappSessionsGroupsAreReadAgainAtOnceAfterAMembershipChangedThroughTheEnginesApi() {
    identity.createMembership("rita", Groups.ENGINEERS);
    TasklistSession rita = TasklistSession.login(rest, "rita", OLD);
    assertThat(reports(rita)).isEqualTo(HttpStatus.FORBIDDEN);

    // Her groups were read a moment ago: a change this node does not see waits for the lifetime.
    identity.createMembership("rita", Groups.SEM_TEAM);
    assertThat(reports(rita)).as("the groups read a moment ago").isEqualTo(HttpStatus.FORBIDDEN);
    identity.deleteMembership("rita", Groups.SEM_TEAM);

    // A change through the engine's API takes effect at her next request, both ways.
    assertThat(asAdministrator(HttpMethod.PUT, "/engine-rest/group/sem-team/members/rita"))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(reports(rita)).isEqualTo(HttpStatus.OK);
    assertThat(asAdministrator(HttpMethod.DELETE, "/engine-rest/group/sem-team/members/rita"))
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(reports(rita)).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private HttpStatus reports(TasklistSession session) {
    return HttpStatus.valueOf(rest.exchange("/reports", HttpMethod.GET, new HttpEntity<>(session.headers(false)),
        String.class).getStatusCode().value());
  }

  private HttpStatus asAdministrator(HttpMethod method, String path) {
    return HttpStatus.valueOf(rest.withBasicAuth("demo", "demo").exchange(path, method, null, String.class)
        .getStatusCode().value());
  }

  /**
   * The answer to the right password once this address's wait after the wrong one is over (3 s): the login throttle
   * holds whatever is remembered, and the right password clears the failure, so that no later class meets the wait.
   */
  private HttpStatus onceTheWaitIsOver(String password) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpStatus status;
    do {
      status = profile(password);
      if (status == HttpStatus.TOO_MANY_REQUESTS) {
        sleep();
      }
    } while (status == HttpStatus.TOO_MANY_REQUESTS && System.nanoTime() < deadline);
    return status;
  }

  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  private HttpStatus profile(String password) {
    return HttpStatus.valueOf(rest.exchange("/engine-rest/user/rita/profile", HttpMethod.GET,
        new HttpEntity<>(basic(password)), String.class).getStatusCode().value());
  }

  private static HttpHeaders basic(String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("rita", password);
    return headers;
  }
}
