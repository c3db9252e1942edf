package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The throttle's rules without a server: per address and account, per address across accounts, bounded memory. */
class LoginThrottleTest {

  private Instant now = Instant.parse("2026-12-06T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  private LoginThrottle throttle(int entries) {
    return throttle(entries, 3);
  }

  private LoginThrottle throttle(int entries, int addressAllowance) {
    return new LoginThrottle(new WebSecurityProperties(List.of(), Duration.ofSeconds(3), 2, Duration.ofSeconds(60),
        addressAllowance, Duration.ofMinutes(15), entries, Duration.ofSeconds(10)), clock);
  }

  @Test
  void anAddressWaitsLongerWithEachFailureAndOthersNever() {
    LoginThrottle throttle = throttle(100, 100);
    throttle.failed("10.0.0.1", "demo");
    assertThat(throttle.waitFor("10.0.0.1", "demo")).contains(Duration.ofSeconds(3));
    assertThat(throttle.waitFor("10.0.0.2", "demo")).as("the owner at another address").isEmpty();
    assertThat(throttle.waitFor("10.0.0.1", "alice")).as("another account from the same address").isEmpty();
    now = now.plusSeconds(3);
    throttle.failed("10.0.0.1", "demo");
    assertThat(throttle.waitFor("10.0.0.1", "demo")).contains(Duration.ofSeconds(6));
    for (int i = 0; i < 10; i++) {
      now = now.plusSeconds(60);
      throttle.failed("10.0.0.1", "demo");
    }
    assertThat(throttle.waitFor("10.0.0.1", "demo")).as("capped").contains(Duration.ofSeconds(60));
    now = now.plusSeconds(60);
    throttle.succeeded("10.0.0.1", "demo");
    throttle.failed("10.0.0.1", "demo");
    assertThat(throttle.waitFor("10.0.0.1", "demo")).as("a login starts the count again").contains(Duration.ofSeconds(3));
  }

  @Test
  void anAddressFailingOnManyAccountsWaitsForAll() {
    LoginThrottle throttle = throttle(100);
    for (String account : List.of("a", "b", "c")) {
      throttle.failed("10.0.0.9", account);
    }
    assertThat(throttle.waitFor("10.0.0.9", "d")).as("within the allowance").isEmpty();
    throttle.failed("10.0.0.9", "d");
    assertThat(throttle.waitFor("10.0.0.9", "e")).contains(Duration.ofSeconds(3));
    assertThat(throttle.waitFor("10.0.0.8", "e")).isEmpty();
  }

  @Test
  void oldFailuresAreForgottenAndMemoryIsBounded() {
    LoginThrottle throttle = throttle(50);
    throttle.failed("10.0.0.1", "demo");
    now = now.plus(Duration.ofMinutes(16));
    throttle.failed("10.0.0.1", "demo");
    assertThat(throttle.waitFor("10.0.0.1", "demo")).contains(Duration.ofSeconds(3));
    for (int i = 0; i < 10_000; i++) {
      throttle.failed("10.1." + (i / 250) + "." + (i % 250), "demo");
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(50);
  }

  @Test
  void forwardedForCountsOnlyFromATrustedProxy() {
    ClientAddress addresses = new ClientAddress(List.of("10.0.0.254"));
    MockHttpServletRequest direct = new MockHttpServletRequest();
    direct.setRemoteAddr("192.0.2.10");
    direct.addHeader("X-Forwarded-For", "198.51.100.1");
    assertThat(addresses.of(direct)).as("spoofed by a client").isEqualTo("192.0.2.10");
    MockHttpServletRequest proxied = new MockHttpServletRequest();
    proxied.setRemoteAddr("10.0.0.254");
    proxied.addHeader("X-Forwarded-For", "6.6.6.6, 198.51.100.1");
    assertThat(addresses.of(proxied)).as("what our proxy saw, not what the client wrote before it")
        .isEqualTo("198.51.100.1");
    MockHttpServletRequest proxiedWithoutHeader = new MockHttpServletRequest();
    proxiedWithoutHeader.setRemoteAddr("10.0.0.254");
    assertThat(addresses.of(proxiedWithoutHeader)).isEqualTo("10.0.0.254");
    assertThat(new ClientAddress(List.of()).of(proxied)).as("no trusted proxy by default").isEqualTo("10.0.0.254");
  }
}
