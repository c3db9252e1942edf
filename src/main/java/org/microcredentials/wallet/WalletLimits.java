package org.microcredentials.wallet;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the Open Badges 3.0 API keeps and answers for callers it does not know yet (prefix
 * {@code microcredentials.wallet}; the defaults below are the only place they are written). Registration is open to anyone, as the API requires, and
 * the consent page to anyone with a password: without these bounds each request could leave
 * something behind (a client, a session, a pending consent) for as long as it liked.
 * docs/security.md, "Limits", gives the reasons for each figure.
 *
 * @param maxStateLength the longest {@code state} an authorization request may carry (the wallet's own
 *     value, echoed back; 512 characters hold any random value or signed blob a wallet uses)
 * @param pendingConsentsPerHolder how many consents one person may have waiting for their answer; an
 *     older one is dropped when a new one is asked
 * @param pendingConsentLifetime how long a consent waits for the person's answer
 * @param maxTextLength the longest client_name, software_id and software_version a registration takes
 * @param maxUrlLength the longest URL a registration takes (client, logo, terms, policy, redirect URIs)
 * @param maxRedirectUris the most redirect URIs one client registers
 * @param unusedRegistrationExpiry how long a registered client that has never been given a token is kept
 * @param registrationsPerAddress registrations one client address may make per {@code registrationPeriod}
 * @param registrationPeriod the period of {@code registrationsPerAddress}, refilled evenly across it
 * @param tokenRequestsPerAddress token and revocation requests one address may make per {@code tokenPeriod}
 * @param tokenPeriod the period of {@code tokenRequestsPerAddress}, refilled evenly across it
 * @param trackedAddresses the most client addresses whose rates are remembered at once (least recently
 *     seen forgotten first)
 */
@ConfigurationProperties("microcredentials.wallet")
public record WalletLimits(
    Integer maxStateLength,
    Integer pendingConsentsPerHolder,
    Duration pendingConsentLifetime,
    Integer maxTextLength,
    Integer maxUrlLength,
    Integer maxRedirectUris,
    Period unusedRegistrationExpiry,
    Integer registrationsPerAddress,
    Duration registrationPeriod,
    Integer tokenRequestsPerAddress,
    Duration tokenPeriod,
    Integer trackedAddresses) {

  public WalletLimits {
    maxStateLength = maxStateLength == null ? 512 : maxStateLength;
    pendingConsentsPerHolder = pendingConsentsPerHolder == null ? 5 : pendingConsentsPerHolder;
    pendingConsentLifetime = pendingConsentLifetime == null ? Duration.ofMinutes(10) : pendingConsentLifetime;
    maxTextLength = maxTextLength == null ? 200 : maxTextLength;
    maxUrlLength = maxUrlLength == null ? 2000 : maxUrlLength;
    maxRedirectUris = maxRedirectUris == null ? 5 : maxRedirectUris;
    unusedRegistrationExpiry = unusedRegistrationExpiry == null ? Period.ofDays(1) : unusedRegistrationExpiry;
    registrationsPerAddress = registrationsPerAddress == null ? 20 : registrationsPerAddress;
    registrationPeriod = registrationPeriod == null ? Duration.ofHours(1) : registrationPeriod;
    tokenRequestsPerAddress = tokenRequestsPerAddress == null ? 120 : tokenRequestsPerAddress;
    tokenPeriod = tokenPeriod == null ? Duration.ofMinutes(1) : tokenPeriod;
    trackedAddresses = trackedAddresses == null ? 10_000 : trackedAddresses;
  }
}
