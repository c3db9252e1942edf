package org.microcredentials.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.security.UnknownPerson;
import org.springframework.security.authentication.BadCredentialsException;

/** Who a token names and whether they get in, from its claims alone: no provider, no engine. */
class KnownPeopleTest {

  private final Organisation organisation = mock(Organisation.class);
  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  private final KnownPeople people = new KnownPeople(new SingleSignOnProperties(null, null), organisation, identity);

  @Test
  void theUserIdAndTheGroupsComeFromTheClaims() {
    engineer("erin");
    var erin = people.person(Map.of("sub", "0f1e", "preferred_username", "erin",
        "groups", List.of("engineers", "/sem-team", "/company/leaders")));
    assertThat(erin.userId()).isEqualTo("erin");
    // Keycloak's full group paths are read by their last segment.
    assertThat(erin.groupIds()).containsExactly("engineers", "sem-team", "leaders");
    verifyNoInteractions(identity);
  }

  @Test
  void withoutAGroupsClaimTheGroupsComeFromCamundasIdentityService() {
    engineer("frank");
    Group assessors = mock(Group.class);
    when(assessors.getId()).thenReturn("assessors");
    when(identity.createGroupQuery().groupMember("frank").list()).thenReturn(List.of(assessors));
    assertThat(people.person(Map.of("preferred_username", "frank")).groupIds()).containsExactly("assessors");
  }

  @Test
  void anAdministratorGetsInWithoutBeingAnEngineer() {
    when(organisation.find("demo")).thenReturn(Optional.empty());
    assertThat(people.person(Map.of("preferred_username", "demo", "groups", List.of("camunda-admin"))).userId())
        .isEqualTo("demo");
  }

  @Test
  void someoneTheOrganisationDoesNotKnowIsRefused() {
    when(organisation.find("nolan")).thenReturn(Optional.empty());
    assertThatThrownBy(() -> people.person(Map.of("preferred_username", "nolan", "groups", List.of("engineers"))))
        .isInstanceOfSatisfying(UnknownPerson.class, refused -> assertThat(refused.userId()).isEqualTo("nolan"))
        .hasMessageContaining("'nolan' is not a person of this organisation");
  }

  @Test
  void aTokenNamingNobodyIsRefused() {
    assertThatThrownBy(() -> people.person(Map.of("sub", "0f1e", "groups", List.of("camunda-admin"))))
        .isInstanceOf(BadCredentialsException.class).hasMessageContaining("preferred_username");
  }

  @Test
  void theClaimsAreConfigurable() {
    engineer("alice");
    var configured = new KnownPeople(new SingleSignOnProperties("upn", "roles"), organisation, identity);
    var alice = configured.person(Map.of("upn", "alice", "preferred_username", "mallory", "roles", "engineers"));
    assertThat(alice.userId()).isEqualTo("alice");
    assertThat(alice.groupIds()).containsExactly("engineers");
  }

  private void engineer(String userId) {
    when(organisation.find(userId)).thenReturn(Optional.of(
        new Engineer(userId, userId, userId + "@example.org", 3, "Senior Engineer I", null)));
  }
}
