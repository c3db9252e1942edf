package org.microcredentials.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo organisation of CONTRACT.md, on the embedded default only (profile {@code demo}):
 * engineers in our table, and the same people as Camunda users and group members, so every
 * demo user logs in to Tasklist with their user id as password. Adds what is missing; run it
 * as often as you like.
 */
@Component
@Profile("demo")
@Order(2)
class DemoOrganisationLoader implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoOrganisationLoader.class);

  record DemoGroup(String id, String name) {
  }

  record DemoPerson(String userId, String displayName, int level, String role, String lineManager, List<String> groups) {
  }

  record DemoOrganisation(List<DemoGroup> groups, List<DemoPerson> people) {
  }

  private final ObjectMapper json;
  private final Organisation organisation;
  private final IdentityService identity;
  private final CamundaGroups groups;

  DemoOrganisationLoader(ObjectMapper json, Organisation organisation, IdentityService identity, CamundaGroups groups) {
    this.json = json;
    this.organisation = organisation;
    this.identity = identity;
    this.groups = groups;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    DemoOrganisation demo;
    try (InputStream in = new ClassPathResource("demo/organisation.json").getInputStream()) {
      demo = json.readValue(in, DemoOrganisation.class);
    }
    for (DemoGroup group : demo.groups()) {
      groups.ensureGroup(group.id(), group.name());
    }
    // Managers come before the people they manage, so the line-manager reference always resolves.
    for (DemoPerson person : demo.people()) {
      String email = person.userId() + "@example.org";
      organisation.save(new Engineer(person.userId(), person.displayName(), email, person.level(), person.role(),
          person.lineManager()));
      if (identity.createUserQuery().userId(person.userId()).count() == 0) {
        String[] names = person.displayName().split(" ", 2);
        User user = identity.newUser(person.userId());
        user.setFirstName(names[0]);
        user.setLastName(names.length > 1 ? names[1] : "");
        user.setEmail(email);
        user.setPassword(person.userId());
        identity.saveUser(user);
      }
      groups.join(person.userId(), Groups.ENGINEERS);
      person.groups().forEach(group -> groups.join(person.userId(), group));
    }
    LOG.info("Demo organisation ready: {} people, password = user id", demo.people().size());
  }

}
