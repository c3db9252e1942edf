package org.microcredentials.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing without letting anyone lock a person out. Failures are counted per client
 * address and account, and per address across accounts: an address that got a password wrong waits before
 * it may try that account again (the wait grows with each failure, up to a maximum), and an address that
 * failed on many accounts waits for every account. Nobody else is slowed: the account's owner, at another
 * address, logs in at once. (Camunda's own throttle counts per account, so one wrong password a second from
 * anywhere kept the right password out for everyone.)
 *
 * <p>Memory stays bounded: at most {@code throttleEntries} keys, the least recently failed forgotten first,
 * and failures older than {@code forgetFailuresAfter} do not count.
 */
final class LoginThrottle {

  private record Key(String address, String account) {
  }

  private static final class Failures {
    int count;
    Instant last;
    Instant waitUntil;
  }

  private final WebSecurityProperties properties;
  private final Clock clock;
  private final Map<Key, Failures> failures;

  LoginThrottle(WebSecurityProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    int capacity = properties.throttleEntries();
    this.failures = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Failures> eldest) {
        return size() > capacity;
      }
    };
  }

  /** How long this address still waits before it may try a password for this account; empty if it may now. */
  synchronized Optional<Duration> waitFor(String address, String account) {
    Instant now = clock.instant();
    Duration wait = max(remaining(new Key(address, account), now), remaining(new Key(address, null), now));
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  synchronized void failed(String address, String account) {
    Instant now = clock.instant();
    Failures pair = count(new Key(address, account), now);
    pair.waitUntil = now.plus(delay(pair.count));
    Failures anyAccount = count(new Key(address, null), now);
    int beyondAllowance = anyAccount.count - properties.addressAllowance();
    anyAccount.waitUntil = beyondAllowance > 0 ? now.plus(delay(beyondAllowance)) : now;
  }

  synchronized void succeeded(String address, String account) {
    failures.remove(new Key(address, account));
  }

  synchronized int size() {
    return failures.size();
  }

  private Failures count(Key key, Instant now) {
    Failures known = failures.get(key);
    if (known == null || known.last.plus(properties.forgetFailuresAfter()).isBefore(now)) {
      known = new Failures();
      failures.put(key, known);
    }
    known.count++;
    known.last = now;
    return known;
  }

  private Duration remaining(Key key, Instant now) {
    Failures known = failures.get(key);
    if (known == null || known.waitUntil == null || !known.waitUntil.isAfter(now)) {
      return Duration.ZERO;
    }
    return Duration.between(now, known.waitUntil);
  }

  private Duration delay(int failureCount) {
    Duration delay = properties.loginDelayBase();
    for (int i = 1; i < failureCount && delay.compareTo(properties.loginDelayMax()) < 0; i++) {
      delay = delay.multipliedBy(properties.loginDelayFactor());
    }
    return delay.compareTo(properties.loginDelayMax()) > 0 ? properties.loginDelayMax() : delay;
  }

  private static Duration max(Duration one, Duration other) {
    return one.compareTo(other) >= 0 ? one : other;
  }
}
