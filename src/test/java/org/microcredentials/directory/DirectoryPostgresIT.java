package org.microcredentials.directory;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link DirectoryIT} with profiles {@code ldap} and {@code postgres} together, as production runs them: a real
 * PostgreSQL (a database of its own: the application tests leave the demo people in the shared one), and the
 * administrator Camunda's starter checks for is a person of the directory ({@code demo}, in {@code platform-admins}).
 */
@ActiveProfiles({"ldap", "postgres"})
class DirectoryPostgresIT extends DirectoryIT {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry properties) {
    String url = EmbeddedPostgres.freshDatabase("directory");
    properties.add("spring.datasource.url", () -> url);
    properties.add("spring.datasource.username", () -> "postgres");
    properties.add("spring.datasource.password", () -> "postgres");
    properties.add("camunda.bpm.admin-user.id", () -> "demo");
  }
}
