package org.microcredentials.wallet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wallets registered as OAuth 2.0 clients by dynamic client registration (RFC 7591, as the Open
 * Badges 3.0 API profiles it): every required piece of metadata present, every URL https (or http on
 * this machine's loopback, for a wallet tried beside the embedded default) and on one host name, the
 * one client authentication, grant and response type the profile allows. The secret is given once,
 * in the answer, and kept as a hash.
 *
 * <p>Registration is open to anyone, so what one leaves behind is bounded ({@link WalletLimits}): each
 * field's length and the number of redirect URIs, and time: a client that has not been given a token
 * within {@code unused-registration-expiry} of registering is no client any more, and is deleted at
 * the next registration (with the codes and consents it had). How often one address may register is
 * {@link WalletRateLimits}'.
 */
@Component
class WalletClients {

  /** A registered client, as the other endpoints need it. */
  record Client(String clientId, String name, String uri, String logoUri, String tosUri, String policyUri,
      List<String> redirectUris, Set<String> scopes, boolean refreshAllowed) {
  }

  private static final List<String> REQUIRED_TEXT = List.of("client_name", "software_id", "software_version");
  private static final List<String> REQUIRED_URLS = List.of("client_uri", "logo_uri", "tos_uri", "policy_uri");
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final int MAX_METADATA = 8000;

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final WalletLimits limits;
  private final Clock clock;

  WalletClients(JdbcClient jdbc, ObjectMapper json, WalletLimits limits, Clock clock) {
    this.jdbc = jdbc;
    this.limits = limits;
    this.json = json;
    this.clock = clock;
  }

  /** Registers the client the metadata describes; the answer of RFC 7591 3.2.1, its secret included. */
  @Transactional
  ObjectNode register(JsonNode request) {
    if (request == null || !request.isObject()) {
      throw OAuthError.invalidClientMetadata("The registration request is a JSON object of client metadata (RFC 7591).");
    }
    ObjectNode metadata = request.deepCopy();
    for (String field : REQUIRED_TEXT) {
      notLongerThan(requiredText(metadata, field), field, limits.maxTextLength(), false);
    }
    List<URI> urls = new ArrayList<>();
    for (String field : REQUIRED_URLS) {
      urls.add(url(notLongerThan(requiredText(metadata, field), field, limits.maxUrlLength(), false), field, false));
    }
    JsonNode redirects = metadata.path("redirect_uris");
    if (!redirects.isArray() || redirects.isEmpty()) {
      throw OAuthError.invalidRedirectUri("redirect_uris is required: an array of at least one URL.");
    }
    if (redirects.size() > limits.maxRedirectUris()) {
      throw OAuthError.invalidRedirectUri("redirect_uris holds at most " + limits.maxRedirectUris() + " URLs.");
    }
    List<String> redirectUris = new ArrayList<>();
    for (JsonNode redirect : redirects) {
      if (!redirect.isTextual()) {
        throw OAuthError.invalidRedirectUri("redirect_uris holds URLs as strings.");
      }
      notLongerThan(redirect.asText(), "redirect_uris", limits.maxUrlLength(), true);
      urls.add(url(redirect.asText(), "redirect_uris", true));
      redirectUris.add(redirect.asText());
    }
    Set<String> hosts = new LinkedHashSet<>();
    urls.forEach(url -> hosts.add(url.getHost().toLowerCase(Locale.ROOT)));
    if (hosts.size() > 1) {
      throw OAuthError.invalidClientMetadata("All URLs of a client are on one host name (Open Badges 3.0 API); these name "
          + String.join(", ", hosts) + ".");
    }
    onlyAllowed(metadata, "token_endpoint_auth_method", Set.of("client_secret_basic"), "client_secret_basic", false);
    Set<String> grants = onlyAllowed(metadata, "grant_types", Set.of("authorization_code", "refresh_token"),
        "authorization_code", true);
    if (!grants.contains("authorization_code")) {
      throw OAuthError.invalidClientMetadata("grant_types includes authorization_code: the only grant this server gives.");
    }
    onlyAllowed(metadata, "response_types", Set.of("code"), "code", true);

    Set<String> asked = WalletScopes.parse(metadata.path("scope").asText(null));
    Set<String> scopes = new LinkedHashSet<>();
    (asked.isEmpty() ? Set.of(WalletScopes.CREDENTIAL_READONLY, WalletScopes.PROFILE_READONLY) : asked).stream()
        .filter(WalletScopes.OFFERED::containsKey).forEach(scopes::add);
    if (scopes.isEmpty()) {
      throw OAuthError.invalidClientMetadata("scope names none of the scopes served here: "
          + String.join(" ", WalletScopes.OFFERED.keySet()) + ".");
    }
    // RFC 7591 3.2.1: the server registers the scopes it serves and says which.
    metadata.put("scope", WalletScopes.format(scopes));

    String clientId = Secrets.newSecret();
    String secret = Secrets.newSecret();
    OffsetDateTime now = OffsetDateTime.now(clock);
    removeUnused(now);
    String stored = write(metadata);
    if (stored.length() > MAX_METADATA) {
      throw OAuthError.invalidClientMetadata("The client metadata is longer than " + MAX_METADATA + " characters.");
    }
    jdbc.sql("""
            insert into wallet_client (client_id, secret_hash, metadata, redirect_uris, scope, refresh_allowed, registered_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(clientId, Secrets.hash(secret), stored, String.join("\n", redirectUris), WalletScopes.format(scopes),
            grants.contains("refresh_token"), now)
        .update();

    ObjectNode answer = json.createObjectNode();
    answer.put("client_id", clientId);
    answer.put("client_secret", secret);
    answer.put("client_id_issued_at", now.toEpochSecond());
    answer.put("client_secret_expires_at", 0);
    answer.setAll(metadata);
    return answer;
  }

  /** The client, unless it never was or its registration expired unused. */
  Optional<Client> find(String clientId) {
    if (clientId == null) {
      return Optional.empty();
    }
    return jdbc.sql("""
            select metadata, redirect_uris, scope, refresh_allowed from wallet_client c where client_id = ?
            and (registered_at >= ? or exists (select 1 from wallet_token t where t.client_id = c.client_id))""")
        .params(clientId, unusedSince(OffsetDateTime.now(clock)))
        .query((rs, row) -> client(clientId, rs.getString("metadata"), rs.getString("redirect_uris"),
            rs.getString("scope"), rs.getBoolean("refresh_allowed")))
        .optional();
  }

  /** The client whose id and secret these are (HTTP Basic on the token and revocation endpoints). */
  Optional<Client> authenticate(String clientId, String secret) {
    if (clientId == null || secret == null) {
      return Optional.empty();
    }
    Optional<String> hash = jdbc.sql("select secret_hash from wallet_client where client_id = ?").param(clientId)
        .query(String.class).optional();
    return hash.filter(stored -> Secrets.sameHash(stored, Secrets.hash(secret))).flatMap(stored -> find(clientId));
  }

  /** Clients registered before {@code now} less the expiry and never given a token, with their codes and consents. */
  @Transactional
  int removeUnused(OffsetDateTime now) {
    String unused = """
        select c.client_id from wallet_client c where c.registered_at < ?
        and not exists (select 1 from wallet_token t where t.client_id = c.client_id)""";
    OffsetDateTime since = unusedSince(now);
    jdbc.sql("delete from wallet_consent_request where client_id in (" + unused + ")").param(since).update();
    jdbc.sql("delete from wallet_authorization_code where client_id in (" + unused + ")").param(since).update();
    return jdbc.sql("""
            delete from wallet_client where registered_at < ?
            and not exists (select 1 from wallet_token t where t.client_id = wallet_client.client_id)""")
        .param(since).update();
  }

  private OffsetDateTime unusedSince(OffsetDateTime now) {
    return now.minus(limits.unusedRegistrationExpiry());
  }

  private static String notLongerThan(String value, String field, int maximum, boolean redirect) {
    if (value.length() > maximum) {
      throw metadataError(redirect, field + " is at most " + maximum + " characters.");
    }
    return value;
  }

  private Client client(String clientId, String metadata, String redirectUris, String scope, boolean refreshAllowed) {
    JsonNode read;
    try {
      read = json.readTree(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable metadata of wallet client " + clientId, e);
    }
    return new Client(clientId, read.path("client_name").asText(), read.path("client_uri").asText(),
        read.path("logo_uri").asText(), read.path("tos_uri").asText(), read.path("policy_uri").asText(),
        List.of(redirectUris.split("\n")), WalletScopes.parse(scope), refreshAllowed);
  }

  private static String requiredText(ObjectNode metadata, String field) {
    JsonNode value = metadata.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw OAuthError.invalidClientMetadata(field + " is required (Open Badges 3.0 API client registration).");
    }
    return value.asText();
  }

  /** An absolute https URL (http on the loopback), without a fragment where it is a redirect URI. */
  static URI url(String text, String field, boolean redirect) {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw metadataError(redirect, field + " is not a URL: " + text);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && LOOPBACK.contains(url.getHost()))) {
      throw metadataError(redirect, field + " is an https URL (http only on localhost): " + text);
    }
    if (redirect && url.getRawFragment() != null) {
      throw metadataError(true, "A redirect URI has no fragment (RFC 6749 3.1.2): " + text);
    }
    return url;
  }

  private static OAuthError metadataError(boolean redirect, String description) {
    return redirect ? OAuthError.invalidRedirectUri(description) : OAuthError.invalidClientMetadata(description);
  }

  /** An array (or, for a single-valued field, a string) whose values are all allowed; the default when absent. */
  private Set<String> onlyAllowed(ObjectNode metadata, String field, Set<String> allowed, String byDefault, boolean array) {
    JsonNode value = metadata.get(field);
    Set<String> values = new LinkedHashSet<>();
    if (value == null || value.isNull()) {
      values.add(byDefault);
    } else if (array && value.isArray()) {
      value.forEach(each -> values.add(each.asText()));
    } else if (!array && value.isTextual()) {
      values.add(value.asText());
    } else {
      throw OAuthError.invalidClientMetadata(field + " is " + (array ? "an array of strings." : "a string."));
    }
    if (!allowed.containsAll(values) || values.isEmpty()) {
      throw OAuthError.invalidClientMetadata(field + " may only be " + String.join(" or ", allowed)
          + " (Open Badges 3.0 API); asked: " + String.join(", ", values) + ".");
    }
    if (value == null || value.isNull()) {
      if (array) {
        ArrayNode defaults = metadata.putArray(field);
        values.forEach(defaults::add);
      } else {
        metadata.put(field, byDefault);
      }
    }
    return values;
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
