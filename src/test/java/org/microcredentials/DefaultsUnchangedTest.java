package org.microcredentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationYaml;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The defaults of the {@code microcredentials.*} properties moved out of application.yaml into the records (their
 * one home) without changing a value. The expected values below were copied once from application.yaml as it was
 * before that move (and, for what it did not set, from the records and {@code @Value}s as they were): they say what
 * an application started with no configuration ran with, and must not change by accident. Changing a default on
 * purpose changes it here too.
 */
class DefaultsUnchangedTest {

  /** application.yaml's values before the move, by property; "" where it only named an unset environment variable. */
  private static final Map<String, Object> BEFORE = before();

  private static Map<String, Object> before() {
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("microcredentials.pass-mark", 8);
    before.put("microcredentials.monthly-cap", 2);
    before.put("microcredentials.time-zone", ZoneId.of("Europe/London"));
    before.put("microcredentials.minimum-assessor-level", 4);
    before.put("microcredentials.two-reviewers-from-level", 4);
    before.put("microcredentials.credential-validity", Period.ofYears(2));
    before.put("microcredentials.sla.response-time", Duration.ofDays(14));
    before.put("microcredentials.sla.reassign-after", Duration.ofDays(7));
    before.put("microcredentials.sla.candidate-idle-timeout", Duration.ofDays(90));
    before.put("microcredentials.endorsement.minimum-endorser-level", 4);
    before.put("microcredentials.endorsement.minimum-reviewer-level", 5);
    before.put("microcredentials.endorsement.minimum-score", 8);
    before.put("microcredentials.endorsement.open-request-cap", 2);
    before.put("microcredentials.endorsement.request-expiry", Duration.ofDays(14));
    before.put("microcredentials.endorsement.skills-per-candidate-cap", 3);
    before.put("microcredentials.endorsement.cap-period", Period.ofMonths(3));
    before.put("microcredentials.promotion.windows", List.of());
    before.put("microcredentials.credentials.public-url", "http://localhost:8080");
    before.put("microcredentials.credentials.issuer-name", "Engineering organisation");
    before.put("microcredentials.credentials.keystore", "");
    before.put("microcredentials.credentials.keystore-password", "");
    before.put("microcredentials.credentials.active-key-alias", "");
    before.put("microcredentials.credentials.active-ed25519-key-alias", "");
    before.put("microcredentials.credentials.remind-before-lapse", Period.ofDays(30));
    before.put("microcredentials.verifier.max-document-bytes", 262144);
    before.put("microcredentials.verifier.max-nesting-depth", 32);
    before.put("microcredentials.verifier.max-quads", 2000);
    before.put("microcredentials.verifier.max-blank-nodes", 64);
    before.put("microcredentials.verifier.canonicalization-steps", 10000);
    before.put("microcredentials.verifier.canonicalization-time", Duration.ofSeconds(5));
    before.put("microcredentials.wallet.max-state-length", 512);
    before.put("microcredentials.wallet.pending-consents-per-holder", 5);
    before.put("microcredentials.wallet.pending-consent-lifetime", Duration.ofMinutes(10));
    before.put("microcredentials.wallet.max-text-length", 200);
    before.put("microcredentials.wallet.max-url-length", 2000);
    before.put("microcredentials.wallet.max-redirect-uris", 5);
    before.put("microcredentials.wallet.unused-registration-expiry", Period.ofDays(1));
    before.put("microcredentials.wallet.registrations-per-address", 20);
    before.put("microcredentials.wallet.registration-period", Duration.ofHours(1));
    before.put("microcredentials.wallet.token-requests-per-address", 120);
    before.put("microcredentials.wallet.token-period", Duration.ofMinutes(1));
    before.put("microcredentials.wallet.tracked-addresses", 10000);
    before.put("microcredentials.security.trusted-proxies", List.of());
    before.put("microcredentials.security.login-delay-base", Duration.ofSeconds(3));
    before.put("microcredentials.security.login-delay-factor", 2);
    before.put("microcredentials.security.login-delay-max", Duration.ofSeconds(60));
    before.put("microcredentials.security.address-allowance", 10);
    before.put("microcredentials.security.forget-failures-after", Duration.ofMinutes(15));
    before.put("microcredentials.security.throttle-entries", 10000);
    before.put("microcredentials.security.recent-login-lifetime", Duration.ofSeconds(10));
    // Profile ldap set these to the records' defaults; the rest of the directory has none (url, accounts, bases).
    before.put("microcredentials.directory.url", "");
    before.put("microcredentials.directory.manager-dn", "");
    before.put("microcredentials.directory.manager-password", "");
    before.put("microcredentials.directory.base-dn", "");
    before.put("microcredentials.directory.user-search-base", "");
    before.put("microcredentials.directory.user-search-filter", "(objectClass=inetOrgPerson)");
    before.put("microcredentials.directory.user-id-attribute", "uid");
    before.put("microcredentials.directory.group-search-base", "");
    before.put("microcredentials.directory.group-search-filter", "(objectClass=groupOfNames)");
    before.put("microcredentials.directory.group-id-attribute", "cn");
    before.put("microcredentials.directory.group-member-attribute", "member");
    before.put("microcredentials.directory.level-attribute", "employeeType");
    before.put("microcredentials.directory.title-attribute", "title");
    before.put("microcredentials.directory.manager-attribute", "manager");
    before.put("microcredentials.directory.group-mapping.*", Map.of());
    before.put("microcredentials.directory.sync-interval", Duration.ofHours(1));
    before.put("microcredentials.sso.user-id-claim", "preferred_username");
    before.put("microcredentials.sso.groups-claim", "groups");
    // Read with @Value; application.yaml set framework-file to this same value.
    before.put("microcredentials.framework-file", "classpath:framework/skills-framework.json");
    before.put("microcredentials.mail-from", "micro-credentials@example.org");
    before.put("microcredentials.max-request-bytes", "1048576");
    before.put("microcredentials.metrics.gauges-fresh-for", "PT1S");
    return before;
  }

  @Test
  void withNoConfigurationAtAllEveryPropertyHasTheValueApplicationYamlHadBefore() {
    assertThat(effective(ConfiguredDefaults.binder(Map.of()))).containsExactlyInAnyOrderEntriesOf(BEFORE);
  }

  @Test
  void withTodaysApplicationYamlAndNoEnvironmentEveryPropertyHasTheValueItHadBefore() {
    // The environment variables it names (PUBLIC_URL, SIGNING_KEYSTORE, ...) unset: their defaults in the yaml apply.
    assertThat(effective(ApplicationYaml.binder(ApplicationYaml.everyProfile())))
        .containsExactlyInAnyOrderEntriesOf(BEFORE);
  }

  /** Every property's bound value; an unset text as "", as the code reads null and "" alike. */
  private static Map<String, Object> effective(Binder binder) {
    Map<String, Object> effective = new LinkedHashMap<>();
    for (ConfiguredDefaults.Properties properties : ConfiguredDefaults.records()) {
      Object bound = properties.bind(binder);
      properties.components().forEach((name, component) -> {
        Object value = ConfiguredDefaults.read(component, bound);
        effective.put(name, value == null && component.getType() == String.class ? "" : value);
      });
    }
    ConfiguredDefaults.valueDefaults().forEach((name, fallback) ->
        effective.put(name, binder.bind(name, String.class).orElse(fallback)));
    return effective;
  }
}
