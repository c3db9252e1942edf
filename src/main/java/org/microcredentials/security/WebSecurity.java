package org.microcredentials.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.apache.catalina.core.StandardHost;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.camunda.bpm.engine.ProcessEngine;
import org.microcredentials.credential.CredentialProperties;
import org.microcredentials.framework.Groups;
import org.microcredentials.framework.IdentityChanged;
import org.microcredentials.process.TransientFailureFilter;
import org.microcredentials.process.WebHardening;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The web layer: who reaches which surface, in one place, one {@link SecurityFilterChain} per surface (the
 * table of docs/security.md, "Surfaces and their authentication"). Spring Security's firewall runs before all
 * of them and refuses a malformed URL (matrix parameters, encoded slashes or dots, {@code ..}, a backslash, a
 * null byte) with a 400: the spellings that once led the engine's REST API around a rule never reach anything.
 *
 * <p>Each chain, first: the 503 of a database outage instead of an error page ({@link TransientFailureFilter}),
 * the request body limit (413), the browser protections (Content-Security-Policy except in Camunda's webapps,
 * which set their own; {@code nosniff}; no framing; no referrer to other sites). No chain keeps anything in the
 * HTTP session: REST is stateless, and the webapps' session is Camunda's own.
 *
 * <ul>
 *   <li>{@code /engine-rest/**} and {@code /api/**}: HTTP Basic against Camunda's users ({@link CamundaUsers},
 *   throttled by address and account), the engine told who acts ({@link ActingUser}), cross-site writes refused
 *   ({@link SameSiteOnly}). Open: {@code GET /engine-rest/engine} (engine names) and {@link PublicVerification}.
 *   <li>{@code /reports}: the Tasklist session or Basic; the SEM team and administrators.
 *   <li>{@code /actuator/**}: health open; the rest Basic of an administrator.
 *   <li>{@code /ims/**}: the wallet API authenticates itself (OAuth 2 bearer tokens, client Basic); its consent
 *   page reads the person from the Tasklist session or a throttled Basic login.
 *   <li>{@code /camunda/**}: Tasklist, Cockpit and Admin with Camunda's session login and CSRF filters; their
 *   login form throttled like Basic ({@link WebappLoginThrottle}).
 *   <li>Everything else: public pages (a credential, its badge and signed JSON, the start page).
 * </ul>
 *
 * <p>Profile {@code oidc} ({@link SingleSignOn}, package {@code sso}): {@code /engine-rest} and {@code /api} also
 * take the provider's bearer tokens, and the webapps sign in through the provider instead of their login form;
 * that sign-in is kept in the HTTP session, beside the webapps' own.
 */
@Configuration
class WebSecurity {

  private static final String ENGINE_REALM = "default";
  private static final String REALM = "micro-credentials";

  private final ProcessEngine engine;
  private final String publicUrl;
  private final ObjectMapper json;
  private final long maxRequestBytes;
  private final ClientAddress clientAddress;
  private final LoginThrottle throttle;
  private final RecentLogins recentLogins;
  private final CamundaUsers users;
  private final AuthenticationManager authentication;
  private final SingleSignOn singleSignOn;

  WebSecurity(ProcessEngine engine, WebSecurityProperties properties, ObjectMapper json,
      ObjectProvider<SingleSignOn> singleSignOn,
      @Value("${microcredentials.max-request-bytes:1048576}") long maxRequestBytes,
      CredentialProperties credentials) {
    this.engine = engine;
    // Behind a proxy that rewrites the Host, the pages' origin is the public address people use.
    this.publicUrl = credentials.publicUrl();
    this.json = json;
    this.maxRequestBytes = maxRequestBytes;
    this.clientAddress = new ClientAddress(properties.trustedProxies());
    // The system clock, not the application's: tests move that one, and a wait must pass in real time.
    this.throttle = new LoginThrottle(properties, Clock.systemUTC());
    this.recentLogins = new RecentLogins(properties.recentLoginLifetime(), properties.throttleEntries(),
        Clock.systemUTC());
    this.users = new CamundaUsers(engine.getIdentityService(), throttle, recentLogins);
    this.authentication = new ProviderManager(users);
    this.singleSignOn = singleSignOn.getIfAvailable();
  }

  /** Who a request comes from, behind the trusted proxies only: for every limit kept per client address. */
  @Bean
  ClientAddress clientAddress() {
    return clientAddress;
  }

  /** The one way we check a password; as a bean it also keeps Spring Boot from creating a default user. */
  @Bean
  CamundaUsers camundaUsers() {
    return users;
  }

  /** Changes to who is who made through this application: every login is checked again at its next request. */
  @EventListener
  void identityChanged(IdentityChanged change) {
    recentLogins.forgetAll();
  }

  /**
   * Changes to who is who made through the engine's REST API or Camunda Admin (a password, a person, a membership):
   * every login is checked again at its next request.
   */
  @Bean
  FilterRegistrationBean<Filter> identityWritesForgetLogins() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
        new IdentityWritesForgetLogins(recentLogins));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    return registration;
  }

  /**
   * No Micrometer observation of each security filter, authentication and authorization decision: they were a fifth of
   * an {@code /api} request's CPU (docs/performance.md) and nothing reads them. Every request is still timed as a whole
   * ({@code http_server_requests}); what the filters decide does not change.
   */
  @Bean
  static SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** The firewall's refusal: a small problem detail, no stack trace, no echo of the URL. */
  @Bean
  RequestRejectedHandler malformedUrls() {
    return (request, response, rejected) -> Problems.write(response, 400, "well-formed-url", "Bad Request",
        "The URL is not in its normal form (matrix parameters, encoded slashes or dots, '..', backslashes or "
            + "control characters are refused).");
  }

  /**
   * The firewall once more, just in front of Spring Security's filters: Spring parses each request's path for the
   * chains' matchers before the firewall of the chains looks at it, and that parsing fails on a matrix parameter on
   * the segment a servlet is mapped to ({@code /engine-rest;x=1/task}, {@code /camunda/api;x=1/...}): a 500 and a
   * stack trace in the log for anyone who asks, where every other malformed URL is refused with a 400.
   */
  @Bean
  FilterRegistrationBean<Filter> urlsInNormalForm(RequestRejectedHandler malformedUrls,
      @Value("${spring.security.filter.order}") int securityFilterOrder) {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      try {
        firewall.getFirewalledRequest((HttpServletRequest) request);
      } catch (RequestRejectedException malformed) {
        malformedUrls.handle((HttpServletRequest) request, (HttpServletResponse) response, malformed);
        return;
      }
      chain.doFilter(request, response);
    });
    registration.setOrder(securityFilterOrder - 1);
    return registration;
  }

  /**
   * Tomcat itself refuses an encoded slash or backslash in a path, with its own HTML page; let them through to
   * the firewall instead, which refuses them as every other malformed URL, with a problem detail.
   */
  @Bean
  static WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheFirewall() {
    return factory -> {
      factory.addConnectorCustomizers(connector -> {
        connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
        connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
      });
      // What Tomcat refuses itself (a null byte, a raw backslash) answers as the firewall does, not with its page.
      factory.addContextCustomizers(context -> {
        var pipeline = context.getParent().getPipeline();
        for (var valve : pipeline.getValves()) {
          if (TomcatRefusals.isErrorReport(valve)) {
            pipeline.removeValve(valve);
          }
        }
        pipeline.addValve(new TomcatRefusals());
        // Else the host adds Tomcat's own on start, which would report first.
        if (context.getParent() instanceof StandardHost host) {
          host.setErrorReportValveClass(TomcatRefusals.class.getName());
        }
      });
    };
  }

  @Bean
  @Order(1)
  SecurityFilterChain engineRestChain(HttpSecurity http) throws Exception {
    stateless(http, path("/engine-rest/**"), true);
    restLogin(http, AccessRefusals.restLogin(ENGINE_REALM), request -> false);
    http.authorizeHttpRequests(requests -> requests
        // The engines' names, as Camunda's own filter lets through: Modeler asks it before it logs in.
        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/engine-rest/engine"))
        .permitAll()
        .anyRequest().authenticated());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
    stateless(http, path("/api/**"), true);
    // The portfolio and its buttons are browser pages under /api: a person logged in to Tasklist is logged in
    // here, and a browser opening them without a login is led to Tasklist's, never offered Basic.
    http.addFilterBefore(new WebappSessionLogin(users, engine.getName()), BasicAuthenticationFilter.class);
    restLogin(http, AccessRefusals.pageLogin(REALM), new OrRequestMatcher(PublicVerification.MATCHERS));
    http.authorizeHttpRequests(requests -> requests
        .requestMatchers(PublicVerification.MATCHERS.toArray(RequestMatcher[]::new)).permitAll()
        .anyRequest().authenticated());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain reportsChain(HttpSecurity http) throws Exception {
    stateless(http, new OrRequestMatcher(path("/reports"), path("/reports/**")), true);
    http.addFilterBefore(new WebappSessionLogin(users, engine.getName()), BasicAuthenticationFilter.class);
    restLogin(http, AccessRefusals.pageLogin(REALM + " reports"), request -> false);
    http.exceptionHandling(handling -> handling
        .accessDeniedHandler(AccessRefusals.pageForbidden("Only the SEM team and administrators read reports.")));
    http.authorizeHttpRequests(requests -> requests
        .anyRequest().hasAnyAuthority(CamundaUser.group(Groups.SEM_TEAM), CamundaUser.group(Groups.ADMINISTRATORS)));
    return http.build();
  }

  @Bean
  @Order(4)
  SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
    stateless(http, new OrRequestMatcher(path("/actuator"), path("/actuator/**")), true);
    restLogin(http, AccessRefusals.restLogin(REALM + " operations"), request -> false);
    http.exceptionHandling(handling -> handling
        .accessDeniedHandler(AccessRefusals.restForbidden("Only administrators read the operations endpoints.")));
    http.authorizeHttpRequests(requests -> requests
        // Load balancers and orchestrators ask it; it shows only statuses.
        .requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
        .anyRequest().hasAuthority(CamundaUser.group(Groups.ADMINISTRATORS)));
    return http.build();
  }

  /**
   * The wallet's consent page: the wallet API decides (a person must be signed in), here a Basic login is only
   * checked, throttled, and a wrong one leaves the request unauthenticated for the page to answer.
   */
  @Bean
  @Order(5)
  SecurityFilterChain walletConsentChain(HttpSecurity http) throws Exception {
    stateless(http, path("/ims/ob/v3p0/authorize"), true);
    BasicAuthenticationFilter optionalBasic = new BasicAuthenticationFilter(authentication);
    optionalBasic.setAuthenticationDetailsSource(request -> new CamundaUsers.Address(request, clientAddress));
    http.addFilterAt(optionalBasic, BasicAuthenticationFilter.class);
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }

  /** The Open Badges wallet API: OAuth 2 and client authentication are its own (package wallet). */
  @Bean
  @Order(6)
  SecurityFilterChain walletChain(HttpSecurity http) throws Exception {
    stateless(http, path("/ims/**"), true);
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }

  /**
   * Tasklist, Cockpit and Admin: Camunda's filters (registered by its webapp starter, after this chain) keep
   * their session login, authorization and CSRF protection; here only the login form is throttled.
   */
  @Bean
  @Order(7)
  SecurityFilterChain webappsChain(HttpSecurity http) throws Exception {
    stateless(http, path("/camunda/**"), false);
    http.servletApi(AbstractHttpConfigurer::disable);
    if (singleSignOn != null) {
      // The sign-out is a form of ours: no other site may post it.
      http.addFilterBefore(new SameSiteOnly(publicUrl, request -> false), BasicAuthenticationFilter.class);
      singleSignOn.signInToWebapps(http);
      return http.build();
    }
    http.addFilterBefore(new WebappLoginThrottle(throttle, clientAddress), BasicAuthenticationFilter.class);
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }

  /** The public pages: a credential, its badge and signed JSON, a portfolio, the start page, static files. */
  @Bean
  @Order(8)
  SecurityFilterChain publicPagesChain(HttpSecurity http) throws Exception {
    stateless(http, PathPatternRequestMatcher.withDefaults().matcher("/**"), true);
    http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }

  /** What every chain shares; nothing of Spring Security's own login, logout or session machinery. */
  private void stateless(HttpSecurity http, RequestMatcher surface, boolean ourContentSecurityPolicy)
      throws Exception {
    http.securityMatcher(surface)
        .csrf(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        // No session management of Spring Security's: its protection against session fixation would change
        // the id of the webapps' session whenever a request authenticates from it (the reports), logging the
        // person out of Tasklist. The session is Camunda's, which renews it on login itself.
        .sessionManagement(AbstractHttpConfigurer::disable)
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .headers(headers -> {
          headers.defaultsDisabled()
              .contentTypeOptions(options -> { })
              .frameOptions(frames -> frames.deny())
              .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
          if (ourContentSecurityPolicy) {
            headers.contentSecurityPolicy(policy -> policy.policyDirectives(WebHardening.CONTENT_SECURITY_POLICY));
          }
        });
    // First of all: an outage answers 503 whatever below fails, and an oversized body is refused unread.
    for (Filter first : List.<Filter>of(new TransientFailureFilter(json), new RequestBodyLimit(maxRequestBytes))) {
      http.addFilterBefore(first, DisableEncodeUrlFilter.class);
    }
  }

  /**
   * HTTP Basic against Camunda's users (and, profile {@code oidc}, the provider's bearer tokens), cross-site
   * writes refused first (but for calls open to anyone), the engine told who acts.
   */
  private void restLogin(HttpSecurity http, AuthenticationEntryPoint entryPoint, RequestMatcher openToAnySite)
      throws Exception {
    BasicAuthenticationFilter basic = new BasicAuthenticationFilter(authentication, entryPoint);
    basic.setAuthenticationDetailsSource(request -> new CamundaUsers.Address(request, clientAddress));
    http.addFilterBefore(new SameSiteOnly(publicUrl, openToAnySite), BasicAuthenticationFilter.class)
        .addFilterAt(basic, BasicAuthenticationFilter.class)
        .addFilterAfter(new ActingUser(engine.getIdentityService()), AuthorizationFilter.class)
        .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint));
    if (singleSignOn != null) {
      singleSignOn.acceptBearerTokens(http, AccessRefusals.bearerRefused());
    }
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
