package org.microcredentials.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person authenticated against Camunda's identity service, with what the engine needs to authorize what
 * they do: their groups and tenants. Each group is also an authority {@code GROUP_<id>}, so that a chain
 * can require one (the metrics: administrators). Public for the sign-in through an OpenID provider (package
 * {@code sso}), whose bearer tokens name a person the same way.
 */
public final class CamundaUser extends AbstractAuthenticationToken {

  public static final String GROUP_PREFIX = "GROUP_";

  private final String userId;
  private final List<String> groupIds;
  private final List<String> tenantIds;

  public CamundaUser(String userId, List<String> groupIds, List<String> tenantIds) {
    super(authorities(groupIds));
    this.userId = userId;
    this.groupIds = List.copyOf(groupIds);
    this.tenantIds = List.copyOf(tenantIds);
    setAuthenticated(true);
  }

  public static String group(String groupId) {
    return GROUP_PREFIX + groupId;
  }

  private static Collection<GrantedAuthority> authorities(List<String> groupIds) {
    return groupIds.stream().<GrantedAuthority>map(id -> new SimpleGrantedAuthority(group(id))).toList();
  }

  String userId() {
    return userId;
  }

  List<String> groupIds() {
    return groupIds;
  }

  List<String> tenantIds() {
    return tenantIds;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return userId;
  }

  @Override
  public String getName() {
    return userId;
  }
}
