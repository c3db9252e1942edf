package org.microcredentials.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic checked against Camunda's identity service (the users and groups people manage in Camunda
 * Admin), behind our login throttle: a client address that got the password wrong waits before it may try
 * again, and is refused without a look at the password meanwhile. The groups and tenants are loaded once,
 * for the engine to authorize the request with ({@link ActingUser}). A login checked a moment ago with the same
 * password is not checked again, and groups and tenants read a moment ago are not read again ({@link RecentLogins}).
 */
final class CamundaUsers implements AuthenticationProvider {

  private final IdentityService identity;
  private final LoginThrottle throttle;
  private final RecentLogins recent;

  CamundaUsers(IdentityService identity, LoginThrottle throttle, RecentLogins recent) {
    this.identity = identity;
    this.throttle = throttle;
    this.recent = recent;
  }

  /** A login refused because the client's address must wait; answered 429 with Retry-After. */
  static final class LoginThrottled extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottled(Duration retryAfter) {
      super("Too many wrong passwords from this address: wait before trying again.");
      this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  @Override
  public Authentication authenticate(Authentication presented) throws AuthenticationException {
    String userId = presented.getName();
    String password = String.valueOf(presented.getCredentials());
    String address = presented.getDetails() instanceof Address known ? known.address() : "unknown";
    throttle.waitFor(address, userId).ifPresent(wait -> {
      throw new LoginThrottled(wait);
    });
    Optional<CamundaUser> checkedRecently = recent.reuse(userId, password);
    if (checkedRecently.isPresent()) {
      throttle.succeeded(address, userId);
      return checkedRecently.get();
    }
    if (!identity.checkPassword(userId, password)) {
      throttle.failed(address, userId);
      throw new BadCredentialsException("Wrong user name or password.");
    }
    throttle.succeeded(address, userId);
    CamundaUser user = of(userId);
    recent.remember(userId, password, user);
    return user;
  }

  /**
   * The person signed in to the webapps, whose session checked them: with their groups and tenants, read again once
   * the recent logins' lifetime has passed or a change to who is who forgot them.
   */
  CamundaUser signedIn(String userId) {
    Optional<CamundaUser> readRecently = recent.memberships(userId);
    if (readRecently.isPresent()) {
      return readRecently.get();
    }
    CamundaUser user = of(userId);
    recent.rememberMemberships(user);
    return user;
  }

  /** The person with their groups and tenants, as Camunda's own REST filter loads them. */
  private CamundaUser of(String userId) {
    return new CamundaUser(userId,
        identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
            .map(Tenant::getId).toList());
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** The details a Basic login carries to the provider: the client's address, as {@link ClientAddress} reads it. */
  static final class Address extends WebAuthenticationDetails {

    private final String address;

    Address(HttpServletRequest request, ClientAddress clientAddress) {
      super(request.getRemoteAddr(), null);
      this.address = clientAddress.of(request);
    }

    String address() {
      return address;
    }
  }
}
