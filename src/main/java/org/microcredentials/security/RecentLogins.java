package org.microcredentials.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Basic logins checked a moment ago. A client of the REST API sends its user and password with every request;
 * checking them against the identity service each time (the password, then the person's groups and tenants: three
 * reads of the database) was a third of the CPU of a light request such as an engineer's credentials. A login
 * checked less than {@code lifetime} ago, with the very same password, is taken as checked, with the groups and
 * tenants read then. A person signed in to the webapps (their session, no password) is read with the groups and
 * tenants read less than {@code lifetime} ago too ({@link #memberships}), as the Basic login left them or as read
 * for an earlier request of theirs.
 *
 * <p>What it costs, and what bounds it:
 * <ul>
 *   <li>A password changed, a person removed from a group or deleted elsewhere (another node, the directory) still
 *       works, with what it had, for at most {@code lifetime} (a few seconds): as Camunda's webapps keep a signed-in
 *       person's groups for five minutes. Changes made through this node (the engine's REST API, Camunda Admin, the
 *       organisation's administration, a directory sync) forget every login at once ({@link #forgetAll}).</li>
 *   <li>Only a successful check is remembered, so a wrong password never skips the check or the login throttle
 *       (which is asked first). The password itself is not kept: a keyed hash of it (HMAC-SHA-256 under a key made
 *       at start that never leaves this object), compared in constant time.</li>
 *   <li>At most {@code capacity} people are remembered, the least recently seen forgotten first; a lifetime of zero
 *       remembers nobody.</li>
 * </ul>
 */
final class RecentLogins {

  /** {@code proof} is null where only the groups and tenants were read: such an entry passes for no password. */
  private record Checked(byte[] proof, List<String> groupIds, List<String> tenantIds, Instant at) {
  }

  private final Duration lifetime;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Checked> checked;

  RecentLogins(Duration lifetime, int capacity, Clock clock) {
    this.lifetime = lifetime;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.checked = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Checked> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The person as checked less than the lifetime ago with this same password; empty if they must be checked. */
  Optional<CamundaUser> reuse(String userId, String password) {
    Checked known;
    synchronized (this) {
      known = checked.get(userId);
    }
    if (!fresh(known) || known.proof() == null || !MessageDigest.isEqual(known.proof(), proof(userId, password))) {
      return Optional.empty();
    }
    return Optional.of(new CamundaUser(userId, known.groupIds(), known.tenantIds()));
  }

  /**
   * The person, signed in some other way (a webapp session), with the groups and tenants read less than the lifetime
   * ago; empty if they must be read.
   */
  Optional<CamundaUser> memberships(String userId) {
    Checked known;
    synchronized (this) {
      known = checked.get(userId);
    }
    return fresh(known) ? Optional.of(new CamundaUser(userId, known.groupIds(), known.tenantIds())) : Optional.empty();
  }

  /** A login the identity service has just accepted. */
  void remember(String userId, String password, CamundaUser user) {
    keep(userId, proof(userId, password), user);
  }

  /** The groups and tenants just read for a person signed in some other way: they pass for no password. */
  void rememberMemberships(CamundaUser user) {
    keep(user.userId(), null, user);
  }

  private void keep(String userId, byte[] proof, CamundaUser user) {
    if (lifetime.isZero() || lifetime.isNegative()) {
      return;
    }
    Checked login = new Checked(proof, user.groupIds(), user.tenantIds(), clock.instant());
    synchronized (this) {
      checked.put(userId, login);
    }
  }

  private boolean fresh(Checked known) {
    return known != null && known.at().plus(lifetime).isAfter(clock.instant());
  }

  /** Every login is checked again at its next request: a password, a person or a membership has changed. */
  synchronized void forgetAll() {
    checked.clear();
  }

  synchronized int size() {
    return checked.size();
  }

  private byte[] proof(String userId, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(userId.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException missing) {
      throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", missing);
    }
  }
}
