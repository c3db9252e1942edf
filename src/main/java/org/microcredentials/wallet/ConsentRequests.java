package org.microcredentials.wallet;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consents the consent page asked and the holder has not answered yet: a few a holder, for a
 * few minutes ({@link WalletLimits}), in the database rather than in an HTTP session. A session per
 * request let anyone with a password fill the memory with pending requests; here a new request
 * pushes the holder's oldest out, and every node of a cluster finds the request the page names.
 *
 * <p>The page carries a random request id, kept as its hash: only the browser that was shown the
 * page can answer it, and only as the person who was asked.
 */
@Component
class ConsentRequests {

  /** What the holder is asked. */
  record Pending(String clientId, String redirectUri, Set<String> scopes, String state, String codeChallenge,
      String holderId) {
  }

  private final JdbcClient jdbc;
  private final WalletLimits limits;
  private final Clock clock;

  ConsentRequests(JdbcClient jdbc, WalletLimits limits, Clock clock) {
    this.jdbc = jdbc;
    this.limits = limits;
    this.clock = clock;
  }

  /** Keeps the request; the id the consent page carries. The holder's oldest beyond the cap are dropped. */
  @Transactional
  String ask(Pending pending) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.sql("delete from wallet_consent_request where asked_at < ?").param(now.minus(limits.pendingConsentLifetime()))
        .update();
    String requestId = Secrets.newSecret();
    jdbc.sql("""
            insert into wallet_consent_request (request_hash, holder_id, client_id, redirect_uri, scope, state,
              code_challenge, asked_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(Secrets.hash(requestId), pending.holderId(), pending.clientId(), pending.redirectUri(),
            WalletScopes.format(pending.scopes()), pending.state(), pending.codeChallenge(), now)
        .update();
    List<String> newestFirst = jdbc.sql("""
            select request_hash from wallet_consent_request where holder_id = ? order by asked_order desc""")
        .param(pending.holderId()).query(String.class).list();
    for (String dropped : newestFirst.subList(Math.min(limits.pendingConsentsPerHolder(), newestFirst.size()),
        newestFirst.size())) {
      jdbc.sql("delete from wallet_consent_request where request_hash = ?").param(dropped).update();
    }
    return requestId;
  }

  /** The request the page names, while it waits for an answer. */
  Optional<Pending> find(String requestId) {
    if (requestId == null || requestId.isBlank()) {
      return Optional.empty();
    }
    return jdbc.sql("""
            select holder_id, client_id, redirect_uri, scope, state, code_challenge from wallet_consent_request
            where request_hash = ? and asked_at >= ?""")
        .params(Secrets.hash(requestId), OffsetDateTime.now(clock).minus(limits.pendingConsentLifetime()))
        .query((rs, row) -> new Pending(rs.getString("client_id"), rs.getString("redirect_uri"),
            WalletScopes.parse(rs.getString("scope")), rs.getString("state"), rs.getString("code_challenge"),
            rs.getString("holder_id")))
        .optional();
  }

  /** Whether this call answered the request (false: answered already, at the same moment or before). */
  boolean answer(String requestId) {
    return jdbc.sql("delete from wallet_consent_request where request_hash = ?").param(Secrets.hash(requestId))
        .update() == 1;
  }

  int waitingFor(String holderId) {
    return jdbc.sql("select count(*) from wallet_consent_request where holder_id = ?").param(holderId)
        .query(Integer.class).single();
  }

  /** A disconnected wallet gets no code from a consent asked before. */
  int forget(String holderId, String clientId) {
    return jdbc.sql("delete from wallet_consent_request where holder_id = ? and client_id = ?")
        .params(holderId, clientId).update();
  }
}
