package org.microcredentials.endorsement;

import java.util.List;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Groups;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Actors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endorsements one leader started, newest first: what shows whether endorsing is used in
 * moderation. The leader sees their own; endorsement reviewers and administrators see anyone's.
 */
@RestController
class EndorsementsController {


  private final EndorsementRegister endorsements;
  private final Organisation organisation;
  private final Actors actors;

  EndorsementsController(EndorsementRegister endorsements, Organisation organisation, Actors actors) {
    this.endorsements = endorsements;
    this.organisation = organisation;
    this.actors = actors;
  }

  @GetMapping("/api/endorsers/{userId}/endorsements")
  List<EndorsementRegister.Endorsement> endorsements(@PathVariable String userId) {
    String viewer = actors.requireCurrentUser("list endorsements");
    if (!viewer.equals(userId) && !actors.isMember(viewer, Groups.ENDORSEMENT_REVIEWERS)
        && !actors.isMember(viewer, Groups.ADMINISTRATORS)) {
      throw RuleViolation.forbidden("endorsements-visible-to-reviewers",
          "Only " + userId + " themselves, endorsement reviewers and administrators may list " + userId + "'s endorsements.");
    }
    if (organisation.find(userId).isEmpty()) {
      throw RuleViolation.notFound("known-engineer", "'" + userId + "' is not an engineer of the organisation.");
    }
    return endorsements.byEndorser(userId);
  }
}
