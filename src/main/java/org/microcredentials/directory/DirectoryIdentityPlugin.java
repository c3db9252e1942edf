package org.microcredentials.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Groups;
import org.microcredentials.framework.LevelGroups;
import org.microcredentials.framework.Organisation;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Profile {@code ldap}: people, passwords and groups come from the company directory, read-only, through Camunda's
 * own LDAP identity provider ({@code camunda-identity-ldap}); the application keeps no password, the directory checks
 * each one (a bind). Every login (HTTP Basic on {@code /engine-rest} and {@code /api}, Tasklist's form) goes through
 * {@code IdentityService.checkPassword}, so it reaches the directory.
 *
 * <p>The groups Camunda sees (candidate groups, authorizations, our rules, Tasklist) are ours, not the directory's:
 * <ul>
 *   <li>the level groups ({@code engineers}, {@code assessors}, {@code leaders}, {@code endorsement-reviewers}) follow
 *   from the person's level in our organisation table ({@link LevelGroups}), which a promotion decided in the
 *   application changes at once; a person not in the table (no level the ladder knows) is in none of them;
 *   <li>{@code sem-team} and {@code camunda-admin} are the members of the directory groups that
 *   {@code microcredentials.directory.group-mapping} names;
 *   <li>the directory's other groups are not shown: nothing of ours refers to them.
 * </ul>
 *
 * <p>An engine plugin: Camunda's seam for an identity provider is a session factory of the engine's (impl package), and
 * the LDAP provider's queries find their session by its class, so the provider here extends Camunda's LDAP session and
 * answers group questions itself. This class is the one place that touches those classes.
 */
@Component
@Profile("ldap")
class DirectoryIdentityPlugin extends AbstractProcessEnginePlugin {

  /** The groups a directory group may stand for; the level groups always follow the level. */
  static final Map<String, String> MAPPABLE_GROUPS = Map.of(
      Groups.SEM_TEAM, "SEM team",
      Groups.ADMINISTRATORS, "Administrators");

  private final DirectoryProperties directory;
  private final Organisation organisation;
  private final LevelGroups levelGroups;

  DirectoryIdentityPlugin(DirectoryProperties directory, Organisation organisation, LevelGroups levelGroups) {
    this.directory = directory;
    this.organisation = organisation;
    this.levelGroups = levelGroups;
    for (String ourGroup : directory.groupMapping().keySet()) {
      if (!MAPPABLE_GROUPS.containsKey(ourGroup)) {
        throw new IllegalStateException("microcredentials.directory.group-mapping." + ourGroup
            + ": only " + MAPPABLE_GROUPS.keySet() + " come from directory groups; the level groups follow the level.");
      }
    }
    if (directory.url() == null || directory.url().isBlank()) {
      throw new IllegalStateException("Profile ldap needs microcredentials.directory.url (ldap:// or ldaps://).");
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    LdapConfiguration ldap = new LdapConfiguration();
    ldap.setServerUrl(directory.url());
    ldap.setUseSsl(directory.url().startsWith("ldaps:"));
    ldap.setManagerDn(directory.managerDn() == null ? "" : directory.managerDn());
    ldap.setManagerPassword(directory.managerPassword() == null ? "" : directory.managerPassword());
    ldap.setBaseDn(directory.baseDn());
    ldap.setUserSearchBase(directory.userSearchBase());
    ldap.setUserSearchFilter(directory.userSearchFilter());
    ldap.setUserIdAttribute(directory.userIdAttribute());
    ldap.setUserFirstnameAttribute("givenName");
    ldap.setUserLastnameAttribute("sn");
    ldap.setUserEmailAttribute("mail");
    ldap.setGroupSearchBase(directory.groupSearchBase());
    ldap.setGroupSearchFilter(directory.groupSearchFilter());
    ldap.setGroupIdAttribute(directory.groupIdAttribute());
    ldap.setGroupNameAttribute(directory.groupIdAttribute());
    ldap.setGroupMemberAttribute(directory.groupMemberAttribute());
    ldap.setAuthorizationCheckEnabled(true);
    ldap.setPasswordCheckCatchAuthenticationException(true);
    ldap.setAllowAnonymousLogin(false);
    // A directory that stops answering fails the request after seconds instead of holding it (and a thread) forever.
    ldap.setContextProperties(Map.of(
        "com.sun.jndi.ldap.connect.timeout", "5000",
        "com.sun.jndi.ldap.read.timeout", "10000"));
    configuration.setIdentityProviderSessionFactory(new Factory(ldap, directory.groupMapping(), organisation, levelGroups));
  }

  /** Opens one {@link DirectorySession} a command, as Camunda's LDAP factory opens its own. */
  private static final class Factory extends LdapIdentityProviderFactory {

    private final Map<String, String> groupMapping;
    private final Organisation organisation;
    private final LevelGroups levelGroups;

    Factory(LdapConfiguration ldap, Map<String, String> groupMapping, Organisation organisation, LevelGroups levelGroups) {
      setLdapConfiguration(ldap);
      this.groupMapping = groupMapping;
      this.organisation = organisation;
      this.levelGroups = levelGroups;
    }

    @Override
    public Class<?> getSessionType() {
      return ReadOnlyIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new DirectorySession(ldapConfiguration, groupMapping, organisation, levelGroups);
    }
  }

  /**
   * Camunda's LDAP session for users and passwords; groups and group membership as the class comment says. Camunda's
   * LDAP queries find it as their session and call the methods overridden here.
   */
  static final class DirectorySession extends LdapIdentityProviderSession {

    /** Our group to the directory's. */
    private final Map<String, String> groupMapping;
    private final Organisation organisation;
    private final LevelGroups levelGroups;

    DirectorySession(LdapConfiguration ldap, Map<String, String> groupMapping, Organisation organisation,
        LevelGroups levelGroups) {
      super(ldap);
      this.groupMapping = groupMapping;
      this.organisation = organisation;
      this.levelGroups = levelGroups;
    }

    // --- groups

    @Override
    public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
      return page(matchingGroups(query), query.getFirstResult(), query.getMaxResults());
    }

    @Override
    public long findGroupCountByQueryCriteria(LdapGroupQuery query) {
      return matchingGroups(query).size();
    }

    private List<Group> matchingGroups(LdapGroupQuery query) {
      if (query.getTenantId() != null) {
        return List.of();
      }
      Pattern nameLike = query.getNameLike() == null ? null : like(query.getNameLike());
      List<String> ids = query.getIds() == null ? null : Arrays.asList(query.getIds());
      return groupIds(query.getUserId()).stream()
          .filter(id -> query.getId() == null || query.getId().equals(id))
          .filter(id -> ids == null || ids.contains(id))
          .filter(id -> query.getName() == null || query.getName().equals(name(id)))
          .filter(id -> nameLike == null || nameLike.matcher(name(id)).matches())
          .filter(id -> query.getType() == null || query.getType().equals(type(id)))
          .filter(this::isAuthorizedToReadGroup)
          .sorted()
          .map(this::group)
          .toList();
    }

    /** Every group of ours, or the groups of one person. */
    private List<String> groupIds(String userId) {
      if (userId == null) {
        List<String> all = new ArrayList<>(levelGroups.ids());
        all.addAll(groupMapping.keySet());
        return all;
      }
      List<String> groups = new ArrayList<>(level(userId).map(levelGroups::ofLevel).orElse(List.of()));
      // Someone the directory does not know is in no directory group (and an empty DN would be no valid filter).
      if (!groupMapping.isEmpty() && !internally(() -> getDnForUser(userId)).isEmpty()) {
        LdapGroupQuery directoryGroups = new LdapGroupQuery();
        directoryGroups.groupMember(userId);
        List<Group> found = internally(() -> super.findGroupByQueryCriteria(directoryGroups));
        groupMapping.forEach((ours, theirs) -> {
          if (found.stream().anyMatch(group -> theirs.equals(group.getId()))) {
            groups.add(ours);
          }
        });
      }
      return groups;
    }

    private Optional<Integer> level(String userId) {
      return organisation.find(userId).map(Engineer::seniorityLevel);
    }

    private Group group(String id) {
      GroupEntity group = new GroupEntity(id);
      group.setName(name(id));
      group.setType(type(id));
      return group;
    }

    private String name(String id) {
      return levelGroups.isLevelGroup(id) ? levelGroups.name(id) : MAPPABLE_GROUPS.getOrDefault(id, id);
    }

    private static String type(String id) {
      return Groups.ADMINISTRATORS.equals(id) ? "SYSTEM" : "WORKFLOW";
    }

    // --- users: the directory's, but membership in our groups

    @Override
    public List<User> findUserByQueryCriteria(LdapUserQueryImpl query) {
      String groupId = query.getGroupId();
      if (groupId == null) {
        return super.findUserByQueryCriteria(query);
      }
      if (groupMapping.containsKey(groupId)) {
        if (directoryGroupDn(groupMapping.get(groupId)) == null) {
          return List.of();
        }
        LdapUserQueryImpl members = sameCriteria(query);
        members.memberOfGroup(groupMapping.get(groupId));
        return page(super.findUserByQueryCriteria(members), query.getFirstResult(), query.getMaxResults());
      }
      if (levelGroups.isLevelGroup(groupId)) {
        List<String> ids = organisation.all().stream()
            .filter(engineer -> levelGroups.ofLevel(engineer.seniorityLevel()).contains(groupId))
            .map(Engineer::userId)
            .filter(id -> query.getId() == null || query.getId().equals(id))
            .filter(id -> query.getIds() == null || Arrays.asList(query.getIds()).contains(id))
            .toList();
        if (ids.isEmpty()) {
          return List.of();
        }
        LdapUserQueryImpl members = sameCriteria(query);
        members.userIdIn(ids.toArray(String[]::new));
        return page(super.findUserByQueryCriteria(members).stream()
            .sorted(Comparator.comparing(User::getId)).toList(), query.getFirstResult(), query.getMaxResults());
      }
      return List.of();
    }

    @Override
    public long findUserCountByQueryCriteria(LdapUserQueryImpl query) {
      return findUserByQueryCriteria(query).size();
    }

    /** A query with the same criteria but the group, and no paging. */
    private LdapUserQueryImpl sameCriteria(LdapUserQueryImpl query) {
      LdapUserQueryImpl copy = new LdapUserQueryImpl(ldapConfiguration);
      if (query.getId() != null) {
        copy.userId(query.getId());
      }
      if (query.getIds() != null) {
        copy.userIdIn(query.getIds());
      }
      if (query.getFirstName() != null) {
        copy.userFirstName(query.getFirstName());
      }
      if (query.getFirstNameLike() != null) {
        copy.userFirstNameLike(query.getFirstNameLike());
      }
      if (query.getLastName() != null) {
        copy.userLastName(query.getLastName());
      }
      if (query.getLastNameLike() != null) {
        copy.userLastNameLike(query.getLastNameLike());
      }
      if (query.getEmail() != null) {
        copy.userEmail(query.getEmail());
      }
      if (query.getEmailLike() != null) {
        copy.userEmailLike(query.getEmailLike());
      }
      return copy;
    }

    /**
     * Camunda's LDAP session finds a group's DN (to read its members) through a group query, which here answers with
     * our groups: the directory's group is looked up in the directory instead.
     */
    @Override
    protected String getDnForGroup(String directoryGroupId) {
      String dn = directoryGroupDn(directoryGroupId);
      if (dn == null) {
        // Never the search base: an empty DN would read the members of every group below it.
        throw new IllegalStateException("No directory group '" + directoryGroupId + "'");
      }
      return dn;
    }

    private String directoryGroupDn(String directoryGroupId) {
      LdapGroupQuery byId = new LdapGroupQuery();
      byId.groupId(directoryGroupId);
      List<Group> found = internally(() -> super.findGroupByQueryCriteria(byId));
      return found.isEmpty() ? null : ((LdapGroupEntity) found.get(0)).getDn();
    }

    // --- paging and patterns

    /** A look-up of ours inside a query, made whoever asks: the query's own result is what is authorized. */
    private static <T> T internally(Supplier<T> lookUp) {
      CommandContext command = Context.getCommandContext();
      boolean checking = command.isAuthorizationCheckEnabled();
      command.disableAuthorizationCheck();
      try {
        return lookUp.get();
      } finally {
        if (checking) {
          command.enableAuthorizationCheck();
        }
      }
    }

    private static <T> List<T> page(List<T> all, int firstResult, int maxResults) {
      int from = Math.min(Math.max(firstResult, 0), all.size());
      int to = (int) Math.min((long) from + Math.max(maxResults, 0), all.size());
      return List.copyOf(all.subList(from, to));
    }

    /** A SQL LIKE pattern ({@code %}, {@code _}; LDAP's {@code *} too) as a regular expression. */
    private static Pattern like(String pattern) {
      StringBuilder regex = new StringBuilder();
      for (char c : pattern.toCharArray()) {
        switch (c) {
          case '%', '*' -> regex.append(".*");
          case '_' -> regex.append('.');
          default -> regex.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
  }
}
