package org.microcredentials.report;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Groups;
import org.springframework.stereotype.Component;

/** Who reads reports: the SEM team and administrators (CONTRACT.md, "Reports"); everyone else is refused with 403. */
@Component
public class ReportReaders {

  static final List<String> GROUPS = List.of(Groups.SEM_TEAM, Groups.ADMINISTRATORS);

  private final IdentityService identity;

  ReportReaders(IdentityService identity) {
    this.identity = identity;
  }

  /** The authenticated reader of this request; refuses anyone else. */
  String requireReader() {
    var authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw RuleViolation.forbidden("authenticated-actor", "Only an authenticated person may read reports.");
    }
    if (!mayRead(authentication.getUserId())) {
      throw RuleViolation.forbidden("report-readers", "Only the SEM team and administrators read reports.");
    }
    return authentication.getUserId();
  }

  boolean mayRead(String userId) {
    return identity.createUserQuery().userId(userId).count() > 0
        && GROUPS.stream().anyMatch(group -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
  }

  /** The user's groups, as the engine needs them to authorize what the user does during the request. */
  List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
