package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsApplication;
import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The postgres profile as production runs it: settings from the environment, no demo people. */
class ProductionProfileIT {

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
        "--camunda.bpm.job-execution.enabled=false");
  }

  @Test
  void refusesToStartWithAWellKnownAdminPassword() {
    assertThatThrownBy(() -> production("demo").close())
        .hasStackTraceContaining("Refusing to start: set ADMIN_PASSWORD");
    assertThatThrownBy(() -> production("").close())
        .hasStackTraceContaining("Refusing to start: set ADMIN_PASSWORD");
  }

  @Test
  void startsWithoutDemoPeopleAndWithTheFramework() {
    try (ConfigurableApplicationContext app = production("a-real-Secret-42")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.createUserQuery().userId("alice").count()).isZero();
      assertThat(identity.checkPassword("admin", "a-real-Secret-42")).isTrue();
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(jdbc.sql("select count(*) from engineer where user_id = 'alice'").query(Long.class).single()).isZero();
      assertThat(jdbc.sql("select count(*) from skill").query(Long.class).single()).isGreaterThanOrEqualTo(10);
    }
  }

  /** The operator's first steps: add the SEM team's members to the group, which exists; a group that does not, 404. */
  @Test
  void theProductsGroupsExistFromTheFirstStart() throws Exception {
    try (ConfigurableApplicationContext app = production("a-real-Secret-42")) {
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
  }

  private static HttpResponse<String> putAsAdmin(String port, String path) throws Exception {
    String basic = java.util.Base64.getEncoder().encodeToString("admin:a-real-Secret-42".getBytes());
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + basic).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
