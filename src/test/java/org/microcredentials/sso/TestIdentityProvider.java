package org.microcredentials.sso;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID provider for the tests of profile {@code oidc}: Spring Authorization Server, as its own small
 * Spring Boot application in the test's JVM (web server, Spring Security, the authorization server; no engine,
 * no database, none of our configuration). Its people are the demo organisation's (password = user id) and
 * {@code nolan}, whom the provider knows and the organisation does not. Tokens carry {@code preferred_username}
 * and {@code groups}, but {@code frank}'s carry no groups: his come from Camunda's identity service.
 *
 * <p>It runs at {@code http://localhost:<port>}, the application under test at {@code http://127.0.0.1:<port>}:
 * two hosts, so that a browser keeps their cookies apart, and the provider accepts the application's address
 * as a redirect (it refuses {@code localhost} there, as RFC 8252 advises). No {@code @Configuration} here: the
 * application's component scan, which covers this package, must not find it.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
    JacksonAutoConfiguration.class, SecurityAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
    OAuth2AuthorizationServerJwtAutoConfiguration.class})
public class TestIdentityProvider {

  static final String CLIENT_ID = "microcredentials";
  static final String CLIENT_SECRET = "client-secret-of-the-tests";
  /** Where the tests' own code flow is sent back to; never requested, the code is read from the redirect. */
  static final String TEST_REDIRECT = "http://127.0.0.1/test-callback";
  static final RSAKey SIGNING_KEY = newKey("provider-key");
  static final Map<String, List<String>> GROUPS = groups();

  private static Running running;

  /** The provider and the application's address, fixed for the JVM: the client registration names both. */
  record Running(int providerPort, int applicationPort, ConfigurableApplicationContext provider) {
    String issuer() {
      return "http://localhost:" + providerPort;
    }

    String application() {
      return "http://127.0.0.1:" + applicationPort;
    }
  }

  static synchronized Running running() {
    if (running == null) {
      int providerPort = freePort();
      int applicationPort = freePort();
      ConfigurableApplicationContext provider = new SpringApplicationBuilder(TestIdentityProvider.class)
          .properties(Map.of("application.port", applicationPort))
          .run("--spring.config.name=test-identity-provider", "--server.port=" + providerPort,
              "--spring.security.oauth2.authorizationserver.issuer=http://localhost:" + providerPort,
              "--server.servlet.session.cookie.name=PROVIDER_SESSION", "--spring.main.banner-mode=off",
              "--spring.jmx.enabled=false", "--logging.level.root=WARN");
      running = new Running(providerPort, applicationPort, provider);
      Runtime.getRuntime().addShutdownHook(new Thread(provider::close));
    }
    return running;
  }

  /** Points the application under test at the provider: the properties docs/single-sign-on.md names. */
  public static final class Configured implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext application) {
      Running provider = running();
      TestPropertyValues.of(
          "server.port=" + provider.applicationPort(),
          "server.address=127.0.0.1",
          "spring.security.oauth2.client.registration.sso.client-id=" + CLIENT_ID,
          "spring.security.oauth2.client.registration.sso.client-secret=" + CLIENT_SECRET,
          "spring.security.oauth2.client.provider.sso.issuer-uri=" + provider.issuer(),
          "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + provider.issuer()).applyTo(application);
    }
  }

  @Bean
  UserDetailsService providerPeople() {
    var people = new InMemoryUserDetailsManager();
    GROUPS.keySet().forEach(id -> people.createUser(User.withUsername(id).password("{noop}" + id).roles("USER").build()));
    people.createUser(User.withUsername("frank").password("{noop}frank").roles("USER").build());
    return people;
  }

  @Bean
  RegisteredClientRepository providerClients(org.springframework.core.env.Environment environment) {
    String application = "http://127.0.0.1:" + environment.getProperty("application.port");
    return new InMemoryRegisteredClientRepository(RegisteredClient.withId(CLIENT_ID)
        .clientId(CLIENT_ID)
        .clientSecret("{noop}" + CLIENT_SECRET)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUri(application + "/camunda/login/oauth2/code/sso")
        .redirectUri(TEST_REDIRECT)
        .postLogoutRedirectUri(application + "/")
        .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
        .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
        .build());
  }

  @Bean
  JWKSource<SecurityContext> providerSigningKeys() {
    return new ImmutableJWKSet<>(new JWKSet(SIGNING_KEY));
  }

  /** The user id and groups, in the access token and the ID token, as Keycloak's mappers put them. */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> userIdAndGroups() {
    return context -> {
      boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
      boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
      if (!accessToken && !idToken) {
        return;
      }
      String user = context.getPrincipal().getName();
      context.getClaims().claim("preferred_username", user);
      List<String> groups = GROUPS.get(user);
      if (groups != null) {
        context.getClaims().claim("groups", groups);
      }
    };
  }

  static RSAKey newKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (com.nimbusds.jose.JOSEException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    List<String> engineer = List.of("engineers");
    List<String> leader = List.of("engineers", "assessors", "leaders");
    List<String> reviewer = List.of("engineers", "assessors", "leaders", "endorsement-reviewers");
    List<String> manager = List.of("engineers", "assessors", "leaders", "endorsement-reviewers", "sem-team");
    groups.put("demo", List.of("camunda-admin"));
    groups.put("henry", engineer);
    groups.put("alice", engineer);
    groups.put("bob", engineer);
    groups.put("carol", leader);
    groups.put("dave", leader);
    groups.put("erin", manager);
    groups.put("ivan", manager);
    groups.put("grace", reviewer);
    groups.put("nolan", engineer);
    return groups;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
