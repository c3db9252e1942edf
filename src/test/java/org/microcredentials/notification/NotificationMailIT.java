package org.microcredentials.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;
import static org.microcredentials.review.ReviewRoundProcess.Tasks.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.SelfSubmissions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

/**
 * Who is written, and what, through a real SMTP server (GreenMail) inside the test; a mail
 * outage, as Cockpit shows it (incident, retry) through the REST calls Cockpit makes.
 */
@ApplicationTest
class NotificationMailIT {

  private static final int SMTP_PORT = freePort();
  private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @BeforeAll
  static void startMailServer() {
    SMTP.start();
  }

  @AfterAll
  static void stopMailServer() {
    SMTP.stop();
  }

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  SelfSubmissions app;

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @BeforeEach
  void setUp() throws Exception {
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    if (!SMTP.isRunning()) {
      SMTP.start();
    }
    SMTP.purgeEmailFromAllMailboxes();
  }

  @Test
  void theAssessorTheReviewersAndTheCandidateAreWritten() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    assertThat(mailTo("carol@example.org")).singleElement().satisfies(mail -> {
      assertThat(mail.getSubject()).isEqualTo("Please assess iLAN:3 for Alice Example (" + instance.getBusinessKey() + ")");
      assertThat(GreenMailUtil.getBody(mail)).contains("Hello Carol", "Language Knowledge");
    });

    app.score(instance, "carol", 9);
    assertThat(recipients("A peer review is waiting")).as("assessors but the candidate and the assessor")
        .containsExactlyInAnyOrder("dave@example.org", "erin@example.org", "frank@example.org", "ivan@example.org",
            "grace@example.org");

    app.agree(instance, "dave");
    assertThat(mailTo("alice@example.org")).singleElement().satisfies(mail -> {
      assertThat(mail.getSubject()).isEqualTo("Congratulations: you hold iLAN:3 Language Knowledge");
      assertThat(GreenMailUtil.getBody(mail)).contains("score of 9 out of 10", "Clear impact, measured results.",
          "Carol Example");
    });
  }

  @Test
  void aFailedOutcomeGoesToTheCandidateInTheAssessorsName() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 5);
    app.agree(instance, "dave");

    assertThat(mailTo("alice@example.org")).singleElement().satisfies(mail -> {
      assertThat(mail.getSubject()).isEqualTo("Your application for iLAN:3: 5 out of 10");
      assertThat(GreenMailUtil.getBody(mail)).contains("Why: Clear impact, measured results.",
          "Areas to improve and goals: Show the effect on the team", "resubmit", "Carol Example");
    });
  }

  @Test
  void eachMailIsPlainTextAndHtmlSayingTheSame() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    app.score(instance, "carol", 5);
    app.agree(instance, "dave");

    MimeMessage assessment = mailTo("carol@example.org").get(0);
    assertThat(assessment.getSubject()).endsWith("(" + instance.getBusinessKey() + ")");
    assertThat(sameInTextAndHtml(assessment)).contains("Hello Carol,", "Alice Example", "iLAN:3", "Language Knowledge");
    assertThat(sameInTextAndHtml(mailTo("alice@example.org").get(0))).contains("5 out of 10; 8 passes",
        "Why: Clear impact, measured results.", "Areas to improve and goals: Show the effect on the team", "Carol Example");
  }

  /**
   * The mail is multipart/alternative, plain text then HTML (UTF-8), and every line of the text is
   * in the HTML, escaped; the HTML's title is the subject. Answers the text.
   */
  private static String sameInTextAndHtml(MimeMessage mail) throws Exception {
    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(html).contains("<title>" + HtmlUtils.htmlEscape(mail.getSubject()) + "</title>");
    for (String line : text.split("\r?\n")) {
      assertThat(html).as("the HTML part says: %s", line).contains(HtmlUtils.htmlEscape(line.strip()));
    }
    return text;
  }

  @Test
  void overdueWorkRemindsItsOwnerAndTellsTheSemTeam() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    app.assignAssessor(instance, "erin", "carol");
    SMTP.purgeEmailFromAllMailboxes();

    app.fireTimer(instance, "BoundaryEvent_AssessmentOverdue");

    assertThat(recipients("Overdue: work on " + instance.getBusinessKey()))
        .containsExactlyInAnyOrder("carol@example.org", "erin@example.org", "ivan@example.org");
    assertThat(app.task(instance, ASSESS_EVIDENCE)).as("the overdue task stays").isNotNull();
  }

  @Test
  void aMailOutageBecomesAnIncidentAndTheRetryDeliversExactlyOnce() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    Task assignment = app.task(instance, ASSIGN_ASSESSOR);
    app.claim("erin", assignment);
    SMTP.stop();

    // The person's completion succeeds; the notification waits in its own job.
    app.as("erin", () -> {
      engine.getTaskService().complete(assignment.getId(), Map.of(ASSESSOR_ID.name(), "carol"));
      return null;
    });
    ManagementService management = engine.getManagementService();
    Job notification = app.job(instance, "ServiceTask_NotifyAssessor");
    String round = app.current(instance);
    for (int attempt = 3; attempt > 0; attempt--) {
      assertThatThrownBy(() -> management.executeJob(notification.getId())).hasMessageContaining("Mail server connection failed");
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(round).count())
        .as("an incident in Cockpit").isEqualTo(1);

    SMTP.start();
    management.setJobRetries(notification.getId(), 1);   // what "Retry" in Cockpit does
    management.executeJob(notification.getId());

    assertThat(mailTo("carol@example.org")).hasSize(1);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(round).count()).isZero();
    assertThat(app.task(instance, ASSESS_EVIDENCE).getAssignee()).isEqualTo("carol");
  }

  @Test
  void cockpitShowsTheSlaTimersAndTheIncidentAndItsRetryDelivers() throws Exception {
    ProcessInstance instance = app.submit("alice", "iLAN", 3);
    Task assignment = app.task(instance, ASSIGN_ASSESSOR);
    app.claim("erin", assignment);
    SMTP.stop();
    app.as("erin", () -> {
      engine.getTaskService().complete(assignment.getId(), Map.of(ASSESSOR_ID.name(), "carol"));
      return null;
    });
    TestRestTemplate cockpit = rest.withBasicAuth("demo", "demo");
    // Cockpit shows the application's review round, called from the self-submission, with its jobs and incidents.
    String round = app.current(instance);
    String jobs = "/engine-rest/job?processInstanceId=" + round;

    // The calls Cockpit makes: the instance's jobs, its incidents, and "Retry" (set retries).
    List<Map<String, Object>> notification = cockpit.exchange(jobs + "&activityId=ServiceTask_NotifyAssessor",
        HttpMethod.GET, null, LIST).getBody();
    String jobId = (String) notification.get(0).get("id");
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThat(cockpit.postForEntity("/engine-rest/job/" + jobId + "/execute", null, String.class).getStatusCode().isError())
          .isTrue();
    }
    List<Map<String, Object>> incidents = cockpit.exchange("/engine-rest/incident?processInstanceId=" + round,
        HttpMethod.GET, null, LIST).getBody();
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.get("incidentType")).isEqualTo("failedJob");
      assertThat(incident.get("activityId")).isEqualTo("ServiceTask_NotifyAssessor");
      assertThat((String) incident.get("incidentMessage")).contains("Mail server connection failed");
    });

    SMTP.start();
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    assertThat(cockpit.exchange("/engine-rest/job/" + jobId + "/retries", HttpMethod.PUT,
        new HttpEntity<>(Map.of("retries", 1), json), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    engine.getManagementService().executeJob(jobId);   // what the job executor does next
    assertThat(mailTo("carol@example.org")).hasSize(1);
    assertThat(cockpit.exchange("/engine-rest/incident?processInstanceId=" + round, HttpMethod.GET, null, LIST)
        .getBody()).isEmpty();

    List<Map<String, Object>> timers = cockpit.exchange(jobs + "&timers=true", HttpMethod.GET, null, LIST).getBody();
    assertThat(timers).extracting(timer -> (String) timer.get("dueDate")).hasSize(2).allSatisfy(due -> assertThat(due).isNotBlank());
  }

  private static List<MimeMessage> mailTo(String address) throws MessagingException {
    SMTP.waitForIncomingEmail(2000, 1);
    return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
      try {
        return Arrays.stream(mail.getRecipients(RecipientType.TO)).anyMatch(to -> to.toString().equals(address));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static List<String> recipients(String subjectStart) throws MessagingException {
    SMTP.waitForIncomingEmail(2000, 1);
    return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
      try {
        return mail.getSubject().startsWith(subjectStart);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).map(mail -> {
      try {
        return mail.getRecipients(RecipientType.TO)[0].toString();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
