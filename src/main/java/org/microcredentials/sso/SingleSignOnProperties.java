package org.microcredentials.sso;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which claims of the identity provider's tokens name the person and their groups (prefix
 * {@code microcredentials.sso}, profile {@code oidc}; docs/single-sign-on.md).
 *
 * @param userIdClaim the claim holding the user id, as Camunda and the organisation know it (default
 *     {@code preferred_username}; {@code sub} is usually an opaque id)
 * @param groupsClaim the claim holding the person's groups (default {@code groups}); a token without it takes
 *     the groups from Camunda's identity service (the directory of profile {@code ldap}, or Camunda Admin)
 */
@ConfigurationProperties("microcredentials.sso")
record SingleSignOnProperties(String userIdClaim, String groupsClaim) {

  SingleSignOnProperties {
    userIdClaim = userIdClaim == null || userIdClaim.isBlank() ? "preferred_username" : userIdClaim;
    groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
  }
}
