package org.microcredentials.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What an operator tunes of the web layer (prefix {@code microcredentials.security}).
 *
 * @param trustedProxies addresses of the reverse proxies in front of the application: only a request whose
 *     immediate peer is one of them has its client address read from {@code X-Forwarded-For}; empty by
 *     default, so that nobody chooses the address their failed logins are counted against
 * @param loginDelayBase how long a client address waits after its first wrong password for an account
 * @param loginDelayFactor by how much the wait grows with each further failure
 * @param loginDelayMax the longest wait
 * @param addressAllowance failures one address may have across all accounts before every login from it waits
 *     (someone trying one password on many accounts)
 * @param forgetFailuresAfter failures older than this are forgotten
 * @param throttleEntries at most this many addresses and address-account pairs are remembered (memory stays
 *     bounded whoever floods the login); the oldest are forgotten first; as many people's recent logins are kept
 * @param recentLoginLifetime how long an HTTP Basic login, once checked, is taken as checked for the same password,
 *     and a person's groups and tenants, once read, are reused ({@link RecentLogins}): the longest a password or
 *     membership changed on another node or in the directory still works as before; zero checks every request
 */
@ConfigurationProperties("microcredentials.security")
record WebSecurityProperties(
    List<String> trustedProxies,
    Duration loginDelayBase,
    Integer loginDelayFactor,
    Duration loginDelayMax,
    Integer addressAllowance,
    Duration forgetFailuresAfter,
    Integer throttleEntries,
    Duration recentLoginLifetime) {

  WebSecurityProperties {
    trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    loginDelayBase = loginDelayBase == null ? Duration.ofSeconds(3) : loginDelayBase;
    loginDelayFactor = loginDelayFactor == null ? 2 : loginDelayFactor;
    loginDelayMax = loginDelayMax == null ? Duration.ofSeconds(60) : loginDelayMax;
    addressAllowance = addressAllowance == null ? 10 : addressAllowance;
    forgetFailuresAfter = forgetFailuresAfter == null ? Duration.ofMinutes(15) : forgetFailuresAfter;
    throttleEntries = throttleEntries == null ? 10_000 : throttleEntries;
    recentLoginLifetime = recentLoginLifetime == null ? Duration.ofSeconds(10) : recentLoginLifetime;
  }
}
