package org.microcredentials.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A valid sign-in or bearer token of someone who is neither an engineer of the organisation nor an administrator
 * (profile {@code oidc}): the identity provider may know more people than this application serves.
 */
public final class UnknownPerson extends AuthenticationException {

  private final String userId;

  public UnknownPerson(String userId) {
    super("'" + userId + "' is not a person of this organisation: only its engineers and administrators sign in.");
    this.userId = userId;
  }

  public String userId() {
    return userId;
  }
}
