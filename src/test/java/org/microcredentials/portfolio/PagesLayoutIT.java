package org.microcredentials.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialRevocations;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reports, portfolio and verification pages come from one layout (templates/layout.html: its
 * header, stylesheet and footer), and what users typed reaches them as text, never as markup: an
 * impact statement and a revocation reason with script and an event handler in them.
 */
@ApplicationTest
class PagesLayoutIT {

  private static final String SCRIPT = "<script>alert('owned')</script><img src=x onerror=alert(1)>";
  private static final String SCRIPT_AS_TEXT =
      "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister register;
  @Autowired CredentialRevocations revocations;

  @BeforeEach
  void setUp() {
    new SelfSubmissions(engine, jdbc).clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @Test
  void reportsPortfolioAndVerificationShareTheLayout() {
    String id = issue("Cut the p99 latency by 40%.");
    for (ResponseEntity<String> page : List.of(
        rest.withBasicAuth("erin", "erin").getForEntity("/reports", String.class),
        rest.withBasicAuth("alice", "alice").getForEntity("/api/engineers/alice/portfolio", String.class),
        rest.getForEntity("/credentials/" + id, String.class))) {
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html;charset=UTF-8");
      assertThat(page.getBody()).startsWith("<!DOCTYPE html>")
          .contains("<link rel=\"stylesheet\" href=\"/css/app.css\">", "<header class=\"site-header\">",
              "Skills micro-credentials</", "<footer class=\"site-footer\">")
          .doesNotContain("th:", "<style");
    }
    assertThat(rest.withBasicAuth("alice", "alice").getForEntity("/api/engineers/alice/portfolio", String.class).getBody())
        .as("the signed-in pages link to the tools").contains("href=\"/camunda/app/tasklist/\"", "href=\"/reports\"");
    assertThat(rest.getForEntity("/credentials/" + id, String.class).getBody())
        .as("the public page does not").doesNotContain("/camunda/app/", "/reports");
  }

  @Test
  void anUnknownCredentialIsA404PageInTheLayout() {
    ResponseEntity<String> page = rest.getForEntity("/credentials/no-such-credential", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(page.getBody()).contains("<title>Unknown credential</title>", "<header class=\"site-header\">",
        "Check the link you were given.");
  }

  @Test
  void userTextIsEscapedOnThePortfolioAndTheVerificationPage() {
    String id = issue(SCRIPT + " Cut the p99 latency by 40%.");
    revocations.revoke(id, "Copied " + SCRIPT, "demo");

    String portfolio = rest.withBasicAuth("alice", "alice").getForEntity("/api/engineers/alice/portfolio", String.class)
        .getBody();
    // Her own portfolio has one script, ours, a file (her connected wallets); none comes from the text.
    String ours = "<script src=\"/js/wallets.js\"></script>";
    assertThat(portfolio).containsOnlyOnce("<script").contains(ours);
    assertThat(portfolio.replace(ours, "")).contains(SCRIPT_AS_TEXT + " Cut the p99 latency by 40%.",
            "Revoked: Copied " + SCRIPT_AS_TEXT)
        .doesNotContain("<script", "<img", "onerror=alert(1)>");

    String verification = rest.getForEntity("/credentials/" + id, String.class).getBody();
    assertThat(verification).contains("<title>Revoked: Language Knowledge iLAN:3</title>",
            "<td>Revoked: Copied " + SCRIPT_AS_TEXT + "</td>")
        .doesNotContain("<script", "<img", "onerror=alert(1)>");
  }

  private String issue(String evidence) {
    return register.issue(new CredentialRegister.Issue("APP-2026-" + System.nanoTime() % 1_000_000, "alice", "iLAN", 3, 9,
        CredentialSource.SELF_SUBMISSION, "carol", List.of("dave"), 1, evidence, 8)).id();
  }
}
