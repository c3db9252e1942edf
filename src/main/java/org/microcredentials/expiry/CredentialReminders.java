package org.microcredentials.expiry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialProperties;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which credentials lapse for promotion soon, and the once-only record of each reminder. Also
 * read by the model's input parameters ({@code ${credentialReminders.nameOf(credentialId)}}).
 */
@Component("credentialReminders")
public class CredentialReminders {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final JdbcClient jdbc;
  private final CredentialRegister credentials;
  private final SkillFrameworkRepository frameworks;
  private final CredentialProperties properties;
  private final Clock clock;

  CredentialReminders(JdbcClient jdbc, CredentialRegister credentials, SkillFrameworkRepository frameworks,
      CredentialProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.credentials = credentials;
    this.frameworks = frameworks;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Picks every credential that lapses within the reminder period, is not revoked, has not lapsed
   * yet and has not been reminded of, and records the reminder in the caller's transaction: a
   * credential is picked once, whatever reruns happen.
   */
  public List<String> pickLapsing(String processInstanceId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<String> lapsing = jdbc.sql("""
            select c.id from credential c
            where %s
              and not exists (select 1 from credential_lapse_reminder r where r.credential_id = c.id)
            order by c.valid_for_promotion_until, c.id""".formatted(Credential.lapsingForPromotionSql("c")))
        .params(Credential.lapsingForPromotionParameters(properties.remindBeforeLapse(), now))
        .query(String.class).list();
    for (String credentialId : lapsing) {
      jdbc.sql("insert into credential_lapse_reminder (credential_id, process_instance_id, reminded_at) values (?, ?, ?)")
          .params(credentialId, processInstanceId, now).update();
    }
    return lapsing;
  }

  public boolean reminded(String credentialId) {
    return jdbc.sql("select count(*) from credential_lapse_reminder where credential_id = ?").param(credentialId)
        .query(Long.class).single() > 0;
  }

  public String holderOf(String credentialId) {
    return credential(credentialId).holderId();
  }

  public String nameOf(String credentialId) {
    Credential credential = credential(credentialId);
    String skillName = frameworks.version(credential.frameworkVersion()).flatMap(f -> f.skill(credential.skillCode()))
        .map(skill -> skill.name() + " ").orElse("");
    return skillName + credential.skillCode() + ":" + credential.skillLevel();
  }

  public String lapseDateOf(String credentialId) {
    return DAY.format(credential(credentialId).validForPromotionUntil());
  }

  public String verificationUrlOf(String credentialId) {
    return properties.credentialUrl(credentialId);
  }

  private Credential credential(String credentialId) {
    return credentials.find(credentialId)
        .orElseThrow(() -> new IllegalStateException("No credential " + credentialId + " to remind of"));
  }
}
