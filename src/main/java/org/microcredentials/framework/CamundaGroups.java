package org.microcredentials.framework;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's groups (what Tasklist, candidate groups and logins use) in step with the organisation, and
 * makes the product's groups exist from the first start on, on every profile: an operator adds the SEM team's
 * members to {@code sem-team} without creating it first.
 */
@Component
class CamundaGroups implements ApplicationRunner {

  private final IdentityService identity;
  private final LevelGroups levelGroups;
  private final ApplicationEventPublisher events;

  CamundaGroups(IdentityService identity, LevelGroups levelGroups, ApplicationEventPublisher events) {
    this.identity = identity;
    this.levelGroups = levelGroups;
    this.events = events;
  }

  /**
   * The groups the product relies on (candidate groups of the models, the grants, the rules), with their names:
   * created where they are missing, on every start and before an engineer joins one. Not on a read-only identity
   * provider (a directory): there the directory holds the groups.
   */
  void ensureProductGroups() {
    if (identity.isReadOnly()) {
      return;
    }
    levelGroups.ids().forEach(groupId -> ensureGroup(groupId, levelGroups.name(groupId)));
    ensureGroup(Groups.SEM_TEAM, "SEM team");
  }

  @Override
  public void run(ApplicationArguments args) {
    ensureProductGroups();
  }

  void ensureGroup(String groupId, String name) {
    if (exists(groupId)) {
      return;
    }
    Group group = identity.newGroup(groupId);
    group.setName(name);
    group.setType("WORKFLOW");
    try {
      identity.saveGroup(group);
    } catch (RuntimeException raced) {
      // Another node of a cluster, starting at the same moment, created it first: that is what was wanted.
      if (!exists(groupId)) {
        throw raced;
      }
    }
  }

  private boolean exists(String groupId) {
    return identity.createGroupQuery().groupId(groupId).count() > 0;
  }

  boolean isMember(String userId, String groupId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
  }

  void join(String userId, String groupId) {
    if (!isMember(userId, groupId)) {
      identity.createMembership(userId, groupId);
      events.publishEvent(new IdentityChanged(userId + " joined " + groupId));
    }
  }

  void leave(String userId, String groupId) {
    if (isMember(userId, groupId)) {
      identity.deleteMembership(userId, groupId);
      events.publishEvent(new IdentityChanged(userId + " left " + groupId));
    }
  }
}
