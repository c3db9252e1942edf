package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.microcredentials.MicroCredentialsApplication;
import org.microcredentials.testing.EmbeddedPostgres;
import org.microcredentials.testing.TasklistSession;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The postgres profile as production runs it: settings from the environment, no demo people, behind TLS
 * ({@code SESSION_COOKIE_SECURE=true}). The refusals first; then one production application for the rest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionProfileIT {

  private static final String ADMIN_PASSWORD = "a-real-Secret-42";
  private static ConfigurableApplicationContext running;

  /** The one production application of the class, started by the first test that needs it. */
  private static ConfigurableApplicationContext production() {
    if (running == null) {
      running = production(ADMIN_PASSWORD);
    }
    return running;
  }

  @AfterAll
  static void stopProduction() {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  /** Starts the application as production does; settings as command-line arguments, which win over application.yaml. */
  private static ConfigurableApplicationContext production(String adminPassword) {
    return new SpringApplicationBuilder(MicroCredentialsApplication.class).run(
        "--spring.profiles.active=postgres",
        "--server.port=0",
        // A database of its own: the application tests leave the demo people in the shared one.
        "--DATABASE_URL=" + EmbeddedPostgres.freshDatabase("production_profile"),
        "--DATABASE_USER=postgres",
        "--DATABASE_PASSWORD=postgres",
        "--ADMIN_PASSWORD=" + adminPassword,
        "--SESSION_COOKIE_SECURE=true",
        "--camunda.bpm.job-execution.enabled=false");
  }

  @Test
  @Order(1)
  void refusesToStartWithAWellKnownAdminPassword() {
    assertThatThrownBy(() -> production("demo").close())
        .hasStackTraceContaining("Refusing to start: set ADMIN_PASSWORD");
    assertThatThrownBy(() -> production("").close())
        .hasStackTraceContaining("Refusing to start: set ADMIN_PASSWORD");
  }

  @Test
  @Order(2)
  void startsWithoutDemoPeopleAndWithTheFramework() {
    ConfigurableApplicationContext app = production();
    IdentityService identity = app.getBean(IdentityService.class);
    assertThat(identity.createUserQuery().userId("alice").count()).isZero();
    assertThat(identity.checkPassword("admin", ADMIN_PASSWORD)).isTrue();
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    assertThat(jdbc.sql("select count(*) from engineer where user_id = 'alice'").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from skill").query(Long.class).single()).isGreaterThanOrEqualTo(10);
  }

  /** Behind TLS, SESSION_COOKIE_SECURE=true marks the webapps' session cookie Secure (the embedded default does not). */
  @Test
  @Order(3)
  void theSessionCookieIsSecureBehindTls() {
    String port = production().getEnvironment().getProperty("local.server.port");
    TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    assertThat(TasklistSession.login(rest, "admin", ADMIN_PASSWORD).setCookies())
        .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=").containsPattern("(?i);\\s*Secure(;|$)"));
  }

  /** The operator's first steps: add the SEM team's members to the group, which exists; a group that does not, 404. */
  @Test
  @Order(4)
  void theProductsGroupsExistFromTheFirstStart() throws Exception {
    ConfigurableApplicationContext app = production();
    IdentityService identity = app.getBean(IdentityService.class);
    assertThat(identity.createGroupQuery().list()).extracting(org.camunda.bpm.engine.identity.Group::getId)
        .contains("engineers", "assessors", "leaders", "endorsement-reviewers", "sem-team", "camunda-admin");
    String port = app.getEnvironment().getProperty("local.server.port");
    assertThat(putAsAdmin(port, "/engine-rest/group/sem-team/members/admin").statusCode()).isEqualTo(204);
    assertThat(identity.createUserQuery().userId("admin").memberOfGroup("sem-team").count()).isOne();

    HttpResponse<String> missing = putAsAdmin(port, "/engine-rest/group/sem-teem/members/admin");
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
    assertThat(missing.body()).contains("\"rule\":\"group-not-found\"", "sem-teem").doesNotContain("Exception");
  }

  private static HttpResponse<String> putAsAdmin(String port, String path) throws Exception {
    String basic = java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + basic).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
