package org.microcredentials.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.microcredentials.security.CamundaUser;
import org.microcredentials.security.SingleSignOn;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Profile {@code oidc}: sign-in through an OpenID provider (Spring Boot's client registration {@code sso}) for
 * Tasklist, Cockpit and Admin, and the provider's bearer tokens on {@code /engine-rest} and {@code /api}.
 *
 * <ul>
 *   <li>Webapps: every page needs a sign-in; a browser is sent to the provider, an API call of the webapps
 *   answered 401. Signed in, the person (user id and groups from the token, {@link KnownPeople}) is kept in the
 *   HTTP session and handed to Camunda's webapps by {@link WebappSignIn}. Camunda's own login form is closed:
 *   passwords are the provider's. Someone the provider knows but the organisation does not is shown a refusal
 *   page (403), not signed in.
 *   <li>Sign-out: the webapps' Log out ends the session here (the webapps then show their login page; the next
 *   visit signs in again through the provider, silently while the provider's session lasts);
 *   {@code /camunda/sso/logout} also ends the session at the provider (RP-initiated logout), where the provider
 *   offers it.
 *   <li>Bearer tokens: checked against the provider's keys and issuer, then the person as for the webapps; the
 *   engine is told who acts as for HTTP Basic, and the allow list applies alike.
 * </ul>
 */
@Component
@Profile("oidc")
class OidcSignIn implements SingleSignOn {

  /** Spring Boot's client registration {@code spring.security.oauth2.client.registration.sso}. */
  static final String REGISTRATION = "sso";
  static final String AUTHORIZATION = "/camunda/oauth2/authorization";
  static final String SIGN_OUT = "/camunda/sso/logout";

  private final KnownPeople people;
  private final JwtDecoder tokens;
  private final SignInPages pages;
  private final ClientRegistrationRepository registrations;
  private final OidcUserService provider = new OidcUserService();

  OidcSignIn(KnownPeople people, JwtDecoder tokens, SignInPages pages, ClientRegistrationRepository registrations) {
    this.people = people;
    this.tokens = tokens;
    this.pages = pages;
    this.registrations = registrations;
  }

  @Override
  public void acceptBearerTokens(HttpSecurity http, AuthenticationEntryPoint refusal) throws Exception {
    http.oauth2ResourceServer(server -> server
        .authenticationEntryPoint(refusal)
        .jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(this::camundaUser)));
  }

  @Override
  public void signInToWebapps(HttpSecurity http) throws Exception {
    // The sign-in lives in the HTTP session, beside the webapps' own; a new session id on sign-in.
    http.securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository())))
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        // Back to the page that was asked for once signed in (Spring Security's default cache: page visits only,
        // no API calls, no writes).
        .requestCache(Customizer.withDefaults())
        .oauth2Login(login -> login
            .loginPage(AUTHORIZATION + "/" + REGISTRATION)
            .authorizationEndpoint(authorization -> authorization.baseUri(AUTHORIZATION)
                .authorizationRequestResolver(withProofKey()))
            .redirectionEndpoint(redirection -> redirection.baseUri("/camunda/login/oauth2/code/*"))
            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::signedIn))
            .defaultSuccessUrl("/camunda/app/tasklist/")
            .failureHandler(pages::refuseSignIn))
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(call(HttpMethod.POST, SIGN_OUT),
                call(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout")))
            .logoutSuccessHandler(this::signedOut))
        .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), call(null, "/camunda/api/**")))
        .authorizeHttpRequests(requests -> requests
            // Camunda's password login: the provider checks passwords, nobody else.
            .requestMatchers(call(null, "/camunda/api/admin/auth/user/*/login/**")).denyAll()
            .requestMatchers(call(HttpMethod.GET, SIGN_OUT)).permitAll()
            .anyRequest().authenticated());
  }

  /**
   * PKCE (RFC 7636) although the client is confidential, as OAuth 2.0 Security Best Current Practice advises:
   * a code caught on its way back is worth nothing without the verifier, and providers that require it for
   * every client (a Keycloak client with a code challenge method set) accept the sign-in.
   */
  private OAuth2AuthorizationRequestResolver withProofKey() {
    var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION);
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return resolver;
  }

  /** The person a bearer token names, as HTTP Basic would have authenticated them. */
  private CamundaUser camundaUser(Jwt token) {
    KnownPeople.Person person = people.person(token.getClaims());
    return new CamundaUser(person.userId(), person.groupIds(), people.tenantIds(person.userId()));
  }

  /** The provider's user, named by the user id claim, with the person's groups as authorities. */
  private OidcUser signedIn(OidcUserRequest request) {
    OidcUser user = provider.loadUser(request);
    KnownPeople.Person person = people.person(user.getClaims());
    List<GrantedAuthority> groups = person.groupIds().stream()
        .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(CamundaUser.group(group))).toList();
    return new DefaultOidcUser(groups, user.getIdToken(), user.getUserInfo(), people.userIdClaim());
  }

  private void signedOut(HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
      throws IOException {
    if (!SIGN_OUT.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
      // The webapps' Log out button (a script's call): they show their own page next.
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    pages.signedOut(request, response, signedIn);
  }

  private static RequestMatcher call(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
