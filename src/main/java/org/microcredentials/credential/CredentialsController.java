package org.microcredentials.credential;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Organisation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An engineer's credentials: what their portfolio and promotion applications build on. */
@RestController
class CredentialsController {

  private final CredentialRegister credentials;
  private final Organisation organisation;
  private final Clock clock;

  CredentialsController(CredentialRegister credentials, Organisation organisation, Clock clock) {
    this.credentials = credentials;
    this.organisation = organisation;
    this.clock = clock;
  }

  @GetMapping("/api/engineers/{userId}/credentials")
  List<CredentialView> credentials(@PathVariable String userId) {
    if (organisation.find(userId).isEmpty()) {
      throw RuleViolation.notFound("known-engineer", "'" + userId + "' is not an engineer of the organisation.");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    return credentials.heldBy(userId).stream().map(credential -> CredentialView.of(credential, now)).toList();
  }
}
