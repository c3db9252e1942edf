package org.microcredentials.wallet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialProperties;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSigner;
import org.microcredentials.credential.OpenBadges;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.BasicCredentials;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Open Badges 3.0 API (1EdTech) for the holders' wallets and backpacks, as a Service Provider
 * that is read: service discovery, dynamic client registration, the token endpoint (authorization
 * code with PKCE, refresh) and revocation, and with a holder's access token their credentials
 * (paged, {@code X-Total-Count} and {@code Link}) and profile. The holder's consent is asked on
 * {@link ConsentPages}. Errors of the resource endpoints are {@code Imsx_StatusInfo}; those of the
 * OAuth endpoints OAuth 2.0 errors.
 */
@RestController
class WalletApi {

  static final String BASE = "/ims/ob/v3p0";
  private static final int MAX_LIMIT = 100;
  /** Twice the longest metadata kept ({@link WalletClients}), for whitespace. */
  private static final int MAX_REGISTRATION_BYTES = 16 * 1024;

  private final WalletClients clients;
  private final WalletGrants grants;
  private final WalletDiscovery discovery;
  private final CredentialRegister credentials;
  private final OpenBadges openBadges;
  private final CredentialSigner signer;
  private final Organisation organisation;
  private final CredentialProperties properties;
  private final WalletRateLimits rateLimits;
  private final ObjectMapper json;

  WalletApi(WalletClients clients, WalletGrants grants, WalletDiscovery discovery, CredentialRegister credentials,
      OpenBadges openBadges, CredentialSigner signer, Organisation organisation, CredentialProperties properties,
      WalletRateLimits rateLimits, ObjectMapper json) {
    this.rateLimits = rateLimits;
    this.json = json;
    this.clients = clients;
    this.grants = grants;
    this.discovery = discovery;
    this.credentials = credentials;
    this.openBadges = openBadges;
    this.signer = signer;
    this.organisation = organisation;
    this.properties = properties;
  }

  /** Public: what a wallet reads first (the profiled OpenAPI document of the spec). */
  @GetMapping(value = BASE + "/discovery", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> discovery() {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1))).body(discovery.document());
  }

  /**
   * RFC 7591: open registration, as the Open Badges 3.0 API requires (no initial access token); so at
   * a bounded rate per address ({@link WalletRateLimits}), counted before the body is read, and the
   * body read no further than the longest metadata a client may register.
   */
  @PostMapping(value = BASE + "/register", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ObjectNode> register(HttpServletRequest caller) throws IOException {
    rateLimits.registration(caller);
    byte[] body = caller.getInputStream().readNBytes(MAX_REGISTRATION_BYTES + 1);
    if (body.length > MAX_REGISTRATION_BYTES) {
      throw OAuthError.invalidClientMetadata("The registration request is longer than " + MAX_REGISTRATION_BYTES
          + " bytes.");
    }
    JsonNode request;
    try {
      request = body.length == 0 ? null : json.readTree(body);
    } catch (JsonProcessingException notJson) {
      throw OAuthError.invalidClientMetadata("The registration request is a JSON object of client metadata (RFC 7591).");
    }
    return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
        .body(clients.register(request));
  }

  @PostMapping(value = BASE + "/token", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> token(HttpServletRequest request,
      @RequestParam(name = "grant_type", required = false) String grantType,
      @RequestParam(required = false) String code,
      @RequestParam(name = "redirect_uri", required = false) String redirectUri,
      @RequestParam(name = "code_verifier", required = false) String codeVerifier,
      @RequestParam(name = "refresh_token", required = false) String refreshToken,
      @RequestParam(required = false) String scope) {
    rateLimits.tokenRequest(request);
    WalletClients.Client client = authenticatedClient(request);
    WalletGrants.Tokens tokens;
    if (grantType == null || grantType.isBlank()) {
      throw OAuthError.invalidRequest("grant_type is required: authorization_code or refresh_token.");
    }
    if ("authorization_code".equals(grantType)) {
      tokens = grants.exchangeCode(client, code, redirectUri, codeVerifier, scope);
    } else if ("refresh_token".equals(grantType)) {
      if (!client.refreshAllowed()) {
        throw new OAuthError(400, "unauthorized_client", "This client did not register the refresh_token grant.");
      }
      tokens = grants.refresh(client, refreshToken, scope);
    } else {
      throw new OAuthError(400, "unsupported_grant_type",
          "grant_type is authorization_code or refresh_token; asked: " + grantType + ".");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("access_token", tokens.accessToken());
    answer.put("token_type", "Bearer");
    answer.put("expires_in", tokens.expiresIn());
    answer.put("scope", WalletScopes.format(tokens.scopes()));
    if (tokens.refreshToken() != null) {
      answer.put("refresh_token", tokens.refreshToken());
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(answer);
  }

  /**
   * RFC 7009: 200 whether or not the token was known (2.2), refused for another client's token (2.1).
   * {@code token_type_hint} is only a hint: the token is looked up whatever it says, an unknown hint
   * included (2.2 lets the server search across all its tokens).
   */
  @PostMapping(value = BASE + "/revoke")
  ResponseEntity<Void> revoke(HttpServletRequest request, @RequestParam(required = false) String token) {
    rateLimits.tokenRequest(request);
    WalletClients.Client client = authenticatedClient(request);
    if (token == null || token.isBlank()) {
      throw OAuthError.invalidRequest("token is required.");
    }
    grants.revoke(client, token);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
  }

  @GetMapping(value = BASE + "/credentials", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> credentials(HttpServletRequest request,
      @RequestParam(required = false) String limit, @RequestParam(required = false) String offset,
      @RequestParam(required = false) String since) {
    WalletGrants.Access access = access(request, WalletScopes.CREDENTIAL_READONLY);
    int pageSize = number(limit, "limit", 1, MAX_LIMIT, MAX_LIMIT);
    int first = number(offset, "offset", 0, Integer.MAX_VALUE, 0);
    OffsetDateTime after = since == null ? null : dateTime(since);
    // Revoked credentials are not handed to a wallet: it would hold something that fails verification.
    List<Credential> held = credentials.heldBy(access.holderId()).stream()
        .filter(credential -> !credential.revoked())
        .filter(credential -> after == null || credential.issuedAt().isAfter(after))
        .toList();
    List<Map<String, Object>> page = new ArrayList<>();
    int from = Math.min(first, held.size());
    int to = (int) Math.min((long) first + pageSize, held.size());
    for (Credential credential : held.subList(from, to)) {
      page.add(signer.signedDocument(openBadges.credential(credential)));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("credential", page);
    return ResponseEntity.ok().header("X-Total-Count", String.valueOf(held.size()))
        .header(HttpHeaders.LINK, links(held.size(), pageSize, first, since)).cacheControl(CacheControl.noStore())
        .body(body);
  }

  @GetMapping(value = BASE + "/profile", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> profile(HttpServletRequest request) {
    WalletGrants.Access access = access(request, WalletScopes.PROFILE_READONLY);
    Engineer holder = organisation.find(access.holderId())
        .orElseThrow(() -> new ImsxError(404, "not_found", "The holder of this token has no profile here."));
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("@context", List.of(OpenBadges.OB_CONTEXT));
    profile.put("id", credentials.subjectId(holder.userId()));
    profile.put("type", List.of("Profile"));
    profile.put("name", holder.displayName());
    if (holder.email() != null) {
      profile.put("email", holder.email());
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(profile);
  }

  /** First, last, and next and previous where there are: every page a client can reach from this one. */
  private String links(int total, int limit, int offset, String since) {
    String base = properties.publicUrl() + BASE + "/credentials?limit=" + limit
        + (since == null ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8)) + "&offset=";
    int last = total == 0 ? 0 : (total - 1) / limit * limit;
    List<String> links = new ArrayList<>();
    if ((long) offset + limit < total) {
      links.add("<" + base + (offset + limit) + ">; rel=\"next\"");
    }
    links.add("<" + base + last + ">; rel=\"last\"");
    links.add("<" + base + 0 + ">; rel=\"first\"");
    if (offset > 0) {
      links.add("<" + base + Math.max(0, Math.min(offset - limit, last)) + ">; rel=\"prev\"");
    }
    return String.join(", ", links);
  }

  private WalletGrants.Access access(HttpServletRequest request, String scope) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ImsxError.noAccessToken("An access token is required (Authorization: Bearer).");
    }
    WalletGrants.Access access = grants.access(header.substring(7).trim())
        .orElseThrow(() -> new ImsxError(401, "unauthorizedrequest", "The access token is unknown, expired or revoked."));
    if (!access.scopes().contains(scope)) {
      throw new ImsxError(403, "forbidden", "The access token does not carry the scope " + scope + ".");
    }
    return access;
  }

  /** HTTP Basic with the client id and secret, form-encoded first (RFC 6749 2.3.1). */
  private WalletClients.Client authenticatedClient(HttpServletRequest request) {
    BasicCredentials.Presented basic = BasicCredentials.presented(request).orElseThrow(() -> OAuthError.invalidClient(
        "The client authenticates with HTTP Basic (client_secret_basic): client_id:client_secret, base64."));
    String clientId;
    String secret;
    try {
      clientId = URLDecoder.decode(basic.name(), StandardCharsets.UTF_8);
      secret = URLDecoder.decode(basic.password(), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw OAuthError.invalidClient("The client id and secret are form-encoded (RFC 6749 2.3.1); these are not.");
    }
    return clients.authenticate(clientId, secret)
        .orElseThrow(() -> OAuthError.invalidClient("Unknown client, or a wrong secret."));
  }

  private static int number(String text, String name, int min, int max, int byDefault) {
    if (text == null) {
      return byDefault;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min) {
        return Math.min(value, max);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ImsxError(400, "invalid_query_parameter", name + " is a whole number of at least " + min + "; got " + text + ".");
  }

  private static OffsetDateTime dateTime(String text) {
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new ImsxError(400, "invalid_query_parameter", "since is a date and time with its offset, e.g. "
          + "2026-01-31T09:00:00Z; got " + text + ".");
    }
  }
}
