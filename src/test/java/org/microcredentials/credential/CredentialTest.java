package org.microcredentials.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What a credential counts for: valid for promotion, lapsing for promotion soon (in Java and, with the same
 * answer on every case, as SQL on a bare in-memory H2 database), and covering a skill at a level.
 */
class CredentialTest {

  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-16T10:00:00Z");
  private static final Period REMINDER = Period.ofDays(30);

  private static Credential iLan(int level, OffsetDateTime validUntil, boolean revoked) {
    return new Credential("c-" + level, "SUB-" + level, "alice", "iLAN", level, 9, Optional.of(8),
        CredentialSource.SELF_SUBMISSION, "carol", List.of("dave"), 1, "evidence", NOW.minusYears(1), validUntil, revoked,
        revoked ? "revoked" : null);
  }

  static List<Arguments> lapsing() {
    return List.of(
        Arguments.of("lapses tomorrow", iLan(3, NOW.plusDays(1), false), true, true),
        Arguments.of("lapses on the reminder period's last moment", iLan(3, NOW.plus(REMINDER), false), true, true),
        Arguments.of("lapses just after the reminder period", iLan(3, NOW.plus(REMINDER).plusSeconds(1), false), true,
            false),
        Arguments.of("lapses in a year", iLan(3, NOW.plusYears(1), false), true, false),
        Arguments.of("lapses at this very moment", iLan(3, NOW, false), false, false),
        Arguments.of("lapsed yesterday", iLan(3, NOW.minusDays(1), false), false, false),
        Arguments.of("revoked, would lapse tomorrow", iLan(3, NOW.plusDays(1), true), false, false),
        Arguments.of("revoked, would lapse in a year", iLan(3, NOW.plusYears(1), true), false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lapsing")
  void javaAndSqlAgreeOnWhatLapsesForPromotionSoon(String name, Credential credential, boolean valid,
      boolean lapsingSoon) {
    assertThat(credential.validForPromotionAt(NOW)).as("valid for promotion").isEqualTo(valid);
    assertThat(credential.lapsesForPromotionWithin(REMINDER, NOW)).as("lapsing in Java").isEqualTo(lapsingSoon);
    assertThat(lapsingInSql(credential)).as("lapsing in SQL").isEqualTo(lapsingSoon);
  }

  @Test
  void theSqlNamesTheTableItIsGiven() {
    assertThat(Credential.lapsingForPromotionSql("c")).isEqualTo("c.revoked = false and c.valid_for_promotion_until > :now"
        + " and c.valid_for_promotion_until <= :lapsingBy");
    assertThat(Credential.lapsingForPromotionParameters(REMINDER, NOW))
        .containsEntry("now", NOW).containsEntry("lapsingBy", NOW.plusDays(30)).hasSize(2);
  }

  @Test
  void aValidCredentialCoversItsSkillAtItsLevelAndBelow() {
    Credential credential = iLan(3, NOW.plusDays(1), false);
    assertThat(credential.covers("iLAN", 3, NOW)).isTrue();
    assertThat(credential.covers("iLAN", 1, NOW)).isTrue();
    assertThat(credential.covers("iLAN", 4, NOW)).as("a level above").isFalse();
    assertThat(credential.covers("iPERF", 3, NOW)).as("another skill").isFalse();
  }

  @Test
  void aCredentialNotValidForPromotionCoversNothing() {
    assertThat(iLan(3, NOW.plusDays(1), true).covers("iLAN", 3, NOW)).as("revoked").isFalse();
    assertThat(iLan(3, NOW, false).covers("iLAN", 3, NOW)).as("lapsing at this very moment").isFalse();
    assertThat(iLan(3, NOW.minusDays(1), false).covers("iLAN", 3, NOW)).as("lapsed").isFalse();
  }

  private static boolean lapsingInSql(Credential credential) {
    // One connection: a private in-memory database, gone when it closes.
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:mem:", true);
    JdbcClient jdbc = JdbcClient.create(dataSource);
    try {
      jdbc.sql("""
          create table credential (id varchar(64) primary key, revoked boolean not null,
            valid_for_promotion_until timestamp with time zone not null)""").update();
      jdbc.sql("insert into credential values (?, ?, ?)")
          .params(credential.id(), credential.revoked(), credential.validForPromotionUntil()).update();
      return jdbc.sql("select count(*) from credential c where " + Credential.lapsingForPromotionSql("c"))
          .params(Credential.lapsingForPromotionParameters(REMINDER, NOW)).query(Long.class).single() == 1;
    } finally {
      dataSource.destroy();
    }
  }
}
