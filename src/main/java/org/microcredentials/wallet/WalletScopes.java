package org.microcredentials.wallet;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes of the Open Badges 3.0 API this application serves (a Service Provider that is read):
 * reading the holder's credentials and profile. {@code offline_access}, which the spec's wallets ask
 * for, is accepted and grants a refresh token. Writing (credential.upsert, profile.update) is not
 * offered: credentials here are issued by the flows, not uploaded.
 */
final class WalletScopes {

  static final String PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/scope/";
  static final String CREDENTIAL_READONLY = PREFIX + "credential.readonly";
  static final String PROFILE_READONLY = PREFIX + "profile.readonly";
  static final String OFFLINE_ACCESS = "offline_access";

  /** Each scope and what the holder is asked to allow, in their words. */
  static final Map<String, String> OFFERED;

  static {
    Map<String, String> offered = new LinkedHashMap<>();
    offered.put(CREDENTIAL_READONLY, "Permission to read the OpenBadgeCredentials of the authenticated holder.");
    offered.put(PROFILE_READONLY, "Permission to read the profile of the authenticated holder.");
    offered.put(OFFLINE_ACCESS, "Permission to keep access while the holder is away (a refresh token).");
    OFFERED = Map.copyOf(offered);
  }

  /** What the consent page says of each scope. */
  static final Map<String, String> IN_WORDS = Map.of(
      CREDENTIAL_READONLY, "read your skills credentials (signed Open Badges 3.0)",
      PROFILE_READONLY, "read your profile: your name and e-mail address",
      OFFLINE_ACCESS, "keep this access for up to 180 days without asking you again, until you disconnect it");

  private WalletScopes() {
  }

  static Set<String> parse(String scope) {
    if (scope == null || scope.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(scope.trim().split(" +")).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static String format(Set<String> scopes) {
    return String.join(" ", scopes);
  }

  static boolean allOffered(Set<String> scopes) {
    return OFFERED.keySet().containsAll(scopes);
  }
}
