package org.microcredentials.wallet;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a holder's consent gives a wallet (OAuth 2.0 authorization code grant with PKCE S256, as the
 * Open Badges 3.0 API requires it): a code, used once within ten minutes by the client it was given
 * to, with the redirect URI and the code verifier it was asked with; for it an access token of an
 * hour and, where the client registered the refresh grant and the holder allowed
 * {@code offline_access}, a refresh token that is replaced at each use. A code used a second time
 * revokes every token given for it (RFC 6749 4.1.2). Revoking a refresh token revokes its grant.
 */
@Component
class WalletGrants {

  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
  static final Duration REFRESH_LIFETIME = Duration.ofDays(180);
  /** RFC 7636 4.1: 43 to 128 characters of the unreserved set. */
  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
  private static final String ACCESS = "ACCESS";
  private static final String REFRESH = "REFRESH";

  record Tokens(String accessToken, String refreshToken, Set<String> scopes, long expiresIn) {
  }

  /** Who an access token acts for, and what it may read. */
  record Access(String holderId, String clientId, Set<String> scopes) {
  }

  private record Code(String grantId, String clientId, String holderId, String redirectUri, Set<String> scopes,
      String challenge, OffsetDateTime expiresAt, boolean used) {
  }

  private record Token(String kind, String grantId, String clientId, String holderId, Set<String> scopes,
      OffsetDateTime expiresAt, boolean revoked) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  WalletGrants(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  String issueCode(WalletClients.Client client, String holderId, String redirectUri, Set<String> scopes,
      String codeChallenge) {
    String code = Secrets.newSecret();
    jdbc.sql("""
            insert into wallet_authorization_code (code_hash, grant_id, client_id, holder_id, redirect_uri, scope,
              code_challenge, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(Secrets.hash(code), Secrets.newSecret(), client.clientId(), holderId, redirectUri,
            WalletScopes.format(scopes), codeChallenge, OffsetDateTime.now(clock).plus(CODE_LIFETIME))
        .update();
    return code;
  }

  /** The token request of the authorization code grant; a refused one still uses the code up. */
  @Transactional(noRollbackFor = OAuthError.class)
  Tokens exchangeCode(WalletClients.Client client, String code, String redirectUri, String verifier, String scope) {
    if (code == null || code.isBlank()) {
      throw OAuthError.invalidRequest("code is required with grant_type authorization_code.");
    }
    if (verifier == null || verifier.isBlank()) {
      throw OAuthError.invalidRequest("code_verifier is required: this server takes PKCE (S256) only.");
    }
    String codeHash = Secrets.hash(code);
    Code found = jdbc.sql("""
            select grant_id, client_id, holder_id, redirect_uri, scope, code_challenge, expires_at, used_at
            from wallet_authorization_code where code_hash = ?""")
        .param(codeHash)
        .query((rs, row) -> new Code(rs.getString("grant_id"), rs.getString("client_id"), rs.getString("holder_id"),
            rs.getString("redirect_uri"), WalletScopes.parse(rs.getString("scope")), rs.getString("code_challenge"),
            rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("used_at") != null))
        .optional()
        .orElseThrow(() -> OAuthError.invalidGrant("The authorization code is not one this server gave."));
    if (!found.clientId().equals(client.clientId())) {
      throw OAuthError.invalidGrant("The authorization code was given to another client.");
    }
    boolean firstUse = !found.used() && jdbc.sql("""
            update wallet_authorization_code set used_at = ? where code_hash = ? and used_at is null""")
        .params(OffsetDateTime.now(clock), codeHash).update() == 1;
    if (!firstUse) {
      revokeGrant(found.grantId());
      throw OAuthError.invalidGrant("The authorization code was used already; the tokens given for it are revoked.");
    }
    if (found.expiresAt().isBefore(OffsetDateTime.now(clock))) {
      throw OAuthError.invalidGrant("The authorization code has expired (it is good for "
          + CODE_LIFETIME.toMinutes() + " minutes).");
    }
    if (!found.redirectUri().equals(redirectUri)) {
      throw OAuthError.invalidGrant("redirect_uri is not the one the code was asked with.");
    }
    if (!VERIFIER.matcher(verifier).matches() || !Secrets.sameHash(Secrets.s256(verifier), found.challenge())) {
      throw OAuthError.invalidGrant("code_verifier does not match the code_challenge (PKCE S256).");
    }
    return issueTokens(client, found.grantId(), found.holderId(), narrowed(found.scopes(), scope));
  }

  /** The refresh token grant: a new access token and a new refresh token; the old one is spent. */
  @Transactional(noRollbackFor = OAuthError.class)
  Tokens refresh(WalletClients.Client client, String refreshToken, String scope) {
    if (refreshToken == null || refreshToken.isBlank()) {
      throw OAuthError.invalidRequest("refresh_token is required with grant_type refresh_token.");
    }
    String hash = Secrets.hash(refreshToken);
    Token found = token(hash).filter(token -> token.kind().equals(REFRESH) && token.clientId().equals(client.clientId()))
        .orElseThrow(() -> OAuthError.invalidGrant("The refresh token is not one this server gave this client."));
    if (found.revoked()) {
      // A spent refresh token comes back: the wallet's copy was stolen, or the thief's was used first.
      // Either way the grant is no longer the holder's alone (RFC 9700 4.14.2): all of it ends.
      revokeGrant(found.grantId());
      throw OAuthError.invalidGrant("The refresh token was used or revoked already; every token of its grant is "
          + "revoked.");
    }
    if (expired(found)) {
      throw OAuthError.invalidGrant("The refresh token has expired.");
    }
    if (!revokeToken(hash)) {
      revokeGrant(found.grantId());
      throw OAuthError.invalidGrant("The refresh token was used at the same moment; every token of its grant is revoked.");
    }
    return issueTokens(client, found.grantId(), found.holderId(), narrowed(found.scopes(), scope));
  }

  Optional<Access> access(String accessToken) {
    return token(Secrets.hash(accessToken))
        .filter(token -> token.kind().equals(ACCESS) && !token.revoked() && !expired(token))
        .map(token -> new Access(token.holderId(), token.clientId(), token.scopes()));
  }

  /**
   * RFC 7009: a refresh token revokes its grant, an access token itself; a token this server never gave:
   * nothing (2.2). Another client's token is refused and left as it is (2.1): no client ends another's access.
   */
  @Transactional
  void revoke(WalletClients.Client client, String tokenValue) {
    String hash = Secrets.hash(tokenValue);
    Optional<Token> found = token(hash);
    if (found.isPresent() && !found.get().clientId().equals(client.clientId())) {
      throw new OAuthError(400, "unauthorized_client", "The token was not issued to this client (RFC 7009 2.1).");
    }
    found.ifPresent(token -> {
      if (token.kind().equals(REFRESH)) {
        revokeGrant(token.grantId());
      } else {
        revokeToken(hash);
      }
    });
  }

  /** A wallet the holder connected and has not disconnected: some token of it still works. */
  record Connection(String clientId, OffsetDateTime connectedAt, Set<String> scopes, OffsetDateTime until) {
  }

  List<Connection> connections(String holderId) {
    Map<String, Connection> byClient = new LinkedHashMap<>();
    jdbc.sql("""
            select client_id, issued_at, scope, expires_at from wallet_token
            where holder_id = ? and revoked_at is null and expires_at > ? order by issued_at""")
        .params(holderId, OffsetDateTime.now(clock))
        .query((rs, row) -> new Connection(rs.getString("client_id"), rs.getObject("issued_at", OffsetDateTime.class),
            WalletScopes.parse(rs.getString("scope")), rs.getObject("expires_at", OffsetDateTime.class)))
        .list()
        .forEach(token -> byClient.merge(token.clientId(), token, (first, next) -> {
          Set<String> scopes = new LinkedHashSet<>(first.scopes());
          scopes.addAll(next.scopes());
          return new Connection(first.clientId(), first.connectedAt(), scopes,
              next.until().isAfter(first.until()) ? next.until() : first.until());
        }));
    return List.copyOf(byClient.values());
  }

  /**
   * Revokes every token the holder gave the client, and removes the codes it has not exchanged yet (a
   * code given just before would otherwise reconnect it); how many tokens and codes still worked.
   */
  @Transactional
  int disconnect(String holderId, String clientId) {
    int codes = jdbc.sql("delete from wallet_authorization_code where holder_id = ? and client_id = ? and used_at is null")
        .params(holderId, clientId).update();
    int tokens = jdbc.sql("update wallet_token set revoked_at = ? where holder_id = ? and client_id = ? and revoked_at is null")
        .params(OffsetDateTime.now(clock), holderId, clientId).update();
    return codes + tokens;
  }

  private Tokens issueTokens(WalletClients.Client client, String grantId, String holderId, Set<String> scopes) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String access = Secrets.newSecret();
    insertToken(access, ACCESS, grantId, client.clientId(), holderId, scopes, now, now.plus(ACCESS_LIFETIME));
    String refresh = null;
    if (client.refreshAllowed() && scopes.contains(WalletScopes.OFFLINE_ACCESS)) {
      refresh = Secrets.newSecret();
      insertToken(refresh, REFRESH, grantId, client.clientId(), holderId, scopes, now, now.plus(REFRESH_LIFETIME));
    }
    return new Tokens(access, refresh, scopes, ACCESS_LIFETIME.toSeconds());
  }

  private void insertToken(String value, String kind, String grantId, String clientId, String holderId,
      Set<String> scopes, OffsetDateTime issuedAt, OffsetDateTime expiresAt) {
    jdbc.sql("""
            insert into wallet_token (token_hash, kind, grant_id, client_id, holder_id, scope, issued_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(Secrets.hash(value), kind, grantId, clientId, holderId, WalletScopes.format(scopes), issuedAt, expiresAt)
        .update();
  }

  /** Whether this call revoked the token (false: revoked already, at the same moment or before). */
  private boolean revokeToken(String hash) {
    return jdbc.sql("update wallet_token set revoked_at = ? where token_hash = ? and revoked_at is null")
        .params(OffsetDateTime.now(clock), hash).update() == 1;
  }

  private void revokeGrant(String grantId) {
    jdbc.sql("update wallet_token set revoked_at = ? where grant_id = ? and revoked_at is null")
        .params(OffsetDateTime.now(clock), grantId).update();
  }

  private Optional<Token> token(String hash) {
    return jdbc.sql("""
            select kind, grant_id, client_id, holder_id, scope, expires_at, revoked_at from wallet_token where token_hash = ?""")
        .param(hash)
        .query((rs, row) -> new Token(rs.getString("kind"), rs.getString("grant_id"), rs.getString("client_id"),
            rs.getString("holder_id"), WalletScopes.parse(rs.getString("scope")),
            rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("revoked_at") != null))
        .optional();
  }

  private boolean expired(Token token) {
    return token.expiresAt() != null && !token.expiresAt().isAfter(OffsetDateTime.now(clock));
  }

  /** The scope a token request asks for: what was granted, or a part of it (RFC 6749 6). */
  private static Set<String> narrowed(Set<String> granted, String scope) {
    Set<String> asked = WalletScopes.parse(scope);
    if (asked.isEmpty()) {
      return granted;
    }
    if (!granted.containsAll(asked)) {
      throw OAuthError.invalidScope("scope asks for more than the holder allowed: " + WalletScopes.format(granted) + ".");
    }
    return asked;
  }
}
