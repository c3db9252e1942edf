package org.microcredentials.wallet;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import org.microcredentials.security.ClientAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How often one client address may call the Open Badges 3.0 API's open doors: registration (anyone,
 * no credentials: each call leaves a client behind) and the token and revocation endpoints (where a
 * client's secret is checked). A token bucket per address and door (Bucket4j: lock-free, in memory,
 * no server to run), refilled evenly over the configured period ({@link WalletLimits}); past it the
 * answer is 429 with {@code Retry-After}.
 *
 * <p>The buckets are bounded: at most {@code tracked-addresses} per door, the least recently seen
 * forgotten first. A forgotten address starts again with a full bucket, which is what it would have
 * after an idle period anyway. The address is the client's ({@link ClientAddress}: behind a reverse proxy,
 * read from {@code X-Forwarded-For} only when the peer is one of {@code microcredentials.security.trusted-proxies}).
 */
@Component
class WalletRateLimits {

  /** One door's buckets, by address, least recently used first. */
  private static final class Door {

    private final int capacity;
    private final Duration period;
    private final Map<String, Bucket> buckets;

    Door(int capacity, Duration period, int trackedAddresses) {
      this.capacity = capacity;
      this.period = period;
      this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > trackedAddresses;
        }
      };
    }

    /** Seconds to wait before the next call is taken; 0 when this one is. */
    long take(String address) {
      Bucket bucket;
      synchronized (buckets) {
        bucket = buckets.computeIfAbsent(address, any -> Bucket.builder()
            .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build());
      }
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      return probe.isConsumed() ? 0 : Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }

    int tracked() {
      synchronized (buckets) {
        return buckets.size();
      }
    }

    void forgetAll() {
      synchronized (buckets) {
        buckets.clear();
      }
    }
  }

  private final Door registration;
  private final Door token;
  private final ClientAddress clientAddress;

  WalletRateLimits(WalletLimits limits, ClientAddress clientAddress) {
    this.clientAddress = clientAddress;
    registration = new Door(limits.registrationsPerAddress(), limits.registrationPeriod(), limits.trackedAddresses());
    token = new Door(limits.tokenRequestsPerAddress(), limits.tokenPeriod(), limits.trackedAddresses());
  }

  void registration(HttpServletRequest request) {
    refuseIfSpent(registration.take(clientAddress.of(request)), "registrations");
  }

  /** The token and the revocation endpoints share one bucket an address: both check a client's secret. */
  void tokenRequest(HttpServletRequest request) {
    refuseIfSpent(token.take(clientAddress.of(request)), "token and revocation requests");
  }

  int trackedAddresses() {
    return Math.max(registration.tracked(), token.tracked());
  }

  /** Full buckets for everyone again (tests that share one address). */
  void forgetAll() {
    registration.forgetAll();
    token.forgetAll();
  }

  private static void refuseIfSpent(long retryAfterSeconds, String what) {
    if (retryAfterSeconds > 0) {
      throw OAuthError.tooManyRequests("Too many " + what + " from this address; try again in " + retryAfterSeconds
          + " s.", retryAfterSeconds);
    }
  }
}
