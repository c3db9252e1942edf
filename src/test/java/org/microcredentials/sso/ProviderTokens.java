package org.microcredentials.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Access tokens of {@link TestIdentityProvider} for a person, obtained as a client application would: the
 * authorization code flow through the provider's own login form (user id and password), then the code exchanged
 * at the token endpoint. And tokens the provider never issued, for the refusals: an expired one signed with its
 * key, one signed with another key.
 */
final class ProviderTokens {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestIdentityProvider.Running provider;

  ProviderTokens(TestIdentityProvider.Running provider) {
    this.provider = provider;
  }

  String accessTokenOf(String user) throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String authorize = UriComponentsBuilder.fromUriString(provider.issuer() + "/oauth2/authorize")
        .queryParam("response_type", "code").queryParam("client_id", TestIdentityProvider.CLIENT_ID)
        .queryParam("scope", "openid profile").queryParam("state", "test-state")
        .queryParam("redirect_uri", TestIdentityProvider.TEST_REDIRECT).encode().build().toUriString();
    String login = redirectOf(browser.send(get(authorize), HttpResponse.BodyHandlers.discarding()));
    String loginPage = browser.send(get(login), HttpResponse.BodyHandlers.ofString()).body();
    Matcher csrf = CSRF.matcher(loginPage);
    if (!csrf.find()) {
      throw new IllegalStateException("The provider's login page has no CSRF token: " + loginPage);
    }
    var signedIn = browser.send(post(login, null, Map.of("username", user, "password", user, "_csrf", csrf.group(1))),
        HttpResponse.BodyHandlers.discarding());
    String back = redirectOf(signedIn);
    String callback = redirectOf(browser.send(get(back), HttpResponse.BodyHandlers.discarding()));
    String code = UriComponentsBuilder.fromUriString(callback).build().getQueryParams().getFirst("code");
    if (code == null) {
      throw new IllegalStateException("No code for " + user + ": " + callback);
    }
    String client = Base64.getEncoder().encodeToString(
        (TestIdentityProvider.CLIENT_ID + ":" + TestIdentityProvider.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    var token = browser.send(post(provider.issuer() + "/oauth2/token", "Basic " + client, Map.of(
        "grant_type", "authorization_code", "code", code, "redirect_uri", TestIdentityProvider.TEST_REDIRECT)),
        HttpResponse.BodyHandlers.ofString());
    if (token.statusCode() != 200) {
      throw new IllegalStateException("Token endpoint: " + token.statusCode() + " " + token.body());
    }
    return JSON.readTree(token.body()).get("access_token").asText();
  }

  /** A token as the provider would issue it for the user, signed with {@code key}, valid until {@code expires}. */
  String tokenSignedWith(RSAKey key, String user, Instant expires) throws JOSEException {
    var claims = new JWTClaimsSet.Builder().issuer(provider.issuer()).subject(user).claim("preferred_username", user)
        .claim("groups", List.of("engineers")).audience(TestIdentityProvider.CLIENT_ID)
        .issueTime(Date.from(expires.minusSeconds(300))).notBeforeTime(Date.from(expires.minusSeconds(300)))
        .expirationTime(Date.from(expires)).build();
    var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static String redirectOf(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
        "Expected a redirect from " + response.uri() + ", got " + response.statusCode()));
    return response.uri().resolve(location).toString();
  }

  private static HttpRequest get(String uri) {
    // As a browser asks: the provider sends only a browser to its login page.
    return HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").GET().build();
  }

  private static HttpRequest post(String uri, String authorization, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    var request = HttpRequest.newBuilder(URI.create(uri))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.build();
  }
}
