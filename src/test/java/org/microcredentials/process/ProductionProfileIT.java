package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
