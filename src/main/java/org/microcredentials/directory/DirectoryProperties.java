package org.microcredentials.directory;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the company directory is and how to read it (prefix {@code microcredentials.directory}, profile {@code ldap};
 * docs/directory.md). The names are docs/contract.md's.
 *
 * @param url {@code ldap://host:port} or {@code ldaps://host:port}
 * @param managerDn the account the application searches the directory with (read-only is enough)
 * @param managerPassword its password
 * @param baseDn the directory's root, e.g. {@code dc=example,dc=org}; the search bases below are relative to it
 * @param userSearchBase where the people are, e.g. {@code ou=people}
 * @param userSearchFilter which entries are people
 * @param userIdAttribute the attribute holding the user id people sign in with
 * @param groupSearchBase where the groups are, e.g. {@code ou=groups}
 * @param groupSearchFilter which entries are groups
 * @param groupIdAttribute the attribute holding a group's id
 * @param groupMemberAttribute the attribute of a group listing its members' DNs
 * @param levelAttribute the person's seniority level, 1..6
 * @param titleAttribute the person's role title
 * @param managerAttribute the DN of the person's line manager
 * @param groupMapping our group (only {@code sem-team} and {@code camunda-admin}) to the directory group whose members
 *     are in it
 * @param syncInterval how often the organisation is read again from the directory
 */
@ConfigurationProperties("microcredentials.directory")
public record DirectoryProperties(
    String url,
    String managerDn,
    String managerPassword,
    String baseDn,
    String userSearchBase,
    String userSearchFilter,
    String userIdAttribute,
    String groupSearchBase,
    String groupSearchFilter,
    String groupIdAttribute,
    String groupMemberAttribute,
    String levelAttribute,
    String titleAttribute,
    String managerAttribute,
    Map<String, String> groupMapping,
    Duration syncInterval) {

  public DirectoryProperties {
    baseDn = baseDn == null ? "" : baseDn;
    userSearchBase = userSearchBase == null ? "" : userSearchBase;
    userSearchFilter = orDefault(userSearchFilter, "(objectClass=inetOrgPerson)");
    userIdAttribute = orDefault(userIdAttribute, "uid");
    groupSearchBase = groupSearchBase == null ? "" : groupSearchBase;
    groupSearchFilter = orDefault(groupSearchFilter, "(objectClass=groupOfNames)");
    groupIdAttribute = orDefault(groupIdAttribute, "cn");
    groupMemberAttribute = orDefault(groupMemberAttribute, "member");
    levelAttribute = orDefault(levelAttribute, "employeeType");
    titleAttribute = orDefault(titleAttribute, "title");
    managerAttribute = orDefault(managerAttribute, "manager");
    groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
    syncInterval = syncInterval == null ? Duration.ofHours(1) : syncInterval;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  /** A search base below the base DN, as a full DN. */
  String below(String relative) {
    if (relative.isBlank()) {
      return baseDn;
    }
    return baseDn.isBlank() ? relative : relative + "," + baseDn;
  }
}
