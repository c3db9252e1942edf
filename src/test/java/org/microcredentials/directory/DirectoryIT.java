package org.microcredentials.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microcredentials.testing.RestCalls.LIST;
import static org.microcredentials.testing.RestCalls.OBJECT;
import static org.microcredentials.testing.RestCalls.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.access.EngineAllowList;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Groups;
import org.microcredentials.framework.IdentityChanged;
import org.microcredentials.framework.Organisation;
import org.microcredentials.framework.OrganisationAdministration;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TasklistSession;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile {@code ldap} against a real LDAP server (UnboundID's, in memory, started once for the class) holding the demo
 * organisation: Camunda's LDAP identity provider (7.23) on our 7.24 engine, directory passwords on {@code /engine-rest},
 * {@code /api} and Tasklist, the groups Camunda sees (mapped and level groups), a self-submission played by directory
 * people, the allow list, and the organisation synced from the directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:microcredentials-directory;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generic-properties.properties.login-max-attempts=1000",
})
@ActiveProfiles("ldap")
@Import(TestConfiguration.class)
class DirectoryIT {

  private static InMemoryDirectory directory;

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry properties) {
    if (directory == null) {
      directory = InMemoryDirectory.start();
    }
    directory.register(properties);
  }

  @AfterAll
  static void stopDirectory() {
    if (directory != null) {
      directory.stop();
      directory = null;
    }
  }

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired Organisation organisation;
  @Autowired OrganisationAdministration administration;
  @Autowired DirectorySync directorySync;
  @Autowired ApplicationEventPublisher events;

  RestCalls calls;
  SelfSubmissions app;

  @BeforeEach
  void setUp() {
    calls = new RestCalls(rest);
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @Test
  void camundasLdapPluginServesPeopleAndPasswordsOnOurEngine() {
    assertThat(identity.isReadOnly()).isTrue();
    User alice = identity.createUserQuery().userId("alice").singleResult();
    assertThat(alice.getFirstName()).isEqualTo("Alice");
    assertThat(alice.getLastName()).isEqualTo("Example");
    assertThat(alice.getEmail()).isEqualTo("alice@example.org");
    assertThat(identity.createUserQuery().count()).isEqualTo(12);
    assertThat(identity.checkPassword("alice", "alice")).isTrue();
    assertThat(identity.checkPassword("alice", "not-alice")).isFalse();
    assertThat(identity.checkPassword("alice", "")).isFalse();
    assertThat(identity.checkPassword("nobody", "nobody")).isFalse();
  }

  @Test
  void peopleSignInWithTheirDirectoryPassword() {
    assertThat(rest.withBasicAuth("alice", "alice").getForEntity("/api/skills", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.withBasicAuth("alice", "alice").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // One wrong password each, on people no other test signs in as: a wrong password makes the next try wait.
    assertThat(rest.withBasicAuth("paula", "not-paula").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("frank", "not-frank").getForEntity("/api/skills", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("nobody", "nobody").getForEntity("/api/skills", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // A level the ladder does not know: signs in all the same (and is in no level group: see below).
    assertThat(rest.withBasicAuth("oscar", "oscar").getForEntity("/api/skills", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // Tasklist's login form checks the same password.
    TasklistSession erin = TasklistSession.login(rest, "erin");
    ResponseEntity<String> count = erin.get("/task/count",
        new org.springframework.core.ParameterizedTypeReference<String>() { });
    assertThat(count.getStatusCode()).as(count.getBody()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void camundaSeesTheMappedAndTheLevelGroups() {
    assertThat(groupsOf("erin")).containsExactly(Groups.ASSESSORS, Groups.ENDORSEMENT_REVIEWERS, Groups.ENGINEERS,
        Groups.LEADERS, Groups.SEM_TEAM);
    assertThat(groupsOf("ivan")).contains(Groups.SEM_TEAM);
    assertThat(groupsOf("frank")).containsExactly(Groups.ASSESSORS, Groups.ENDORSEMENT_REVIEWERS, Groups.ENGINEERS,
        Groups.LEADERS);
    assertThat(groupsOf("carol")).containsExactly(Groups.ASSESSORS, Groups.ENGINEERS, Groups.LEADERS);
    assertThat(groupsOf("henry")).containsExactly(Groups.ENGINEERS);
    assertThat(groupsOf("alice")).as("directory groups nobody mapped are not shown").containsExactly(Groups.ENGINEERS);
    assertThat(groupsOf("demo")).containsExactly(Groups.ADMINISTRATORS);
    assertThat(groupsOf("oscar")).as("a level the ladder does not know: no level group").isEmpty();
    assertThat(groupsOf("nobody")).as("not in the directory").isEmpty();

    assertThat(membersOf(Groups.SEM_TEAM)).containsExactlyInAnyOrder("erin", "ivan");
    assertThat(membersOf(Groups.ADMINISTRATORS)).containsExactly("demo");
    assertThat(membersOf(Groups.ASSESSORS)).containsExactlyInAnyOrder("carol", "dave", "erin", "frank", "grace", "ivan");
    assertThat(membersOf(Groups.ENDORSEMENT_REVIEWERS)).containsExactlyInAnyOrder("erin", "frank", "grace", "ivan");
    assertThat(membersOf(Groups.ENGINEERS)).hasSize(10).doesNotContain("demo", "oscar");
    assertThat(identity.createUserQuery().memberOfGroup(Groups.ASSESSORS).userId("carol").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().memberOfGroup(Groups.ASSESSORS).userId("bob").count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup("chess-club").count()).isZero();
    assertThat(identity.createGroupQuery().list()).extracting(Group::getId).containsExactly(Groups.ASSESSORS,
        Groups.ADMINISTRATORS, Groups.ENDORSEMENT_REVIEWERS, Groups.ENGINEERS, Groups.LEADERS, Groups.SEM_TEAM);
    assertThat(identity.createGroupQuery().groupId(Groups.SEM_TEAM).singleResult().getName()).isEqualTo("SEM team");
    assertThat(identity.createGroupQuery().groupNameLike("%level 4+%").count()).isEqualTo(2);

    // As clients ask it over REST, with the grants an engineer has.
    List<Map<String, Object>> erinsGroups = calls.get("erin", "/engine-rest/group?member=erin", LIST).getBody();
    assertThat(erinsGroups).extracting(group -> group.get("id")).contains(Groups.SEM_TEAM, Groups.ASSESSORS);
    List<Map<String, Object>> semTeam = calls.get("henry", "/engine-rest/user?memberOfGroup=sem-team", LIST).getBody();
    assertThat(semTeam).extracting(user -> user.get("id")).containsExactlyInAnyOrder("erin", "ivan");
  }

  @Test
  void directoryPeoplePlayASelfSubmissionToItsCredential() {
    ResponseEntity<Map<String, Object>> started = calls.post("alice",
        "/engine-rest/process-definition/key/SelfSubmissionProcess/start", RestCalls.selfSubmissionStart("iLAN", 3));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String businessKey = (String) started.getBody().get("businessKey");

    // The SEM team's candidate-group task, in Tasklist's list of erin (and ivan), not of an assessor outside the team.
    Map<String, Object> assignment = calls.singleTask("erin", businessKey, "Task_AssignAssessor");
    assertThat(calls.singleTask("ivan", businessKey, "Task_AssignAssessor").get("id")).isEqualTo(assignment.get("id"));
    assertThat(calls.tasksOf("carol", businessKey)).isEmpty();
    TasklistSession erin = TasklistSession.login(rest, "erin");
    ResponseEntity<String> erinsTasks = erin.get("/task?firstResult=0&maxResults=15&processInstanceBusinessKey=" + businessKey,
        new org.springframework.core.ParameterizedTypeReference<String>() { });
    assertThat(erinsTasks.getBody()).contains("Task_AssignAssessor");
    Map<String, Object> options = calls.get("erin",
        "/engine-rest/task/" + assignment.get("id") + "/variables/eligibleAssessors?deserializeValue=false", OBJECT).getBody();
    assertThat((String) options.get("value")).contains("\"carol\"").doesNotContain("\"alice\"", "\"oscar\"");
    calls.claimAndSubmit("erin", assignment, Map.of("assessorId", string("carol")));
    runJobs(businessKey);

    calls.assess("carol", businessKey, 9);
    runJobs(businessKey);

    calls.agree("dave", businessKey);
    runJobs(businessKey);

    List<Map<String, Object>> credentials = calls.get("alice", "/api/engineers/alice/credentials", LIST).getBody();
    assertThat(credentials).singleElement().satisfies(credential -> {
      assertThat(credential.get("skillCode")).isEqualTo("iLAN");
      assertThat(credential.get("skillLevel")).isEqualTo(3);
      assertThat(credential.get("score")).isEqualTo(9);
      assertThat(credential.get("source")).isEqualTo("SELF_SUBMISSION");
    });
    assertThat(calls.tasksOf("alice", businessKey)).isEmpty();
  }

  @Test
  void theAllowListHoldsForDirectoryPeopleAsForLocalOnes() {
    List<String> operations = List.of("GET /job/count", "GET /deployment", "GET /incident", "GET /authorization",
        "GET /process-definition/statistics", "GET /user", "GET /group", "GET /task", "DELETE /process-instance/{id}",
        "PUT /user/{id}/profile", "POST /group/create", "GET /execution", "GET /history/variable-instance");
    for (String person : List.of("henry", "carol", "erin", "ivan", "grace", "oscar")) {
      List<String> groups = groupsOf(person);
      for (String operation : operations) {
        String[] methodAndTemplate = operation.split(" ", 2);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(person, person);
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpMethod method = HttpMethod.valueOf(methodAndTemplate[0]);
        ResponseEntity<String> answer = rest.exchange("/engine-rest" + methodAndTemplate[1].replaceAll("\\{[^}]*}", "x"),
            method, new HttpEntity<>(method == HttpMethod.GET || method == HttpMethod.DELETE ? null : "{}", headers),
            String.class);
        boolean refusedByTheList = answer.getStatusCode().value() == 403 && answer.getBody() != null
            && answer.getBody().contains("\"rule\":\"engine-allow-list\"");
        assertThat(refusedByTheList).as("%s %s (groups %s): %s %s", person, operation, groups,
            answer.getStatusCode(), answer.getBody()).isEqualTo(!EngineAllowList.allows(operation, groups));
      }
    }
    assertThat(calls.get("demo", "/engine-rest/job/count", OBJECT).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(calls.get("alice", "/engine-rest/job/count", OBJECT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void theOrganisationIsReadFromTheDirectory() {
    assertThat(organisation.find("erin")).contains(
        new Engineer("erin", "Erin Example", "erin@example.org", 5, "Senior Engineering Manager", "grace"));
    assertThat(organisation.find("henry").map(Engineer::lineManagerId)).contains("dave");
    assertThat(organisation.find("grace").map(Engineer::lineManagerId)).isEmpty();
    assertThat(organisation.find("paula")).as("manager outside the directory: kept without one").hasValueSatisfying(
        paula -> assertThat(paula.lineManagerId()).isNull());
    assertThat(organisation.find("oscar")).as("no level of the ladder: not an engineer").isEmpty();
    assertThat(organisation.find("demo")).isEmpty();
    assertThat(calls.get("henry", "/api/engineers", LIST).getBody()).hasSize(10);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSyncAnswersWhatChangedAndWhatCouldNotBeMapped() {
    assertThat(calls.post("alice", "/api/organisation/sync", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(calls.get("alice", "/api/organisation/sync", OBJECT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    Map<String, Object> unchanged = sync();
    assertThat((List<?>) unchanged.get("changed")).as("a second sync of the same directory changes nothing").isEmpty();
    assertThat(unchanged.get("peopleRead")).isEqualTo(12);
    List<Map<String, Object>> unmapped = (List<Map<String, Object>>) unchanged.get("unmapped");
    assertThat(unmapped).extracting(problem -> problem.get("userId") + " " + problem.get("problem")).containsExactlyInAnyOrder(
        "demo missing-level", "oscar unknown-level", "paula manager-outside-directory");
    assertThat(unmapped).filteredOn(problem -> "oscar".equals(problem.get("userId"))).singleElement()
        .satisfies(problem -> assertThat(problem.get("value")).isEqualTo("Staff"));
    assertThat(unmapped).filteredOn(problem -> "paula".equals(problem.get("userId"))).singleElement()
        .satisfies(problem -> assertThat(problem.get("value")).isEqualTo("uid=zoe,ou=partners,dc=partner,dc=example"));

    directory.set("henry", "title", "Platform Engineer I");
    directory.set("alice", "manager", InMemoryDirectory.dn("dave"));
    try {
      Map<String, Object> report = sync();
      assertThat((List<Map<String, Object>>) report.get("changed"))
          .extracting(change -> change.get("userId") + " " + change.get("field") + " " + change.get("from") + " -> "
              + change.get("to"))
          .containsExactlyInAnyOrder("henry roleTitle Engineer I -> Platform Engineer I",
              "alice lineManagerId carol -> dave");
      assertThat(organisation.find("alice").map(Engineer::lineManagerId)).contains("dave");
    } finally {
      directory.set("henry", "title", "Engineer I");
      directory.set("alice", "manager", InMemoryDirectory.dn("carol"));
      assertThat((List<?>) sync().get("changed")).hasSize(2);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSyncNeverUndoesAPromotionDecidedInTheApp() {
    administration.changeLevel("bob", 4);
    try {
      assertThat(groupsOf("bob")).as("at once, before the directory knows").contains(Groups.ASSESSORS, Groups.LEADERS);

      Map<String, Object> report = sync();
      assertThat((List<Map<String, Object>>) report.get("changed")).noneMatch(change -> "bob".equals(change.get("userId")));
      assertThat((List<Map<String, Object>>) report.get("directoryBehind")).singleElement().satisfies(behind -> {
        assertThat(behind.get("userId")).isEqualTo("bob");
        assertThat(behind.get("levelInApplication")).isEqualTo(4);
        assertThat(behind.get("levelInDirectory")).isEqualTo(3);
        assertThat(behind.get("previousLevel")).isEqualTo(3);
      });
      assertThat(organisation.find("bob").map(Engineer::seniorityLevel)).contains(4);
      assertThat(groupsOf("bob")).contains(Groups.ASSESSORS);
      assertThat((List<Map<String, Object>>) calls.get("demo", "/api/organisation/sync", OBJECT).getBody()
          .get("directoryBehind")).extracting(behind -> behind.get("userId")).containsExactly("bob");

      // HR catches up: nothing is waiting any more, and the directory's title is taken.
      directory.set("bob", "employeeType", "4");
      directory.set("bob", "title", "Senior Engineer II");
      Map<String, Object> caughtUp = sync();
      assertThat((List<?>) caughtUp.get("directoryBehind")).isEmpty();
      assertThat(organisation.find("bob").map(Engineer::seniorityLevel)).contains(4);
      assertThat((List<?>) calls.get("demo", "/api/organisation/sync", OBJECT).getBody().get("directoryBehind")).isEmpty();
    } finally {
      directory.set("bob", "employeeType", "3");
      directory.set("bob", "title", "Senior Engineer I");
      jdbc.sql("delete from level_decision").update();
      sync();
    }
    assertThat(organisation.find("bob").map(Engineer::seniorityLevel)).contains(3);
    assertThat(groupsOf("bob")).containsExactly(Groups.ENGINEERS);
  }

  @Test
  void twoNodesSyncingAtOnceChangeTheOrganisationOnce() throws Exception {
    directory.set("dave", "title", "Staff Engineer");
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      List<Future<DirectorySync.Report>> reports = List.of(nodes.submit(directorySync::sync),
          nodes.submit(directorySync::sync));
      List<Integer> changes = new ArrayList<>();
      for (Future<DirectorySync.Report> report : reports) {
        changes.add(report.get(60, TimeUnit.SECONDS).changed().size());
      }
      assertThat(changes).containsExactlyInAnyOrder(1, 0);
      assertThat(organisation.find("dave").map(Engineer::roleTitle)).contains("Staff Engineer");
    } finally {
      nodes.shutdown();
      directory.set("dave", "title", "Senior Engineer II");
      directorySync.sync();
    }
  }

  @Test
  void aPersonCannotChangeTheirDirectoryPasswordHere() {
    ResponseEntity<String> answer = rest.withBasicAuth("henry", "henry").exchange("/engine-rest/user/henry/credentials",
        HttpMethod.PUT, json(Map.of("password", "Another-secret-1", "authenticatedUserPassword", "henry")), String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getBody()).contains("read-only");
    assertThat(identity.checkPassword("henry", "henry")).isTrue();
  }

  @Test
  void aDirectoryThatDoesNotAnswerFailsTheSyncAndChangesNothing() {
    long engineers = organisation.all().size();
    // henry's login from an earlier test, remembered for a few seconds (security/RecentLogins), would not ask the
    // directory at all: forgotten, as any change to who is who made here forgets it.
    events.publishEvent(new IdentityChanged("the directory is about to stop answering"));
    directory.stopAnswering();
    try {
      ResponseEntity<String> signIn = rest.withBasicAuth("henry", "henry").getForEntity("/api/skills", String.class);
      assertThat(signIn.getStatusCode()).as(signIn.getBody()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(signIn.getBody()).contains("directory-unavailable");
      ResponseEntity<String> sync = rest.withBasicAuth("demo", "demo").postForEntity("/api/organisation/sync", null,
          String.class);
      assertThat(sync.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThatThrownBy(directorySync::sync).isInstanceOf(DirectoryReader.DirectoryUnavailable.class);
    } finally {
      directory.answerAgain();
    }
    assertThat(organisation.all()).hasSize((int) engineers);
    assertThat(rest.withBasicAuth("henry", "henry").getForEntity("/api/skills", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  // ---

  private static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private Map<String, Object> sync() {
    ResponseEntity<Map<String, Object>> answer = calls.post("demo", "/api/organisation/sync", Map.of());
    assertThat(answer.getStatusCode()).as("sync: %s", answer.getBody()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).sorted().toList();
  }

  private List<String> membersOf(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
  }


  private void runJobs(String businessKey) {
    app.runJobs(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .rootProcessInstances().singleResult());
  }
}
