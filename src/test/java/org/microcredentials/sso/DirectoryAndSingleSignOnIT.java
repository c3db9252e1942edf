package org.microcredentials.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.testing.RestCalls.LIST;
import static org.microcredentials.testing.RestCalls.string;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.microcredentials.directory.InMemoryDirectory;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.testing.HeadlessChromium;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The company's directory and its identity provider together (profiles {@code ldap} and {@code oidc}), against a real
 * LDAP server ({@link InMemoryDirectory}, the demo organisation) and a real OpenID provider ({@link TestIdentityProvider}):
 * people sign in at the provider, their level, role and line manager came from the directory, their groups too (the
 * tokens' groups claim is not used here), the SEM team's task shows in erin's Tasklist in a real browser, and the
 * whole self-submission plays with bearer tokens of directory people to alice's credential.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:microcredentials-directory-sso;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "camunda.bpm.generic-properties.properties.login-max-attempts=1000",
    // Groups from the directory: a claim the provider's tokens do not carry, so Camunda's identity service answers.
    "microcredentials.sso.groups-claim=groups-from-the-directory",
})
@ActiveProfiles({"ldap", "oidc"})
@Import(TestConfiguration.class)
@ContextConfiguration(initializers = TestIdentityProvider.Configured.class)
@Tag("browser")
class DirectoryAndSingleSignOnIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
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
  @Autowired Organisation organisation;

  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  @Test
  void directoryPeopleSignInAtTheProviderAndPlayASelfSubmission() throws Exception {
    TestIdentityProvider.Running provider = TestIdentityProvider.running();
    ProviderTokens providerTokens = new ProviderTokens(provider);
    RestCalls calls = new RestCalls(rest, user -> "Bearer " + tokens.computeIfAbsent(user, person -> {
      try {
        return providerTokens.accessTokenOf(person);
      } catch (IOException | InterruptedException failed) {
        throw new IllegalStateException(failed);
      }
    }));
    SelfSubmissions app = new SelfSubmissions(engine, jdbc);
    app.clear();

    // The organisation came from the directory; the groups Camunda sees too (sem-team mapped from engineering-managers).
    assertThat(organisation.find("alice")).contains(
        new Engineer("alice", "Alice Example", "alice@example.org", 2, "Engineer II", "carol"));
    assertThat(organisation.find("erin").map(Engineer::lineManagerId)).contains("grace");
    assertThat(identity.createGroupQuery().groupMember("erin").list()).extracting(Group::getId)
        .contains("sem-team", "assessors", "endorsement-reviewers");
    assertThat(identity.createGroupQuery().groupMember("carol").list()).extracting(Group::getId)
        .doesNotContain("sem-team");

    // alice applies with a token of the provider.
    ResponseEntity<Map<String, Object>> started = calls.post("alice",
        "/engine-rest/process-definition/key/SelfSubmissionProcess/start", RestCalls.selfSubmissionStart("iLAN", 3));
    assertThat(started.getStatusCode()).as("alice starts: %s", started.getBody()).isEqualTo(HttpStatus.OK);
    String businessKey = (String) started.getBody().get("businessKey");

    // erin signs in to Tasklist at the provider's login page and sees the SEM team's task there.
    HeadlessChromium chromium = HeadlessChromium.open(provider.applicationPort(), "1400,1000", Duration.ofSeconds(60));
    try {
      WebDriver browser = chromium.browser();
      WebDriverWait wait = chromium.waiting();
      browser.get(provider.application() + "/camunda/app/tasklist/default/");
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("erin");
      assertThat(browser.getCurrentUrl()).startsWith(provider.issuer());
      browser.findElement(By.id("password")).sendKeys("erin");
      browser.findElement(By.cssSelector("button[type='submit']")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//*[contains(@class,'tasks-list')]//*[contains(text(),'Assign an assessor')]")));
      chromium.screenshot(SCREENSHOTS.resolve("sso-directory-erin-tasklist.png"));
      assertThat(String.valueOf(((JavascriptExecutor) browser).executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          fetch('/camunda/api/admin/auth/user/default', {headers: {Accept: 'application/json'}})
            .then(r => r.text()).then(done, e => done('error ' + e));"""))).contains("\"userId\":\"erin\"");
    } finally {
      chromium.close();
    }

    // The walk-through, each step by the directory person who holds it, with their tokens.
    assertThat(calls.tasksOf("carol", businessKey)).as("an assessor outside the SEM team sees no assignment").isEmpty();
    Map<String, Object> assignment = calls.singleTask("erin", businessKey, "Task_AssignAssessor");
    calls.claimAndSubmit("erin", assignment, Map.of("assessorId", string("carol")));
    runJobs(app, businessKey);

    calls.assess("carol", businessKey, 9);
    runJobs(app, businessKey);

    calls.agree("dave", businessKey);
    runJobs(app, businessKey);

    List<Map<String, Object>> credentials = calls.get("alice", "/api/engineers/alice/credentials", LIST).getBody();
    assertThat(credentials).singleElement().satisfies(credential -> {
      assertThat(credential.get("skillCode")).isEqualTo("iLAN");
      assertThat(credential.get("score")).isEqualTo(9);
      assertThat(credential.get("source")).isEqualTo("SELF_SUBMISSION");
    });

    // The allow list holds for a directory person's token as for anyone: henry lists no deployments.
    assertThat(calls.get("henry", "/engine-rest/deployment", new ParameterizedTypeReference<String>() { }).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private void runJobs(SelfSubmissions app, String businessKey) {
    app.runJobs(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .rootProcessInstances().singleResult());
  }

}
