package org.microcredentials.framework;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.microcredentials.RuleViolation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an admin adds an engineer or changes their level and line manager in production (the demo
 * organisation is loaded from a file). The person logs in with a Camunda user an admin created
 * in Camunda Admin; the groups that follow from the level are kept in step: everyone is in
 * {@code engineers}, from the configured minimum levels in {@code assessors} and {@code leaders}, and in
 * {@code endorsement-reviewers}. The SEM team stays a choice made in Camunda Admin.
 */
@Service
public class OrganisationAdministration {

  public record EngineerUpdate(String displayName, String email, Integer seniorityLevel, String roleTitle,
      String lineManagerId) {
  }

  private final Organisation organisation;
  private final IdentityService identity;
  private final CamundaGroups groups;
  private final LevelGroups levelGroups;
  private final ObjectProvider<LevelDecisions> levelDecisions;

  OrganisationAdministration(Organisation organisation, IdentityService identity, CamundaGroups groups,
      LevelGroups levelGroups, ObjectProvider<LevelDecisions> levelDecisions) {
    this.organisation = organisation;
    this.identity = identity;
    this.groups = groups;
    this.levelGroups = levelGroups;
    this.levelDecisions = levelDecisions;
  }

  @Transactional
  public Engineer save(String userId, EngineerUpdate update) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      throw RuleViolation.invalid("camunda-user-exists",
          "'" + userId + "' has no Camunda user: create it (with a password) in Camunda Admin first.");
    }
    if (update.displayName() == null || update.displayName().isBlank() || update.displayName().length() > 200) {
      throw RuleViolation.invalid("field-displayName", "'displayName' is required, at most 200 characters.");
    }
    if (update.email() == null || !update.email().matches("[^@\\s]{1,64}@[^@\\s]{1,189}")) {
      throw RuleViolation.invalid("field-email", "'email' must be an email address.");
    }
    if (update.seniorityLevel() == null || !Seniority.isOnLadder(update.seniorityLevel())) {
      throw RuleViolation.invalid("field-seniorityLevel",
          "'seniorityLevel' must be a level of the ladder, " + Seniority.LOWEST + " to " + Seniority.HIGHEST + ".");
    }
    if (update.roleTitle() == null || update.roleTitle().isBlank() || update.roleTitle().length() > 100) {
      throw RuleViolation.invalid("field-roleTitle", "'roleTitle' is required, at most 100 characters.");
    }
    String manager = update.lineManagerId() == null || update.lineManagerId().isBlank() ? null : update.lineManagerId();
    if (manager != null && (manager.equals(userId) || organisation.find(manager).isEmpty())) {
      throw RuleViolation.invalid("field-lineManagerId",
          "'lineManagerId' must be another engineer of the organisation (or empty).");
    }
    Engineer engineer = new Engineer(userId, update.displayName().strip(), update.email().strip(), update.seniorityLevel(),
        update.roleTitle().strip(), manager);
    organisation.save(engineer);
    syncGroups(engineer);
    return engineer;
  }

  /**
   * A promotion decided (or undone by an admin): the engineer's seniority becomes the new level, with the ladder's role for
   * it, and the groups that follow from the level with it. Joins the caller's transaction (the
   * decision's), so both commit or neither.
   */
  @Transactional
  public Engineer changeLevel(String userId, int level) {
    Engineer before = organisation.lock(userId);
    Engineer after = new Engineer(userId, before.displayName(), before.email(), level, Seniority.defaultRole(level),
        before.lineManagerId());
    organisation.save(after);
    if (before.seniorityLevel() != level) {
      levelDecisions.ifAvailable(decisions -> decisions.decided(userId, before.seniorityLevel(), level));
    }
    syncGroups(after);
    return after;
  }

  /**
   * Keeps the groups that follow from the level in step. Not on a read-only identity provider (profile {@code ldap}):
   * there the groups follow from our table as Camunda reads them (directory/DirectoryIdentityPlugin), and nothing is
   * written to the directory.
   */
  private void syncGroups(Engineer engineer) {
    if (identity.isReadOnly()) {
      return;
    }
    groups.ensureProductGroups();
    String userId = engineer.userId();
    List<String> member = levelGroups.ofLevel(engineer.seniorityLevel());
    for (String groupId : levelGroups.ids()) {
      membership(userId, groupId, member.contains(groupId));
    }
  }

  private void membership(String userId, String groupId, boolean member) {
    if (member) {
      groups.join(userId, groupId);
    } else {
      groups.leave(userId, groupId);
    }
  }
}
