package org.microcredentials.framework;

import java.util.List;
import org.microcredentials.process.Actors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organisation over REST: everyone logged in reads it; admins add or change engineers. */
@RestController
class OrganisationController {

  private final Organisation organisation;
  private final OrganisationAdministration administration;
  private final Actors actors;

  OrganisationController(Organisation organisation, OrganisationAdministration administration, Actors actors) {
    this.organisation = organisation;
    this.administration = administration;
    this.actors = actors;
  }

  @GetMapping("/api/engineers")
  List<Engineer> engineers() {
    return organisation.all();
  }

  @PutMapping("/api/engineers/{userId}")
  Engineer save(@PathVariable String userId, @RequestBody OrganisationAdministration.EngineerUpdate update) {
    actors.requireAdministrator("add or change an engineer");
    return administration.save(userId, update);
  }
}
