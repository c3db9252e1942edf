package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.MutableClock;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * A Basic login checked a moment ago, with the same password, is not checked again; a webapp session's groups and
 * tenants read a moment ago are not read again; nothing else is reused.
 */
class RecentLoginsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));

  private final CamundaUser rita = new CamundaUser("rita", List.of("engineers", "assessors"), List.of());

  private RecentLogins recent(Duration lifetime, int capacity) {
    return new RecentLogins(lifetime, capacity, clock);
  }

  @Test
  void theSamePasswordWithinTheLifetimeIsTakenAsCheckedWithTheGroupsReadThen() {
    RecentLogins recent = recent(Duration.ofSeconds(10), 100);
    recent.remember("rita", "right", rita);
    clock.set(clock.instant().plusSeconds(9));

    CamundaUser reused = recent.reuse("rita", "right").orElseThrow();

    assertThat(reused.userId()).isEqualTo("rita");
    assertThat(reused.groupIds()).containsExactly("engineers", "assessors");
    assertThat(reused).as("a token of its own for each request").isNotSameAs(rita);
  }

  @Test
  void aLoginOlderThanTheLifetimeIsCheckedAgain() {
    RecentLogins recent = recent(Duration.ofSeconds(10), 100);
    recent.remember("rita", "right", rita);
    clock.set(clock.instant().plusSeconds(10));

    assertThat(recent.reuse("rita", "right")).isEmpty();
  }

  @Test
  void anotherPasswordOrAnotherPersonIsNeverTakenFromARememberedLogin() {
    RecentLogins recent = recent(Duration.ofSeconds(10), 100);
    recent.remember("rita", "right", rita);

    assertThat(recent.reuse("rita", "wrong")).isEmpty();
    assertThat(recent.reuse("rita", "righ")).isEmpty();
    assertThat(recent.reuse("rita", "right ")).isEmpty();
    assertThat(recent.reuse("ivan", "right")).isEmpty();
  }

  @Test
  void forgettingChecksEveryLoginAgain() {
    RecentLogins recent = recent(Duration.ofSeconds(10), 100);
    recent.remember("rita", "right", rita);

    recent.forgetAll();

    assertThat(recent.reuse("rita", "right")).isEmpty();
  }

  @Test
  void aLifetimeOfZeroRemembersNobody() {
    RecentLogins recent = recent(Duration.ZERO, 100);
    recent.remember("rita", "right", rita);

    assertThat(recent.size()).isZero();
    assertThat(recent.reuse("rita", "right")).isEmpty();
  }

  @Test
  void atMostCapacityPeopleAreRememberedTheLeastRecentlySeenForgottenFirst() {
    RecentLogins recent = recent(Duration.ofSeconds(10), 2);
    recent.remember("rita", "r", rita);
    recent.remember("ivan", "i", new CamundaUser("ivan", List.of(), List.of()));
    assertThat(recent.reuse("rita", "r")).isPresent();
    recent.remember("sam", "s", new CamundaUser("sam", List.of(), List.of()));

    assertThat(recent.size()).isEqualTo(2);
    assertThat(recent.reuse("rita", "r")).isPresent();
    assertThat(recent.reuse("ivan", "i")).isEmpty();
  }

  @Test
  void theIdentityServiceIsAskedOnceThenAWrongPasswordIsCheckedAndThrottledAsBefore() {
    IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
    when(identity.checkPassword("rita", "right")).thenReturn(true);
    when(identity.checkPassword("rita", "wrong")).thenReturn(false);
    when(identity.createGroupQuery().groupMember(anyString()).list()).thenReturn(List.of());
    when(identity.createTenantQuery().userMember(anyString()).includingGroupsOfUser(true).list())
        .thenReturn(List.of());
    CamundaUsers users = new CamundaUsers(identity, throttle(), recent(Duration.ofSeconds(10), 100));

    assertThat(users.authenticate(login("rita", "right")).getName()).isEqualTo("rita");
    assertThat(users.authenticate(login("rita", "right")).getName()).isEqualTo("rita");
    verify(identity, times(1)).checkPassword("rita", "right");

    assertThatThrownBy(() -> users.authenticate(login("rita", "wrong"))).isInstanceOf(BadCredentialsException.class);
    verify(identity, times(1)).checkPassword("rita", "wrong");
    assertThatThrownBy(() -> users.authenticate(login("rita", "right")))
        .as("the address waits after a wrong password, remembered login or not")
        .isInstanceOf(CamundaUsers.LoginThrottled.class);
  }

  @Test
  void aWebappSessionsGroupsAreReadOnceWithinTheLifetimeAndAgainOnceForgotten() {
    Group engineers = group("engineers");
    Group semTeam = group("sem-team");
    IdentityService identity = mock(IdentityService.class);
    GroupQuery groups = mock(GroupQuery.class);
    when(identity.createGroupQuery()).thenReturn(groups);
    when(groups.groupMember("rita")).thenReturn(groups);
    when(groups.list()).thenReturn(List.of(engineers));
    TenantQuery tenants = mock(TenantQuery.class);
    when(identity.createTenantQuery()).thenReturn(tenants);
    when(tenants.userMember("rita")).thenReturn(tenants);
    when(tenants.includingGroupsOfUser(true)).thenReturn(tenants);
    when(tenants.list()).thenReturn(List.of());
    RecentLogins recent = recent(Duration.ofSeconds(10), 100);
    CamundaUsers users = new CamundaUsers(identity, throttle(), recent);

    assertThat(users.signedIn("rita").groupIds()).containsExactly("engineers");
    clock.set(clock.instant().plusSeconds(9));
    assertThat(users.signedIn("rita").groupIds()).as("read 9 s ago").containsExactly("engineers");
    verify(groups, times(1)).list();
    verify(tenants, times(1)).list();
    assertThat(recent.reuse("rita", "")).as("a session's groups pass for no password").isEmpty();

    // A membership changed through this node: forgotten, read again at the next request.
    when(groups.list()).thenReturn(List.of(engineers, semTeam));
    recent.forgetAll();
    assertThat(users.signedIn("rita").groupIds()).containsExactly("engineers", "sem-team");
    verify(groups, times(2)).list();

    // Once the lifetime has passed, read again.
    when(groups.list()).thenReturn(List.of());
    clock.set(clock.instant().plusSeconds(10));
    assertThat(users.signedIn("rita").groupIds()).isEmpty();
    verify(groups, times(3)).list();
  }

  @Test
  void aWebappSessionReusesTheGroupsOfABasicLoginCheckedAMomentAgo() {
    RecentLogins recent = recent(Duration.ofSeconds(10), 100);
    recent.remember("rita", "right", rita);
    clock.set(clock.instant().plusSeconds(9));

    assertThat(recent.memberships("rita").orElseThrow().groupIds()).containsExactly("engineers", "assessors");
    clock.set(clock.instant().plusSeconds(1));
    assertThat(recent.memberships("rita")).isEmpty();
  }

  private LoginThrottle throttle() {
    return new LoginThrottle(new WebSecurityProperties(List.of(), Duration.ofSeconds(3), 2,
        Duration.ofSeconds(60), 10, Duration.ofMinutes(15), 100, Duration.ofSeconds(10)), clock);
  }

  private static Group group(String id) {
    Group group = mock(Group.class);
    when(group.getId()).thenReturn(id);
    return group;
  }

  private static Authentication login(String user, String password) {
    return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
  }
}
