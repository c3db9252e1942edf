package org.microcredentials.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Sign-in through an OpenID provider (profile {@code oidc}, package {@code sso}), plugged into the chains of
 * {@link WebSecurity}: absent on the embedded default, where nothing of it is configured.
 */
public interface SingleSignOn {

  /**
   * Bearer tokens of the provider beside HTTP Basic on a REST surface: the token's person becomes a
   * {@link CamundaUser}, so that the engine is told who acts exactly as for Basic.
   *
   * @param refusal answers a token that is refused (expired, wrongly signed, of someone unknown here)
   */
  void acceptBearerTokens(HttpSecurity http, AuthenticationEntryPoint refusal) throws Exception;

  /** Tasklist, Cockpit and Admin: the provider's sign-in instead of Camunda's login form, and its sign-out. */
  void signInToWebapps(HttpSecurity http) throws Exception;
}
