package org.microcredentials.sso;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.microcredentials.framework.Groups;
import org.microcredentials.framework.Organisation;
import org.microcredentials.security.UnknownPerson;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

/**
 * Who a token of the identity provider names, and whether they may use this application: the user id from
 * the configured claim, the groups from the groups claim or, without one, from Camunda's identity service.
 * The provider may know many more people than the organisation (a company-wide directory): only an engineer of
 * the organisation ({@link Organisation}) or an administrator ({@code camunda-admin}) is let in; anyone else
 * is refused with {@link UnknownPerson}, whatever else the token says.
 */
@Component
@Profile("oidc")
class KnownPeople {

  /** A person the provider signed in and this application serves. */
  record Person(String userId, List<String> groupIds) {
  }

  private final SingleSignOnProperties properties;
  private final Organisation organisation;
  private final IdentityService identity;

  KnownPeople(SingleSignOnProperties properties, Organisation organisation, IdentityService identity) {
    this.properties = properties;
    this.organisation = organisation;
    this.identity = identity;
  }

  Person person(Map<String, Object> claims) {
    if (!(claims.get(properties.userIdClaim()) instanceof String userId) || userId.isBlank()) {
      throw new BadCredentialsException("The identity provider's token names nobody in its claim '"
          + properties.userIdClaim() + "'.");
    }
    List<String> groupIds = claims.containsKey(properties.groupsClaim())
        ? groupsOf(claims.get(properties.groupsClaim()))
        : identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    if (organisation.find(userId).isEmpty() && !groupIds.contains(Groups.ADMINISTRATORS)) {
      throw new UnknownPerson(userId);
    }
    return new Person(userId, groupIds);
  }

  String userIdClaim() {
    return properties.userIdClaim();
  }

  List<String> tenantIds(String userId) {
    return identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
  }

  /**
   * A list of group ids, as Keycloak's group membership mapper writes it; a group given by its path
   * ({@code /engineers}, the mapper's "full group path") is read by its last segment.
   */
  private static List<String> groupsOf(Object claim) {
    Collection<?> values = claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
    return values.stream().map(String::valueOf).map(group -> group.substring(group.lastIndexOf('/') + 1))
        .filter(group -> !group.isBlank()).distinct().toList();
  }
}
