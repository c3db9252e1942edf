package org.microcredentials.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.testing.RestCalls.LIST;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.RestCalls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An admin adds an engineer in production: our organisation table and Camunda's groups move together. */
@ApplicationTest
class OrganisationRestIT {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  RestCalls calls;

  @BeforeEach
  void createCamundaUser() {
    calls = new RestCalls(rest);
    User zoe = identity.newUser("zoe");
    zoe.setFirstName("Zoe");
    zoe.setLastName("Example");
    zoe.setPassword("zoe");
    identity.saveUser(zoe);
  }

  @AfterEach
  void removeZoe() {
    jdbc.sql("delete from engineer where user_id = 'zoe'").update();
    identity.deleteUser("zoe");
  }

  @Test
  void anAdminAddsAnEngineerAndTheGroupsFollowTheLevel() {
    ResponseEntity<String> added = put("demo", "zoe", engineer(4, "erin"));
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(groupsOf("zoe")).containsExactlyInAnyOrder("engineers", "assessors", "leaders");
    assertThat(calls.get("henry", "/api/engineers", LIST).getBody())
        .anySatisfy(person -> assertThat(person).containsEntry("userId", "zoe").containsEntry("seniorityLevel", 4));

    assertThat(put("demo", "zoe", engineer(5, "grace")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(groupsOf("zoe")).contains("endorsement-reviewers");
    assertThat(put("demo", "zoe", engineer(2, "carol")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(groupsOf("zoe")).containsExactly("engineers");
  }

  @Test
  void onlyAnAdminChangesTheOrganisationAndEveryFieldIsChecked() {
    ResponseEntity<String> notAdmin = put("alice", "zoe", engineer(4, "erin"));
    assertThat(notAdmin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(notAdmin.getBody()).contains("Only an administrator may add or change an engineer");

    assertThat(put("demo", "nobody", engineer(4, "erin")).getBody()).contains("has no Camunda user");
    assertThat(put("demo", "zoe", engineer(7, "erin")).getBody()).contains("'seniorityLevel' must be a level of the ladder");
    assertThat(put("demo", "zoe", engineer(4, "zoe")).getBody()).contains("'lineManagerId' must be another engineer");
    Map<String, Object> noEmail = engineer(4, "erin");
    noEmail.put("email", "not an address");
    ResponseEntity<String> badEmail = put("demo", "zoe", noEmail);
    assertThat(badEmail.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badEmail.getBody()).contains("'email' must be an email address");
    assertThat(jdbc.sql("select count(*) from engineer where user_id = 'zoe'").query(Long.class).single()).isZero();
  }

  private static Map<String, Object> engineer(int level, String lineManager) {
    Map<String, Object> body = new HashMap<>();
    body.put("displayName", "Zoe Example");
    body.put("email", "zoe@example.org");
    body.put("seniorityLevel", level);
    body.put("roleTitle", "Senior Engineer II");
    body.put("lineManagerId", lineManager);
    return body;
  }

  private ResponseEntity<String> put(String user, String userId, Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user).exchange("/api/engineers/" + userId, HttpMethod.PUT,
        new HttpEntity<>(body, headers), String.class);
  }

  private java.util.List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(group -> group.getId()).toList();
  }
}
