package org.microcredentials.framework;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Keeps Camunda's groups (what Tasklist, candidate groups and logins use) in step with the organisation. */
@Component
class CamundaGroups {

  private final IdentityService identity;

  CamundaGroups(IdentityService identity) {
    this.identity = identity;
  }

  void ensureGroup(String groupId, String name) {
    if (identity.createGroupQuery().groupId(groupId).count() == 0) {
      Group group = identity.newGroup(groupId);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  boolean isMember(String userId, String groupId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  void join(String userId, String groupId) {
    if (!isMember(userId, groupId)) {
      identity.createMembership(userId, groupId);
    }
  }

  void leave(String userId, String groupId) {
    if (isMember(userId, groupId)) {
      identity.deleteMembership(userId, groupId);
    }
  }
}
