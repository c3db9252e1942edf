package org.microcredentials.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.microcredentials.credential.CredentialVariables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.endorsement.EndorsementRequestProcess;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.process.TransientFailures;
import org.microcredentials.promotion.PromotionApplicationProcess;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.ResubmissionProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.CleanSlate;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.Promotions;
import org.microcredentials.testing.RestCalls;
import org.microcredentials.testing.SelfSubmissions;
import org.microcredentials.testing.TestConfiguration;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every user task of every model raced the ways people and the engine meet in production, through the real
 * HTTP API ({@code /engine-rest/task/{id}/submit-form}): each pair's instance is set up through the engine's Java
 * API as its people would bring it there, then a barrier releases the racing calls together.
 *
 * <ul>
 *   <li><b>parallel</b>: two people (or one person in two places) completing their own parallel tasks at once;
 *       both succeed, 204 on the first try, and what follows them (the join) happens once;
 *   <li><b>beside async work</b>: a person completing while the instance's own asynchronous work runs at the same
 *       instant (the notification job on the parallel branch, a non-interrupting SLA timer of the task, an
 *       escalation job left by an earlier timer, another skill's review round ending): the person gets 204;
 *       a job that loses is run again at once, as the job executor does;
 *   <li><b>same form at once</b>: one completion sent two or three times in the same instant (a double click, a
 *       client's retry): exactly one 204, the others 404 {@code task-not-found} or 409 naming the rule, never a 5xx,
 *       nothing of the SQL or the classes in the answer, nothing done twice.
 * </ul>
 *
 * <p>After each pair: the step after the task was entered once, the rows the product keeps one of are one
 * (peer reviews, credentials by source key, endorsements), no incident and no failed job. The requests' start
 * and end are recorded: each kind must show the racers inside the server together at least once. A summary line
 * per task and kind goes to stdout ({@code RACE ...}), with the people's commands the engine ran again
 * ({@code PeoplesCommandsRetried}'s log) and the jobs run again.
 *
 * <p>One Spring context for the class; {@link PeopleRacePostgresIT} runs the same on PostgreSQL.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleRaceIT {

  /** Pairs of each task and kind. */
  static final int PAIRS = Integer.getInteger("race.pairs", 20);

  private static final Pattern LEAKED = Pattern.compile(
      "(?i)exception|\\b(insert into|delete from|select .* from|update act_)|\\b(org|java|jakarta)\\.[a-z]+\\.|\\bact_[a-z]{2}_");
  /**
   * A task whose completion records a fact once by a rule of its own, which a repeat meets when the first went
   * through between the repeat's reading of the task and its check: the rule names the repeat exactly.
   */
  private static final Map<String, List<String>> OWN_REPEAT_RULES = Map.of(
      PromotionApplicationProcess.Tasks.DECIDE_PROMOTION, List.of("promotion-decided-once"));
  private static final String RETRYING_LOGGER = "org.microcredentials.process.PeoplesCommandsRetried";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;
  @Autowired SkillFrameworkRepository frameworks;

  RestCalls calls;
  SelfSubmissions app;
  Promotions promotions;
  final ExecutorService racers = Executors.newFixedThreadPool(3);
  final ListAppender<ILoggingEvent> retriesLogged = new ListAppender<>();
  Level retryLoggerLevel;
  long started;
  /** bob's credentials seeded for the running test's promotions: source key → skill. */
  final Map<String, String> bobsCredentials = new HashMap<>();
  /** What the pairs of the running test broke, each as its check said it. */
  final List<String> failures = new ArrayList<>();

  @BeforeAll
  void watchRetries() {
    Logger logger = (Logger) LoggerFactory.getLogger(RETRYING_LOGGER);
    retryLoggerLevel = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    retriesLogged.start();
    logger.addAppender(retriesLogged);
    started = System.nanoTime();
  }

  @AfterAll
  void stopWatching() {
    Logger logger = (Logger) LoggerFactory.getLogger(RETRYING_LOGGER);
    logger.detachAppender(retriesLogged);
    logger.setLevel(retryLoggerLevel);
    racers.shutdownNow();
    System.out.printf("RACE %s: every task raced in %.1f s%n", getClass().getSimpleName(),
        (System.nanoTime() - started) / 1e9);
  }

  @AfterEach
  void everyPairKeptThePromise() {
    assertThat(failures).as("pairs that broke the promise").isEmpty();
  }

  @BeforeEach
  void setUp() {
    failures.clear();
    CleanSlate.clear(engine, jdbc);
    bobsCredentials.clear();
    calls = new RestCalls(rest);
    app = new SelfSubmissions(engine, jdbc);
    promotions = new Promotions(engine, jdbc, credentials);
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  // ------------------------------------------------------------------------------------------------ review round

  @Test
  void assignAssessor() throws Exception {
    Supplier<Staged> stage = () -> {
      ProcessInstance application = app.submit("alice", "iLAN", 2);
      Task task = app.task(application, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR);
      app.claim("erin", task);
      return new Staged(application.getBusinessKey(), task.getId(), "erin", Map.of(ASSESSOR_ID.name(), "carol"),
          List.of("ServiceTask_NotifyAssessor", ReviewRoundProcess.Tasks.ASSESS_EVIDENCE),
          jobAt(application.getBusinessKey(), "BoundaryEvent_AssignmentOverdue"), "its SLA timer", this::nothingMore);
    };
    besideAsyncWork(ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, stage);
    sameFormAtOnce(ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, stage);
  }

  @Test
  void assessEvidence() throws Exception {
    Supplier<Staged> stage = () -> {
      ProcessInstance application = assessedBy("carol");
      Task task = app.task(application, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE);
      return new Staged(application.getBusinessKey(), task.getId(), "carol",
          Map.of(MORE_EVIDENCE_REQUESTED.name(), false, SCORE.name(), 9, JUSTIFICATION.name(), "Measured, repeatable impact."),
          List.of("ServiceTask_NotifyReviewers", ReviewRoundProcess.Tasks.PEER_REVIEW),
          jobAt(application.getBusinessKey(), "BoundaryEvent_AssessmentOverdue"), "its SLA timer", this::nothingMore);
    };
    besideAsyncWork(ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, stage);
    sameFormAtOnce(ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, stage);
  }

  @Test
  void reassessEvidence() throws Exception {
    Supplier<Staged> stage = () -> {
      ProcessInstance application = amending();
      completeAs("alice", app.task(application, ResubmissionProcess.Tasks.AMEND_APPLICATION).getId(), amendment());
      app.runJobs(application);
      Task task = app.task(application, ReviewRoundProcess.Tasks.REASSESS_EVIDENCE);
      return new Staged(application.getBusinessKey(), task.getId(), "carol",
          Map.of(MORE_EVIDENCE_REQUESTED.name(), false, SCORE.name(), 9, JUSTIFICATION.name(), "Now measured across the team."),
          List.of("ServiceTask_NotifyReviewers", ReviewRoundProcess.Tasks.PEER_REVIEW),
          jobAt(application.getBusinessKey(), "BoundaryEvent_ReassessmentOverdue"), "its SLA timer", this::nothingMore);
    };
    besideAsyncWork(ReviewRoundProcess.Tasks.REASSESS_EVIDENCE, stage);
    sameFormAtOnce(ReviewRoundProcess.Tasks.REASSESS_EVIDENCE, stage);
  }

  @Test
  void reassignAssessor() throws Exception {
    Supplier<Staged> stage = () -> {
      ProcessInstance application = assessedBy("carol");
      String key = application.getBusinessKey();
      // The assessment is overdue: its escalation mail is due (left for the race), then a week later the
      // reassignment task.
      engine.getManagementService().executeJob(jobAt(key, "BoundaryEvent_AssessmentOverdue"));
      engine.getManagementService().executeJob(jobAt(key, "BoundaryEvent_AssessmentReassignmentDue"));
      Task task = app.task(application, ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR);
      app.claim("erin", task);
      return new Staged(key, task.getId(), "erin", Map.of(NEW_ASSIGNEE_ID.name(), "dave"),
          List.of("EndEvent_AssessmentReassigned"), jobAt(key, "ServiceTask_EscalateAssessment"),
          "the assessment's escalation job",
          businessKey -> assertThat(app.task(application, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE).getAssignee())
              .isEqualTo("dave"));
    };
    besideAsyncWork(ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR, stage);
    sameFormAtOnce(ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR, stage);
  }

  @Test
  void provideMoreEvidence() throws Exception {
    Supplier<Staged> stage = () -> {
      ProcessInstance application = assessedBy("carol");
      String key = application.getBusinessKey();
      // The assessment went overdue (its escalation mail due, left for the race) before carol asked for more.
      engine.getManagementService().executeJob(jobAt(key, "BoundaryEvent_AssessmentOverdue"));
      completeAs("carol", app.task(application, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE).getId(),
          Map.of(MORE_EVIDENCE_REQUESTED.name(), true, EVIDENCE_REQUEST.name(), "Show the measurements."));
      Task task = app.task(application, ReviewRoundProcess.Tasks.PROVIDE_MORE_EVIDENCE);
      return new Staged(key, task.getId(), "alice", moreEvidence(),
          List.of(ReviewRoundProcess.Tasks.ASSESS_EVIDENCE), jobAt(key, "ServiceTask_EscalateAssessment"),
          "the assessment's escalation job", this::nothingMore);
    };
    besideAsyncWork(ReviewRoundProcess.Tasks.PROVIDE_MORE_EVIDENCE, stage);
    sameFormAtOnce(ReviewRoundProcess.Tasks.PROVIDE_MORE_EVIDENCE, stage);
  }

  @Test
  void peerReview() throws Exception {
    Map<String, Object> agree = Map.of(REVIEW_AGREES.name(), true, REVIEW_COMMENT.name(), "Agreed.");
    // Level 4: two reviewers in parallel.
    Supplier<ProcessInstance> scored = () -> {
      ProcessInstance application = app.submit("alice", "iLAN", 4);
      app.assignAssessor(application, "erin", "carol");
      app.score(application, "carol", 9);
      return application;
    };
    Consumer<String> reviewedOnce = key -> {
      assertThat(rows("select count(*) from peer_review where business_key = ?", key)).isEqualTo(2);
      assertThat(rows("select count(*) from credential where source_key = ?", key)).isEqualTo(1);
    };
    parallel(ReviewRoundProcess.Tasks.PEER_REVIEW, "two reviewers, the last two reviews", () -> {
      ProcessInstance application = scored.get();
      List<Task> reviews = app.tasks(application, ReviewRoundProcess.Tasks.PEER_REVIEW);
      app.claim("dave", reviews.get(0));
      app.claim("frank", reviews.get(1));
      return new Parallel(application.getBusinessKey(), List.of(
          new Staged(application.getBusinessKey(), reviews.get(0).getId(), "dave", agree, List.of(), null, null, null),
          new Staged(application.getBusinessKey(), reviews.get(1).getId(), "frank", agree, List.of(), null, null, null)),
          List.of("ServiceTask_EvaluatePeerReviews", "ServiceTask_IssueCredential"), reviewedOnce);
    });
    // The first review's completion leaves no job of its own (seen: the reviews' asyncAfter continues only after
    // the last); what runs beside the last review is its SLA timer.
    besideAsyncWork(ReviewRoundProcess.Tasks.PEER_REVIEW, () -> {
      ProcessInstance application = scored.get();
      List<Task> reviews = app.tasks(application, ReviewRoundProcess.Tasks.PEER_REVIEW);
      app.claim("dave", reviews.get(0));
      app.claim("frank", reviews.get(1));
      completeAs("dave", reviews.get(0).getId(), agree);
      return new Staged(application.getBusinessKey(), reviews.get(1).getId(), "frank", agree,
          List.of("ServiceTask_EvaluatePeerReviews", "ServiceTask_IssueCredential"),
          jobAt(application.getBusinessKey(), "BoundaryEvent_ReviewOverdue"), "the last review's SLA timer", reviewedOnce);
    });
    // Level 2: one reviewer; the review sent two or three times at once is recorded once.
    sameFormAtOnce(ReviewRoundProcess.Tasks.PEER_REVIEW, () -> {
      ProcessInstance application = assessedBy("carol");
      app.score(application, "carol", 9);
      Task review = app.task(application, ReviewRoundProcess.Tasks.PEER_REVIEW);
      app.claim("dave", review);
      return new Staged(application.getBusinessKey(), review.getId(), "dave", agree,
          List.of("ServiceTask_EvaluatePeerReviews", "ServiceTask_IssueCredential"), null, null, key -> {
            assertThat(rows("select count(*) from peer_review where business_key = ?", key)).isEqualTo(1);
            assertThat(rows("select count(*) from credential where source_key = ?", key)).isEqualTo(1);
          });
    });
  }

  @Test
  void reassignReviewer() throws Exception {
    Supplier<Staged> stage = () -> {
      ProcessInstance application = assessedBy("carol");
      app.score(application, "carol", 9);
      String key = application.getBusinessKey();
      engine.getManagementService().executeJob(jobAt(key, "BoundaryEvent_ReviewOverdue"));
      engine.getManagementService().executeJob(jobAt(key, "BoundaryEvent_ReviewReassignmentDue"));
      Task task = app.task(application, ReviewRoundProcess.Tasks.REASSIGN_REVIEWER);
      app.claim("erin", task);
      return new Staged(key, task.getId(), "erin", Map.of(NEW_ASSIGNEE_ID.name(), "frank"),
          List.of("EndEvent_ReviewReassigned"), jobAt(key, "ServiceTask_EscalateReview"), "the review's escalation job",
          businessKey -> assertThat(app.task(application, ReviewRoundProcess.Tasks.PEER_REVIEW).getAssignee())
              .isEqualTo("frank"));
    };
    besideAsyncWork(ReviewRoundProcess.Tasks.REASSIGN_REVIEWER, stage);
    sameFormAtOnce(ReviewRoundProcess.Tasks.REASSIGN_REVIEWER, stage);
  }

  @Test
  void moderateScore() throws Exception {
    Supplier<Staged> stage = () -> {
      ProcessInstance application = assessedBy("carol");
      app.score(application, "carol", 9);
      app.propose(application, "dave", 6);
      Task task = app.task(application, ReviewRoundProcess.Tasks.MODERATE_SCORE);
      String key = application.getBusinessKey();
      return new Staged(key, task.getId(), "carol",
          Map.of(FINAL_SCORE.name(), 8, MODERATION_JUSTIFICATION.name(), "The results are hers; 8 stands."),
          List.of("ServiceTask_IssueCredential"), jobAt(key, "BoundaryEvent_ModerationOverdue"), "its SLA timer",
          businessKey -> assertThat(rows("select count(*) from credential where source_key = ?", businessKey)).isEqualTo(1));
    };
    besideAsyncWork(ReviewRoundProcess.Tasks.MODERATE_SCORE, stage);
    sameFormAtOnce(ReviewRoundProcess.Tasks.MODERATE_SCORE, stage);
  }

  // ------------------------------------------------------------------------------------------------ resubmission

  /**
   * No asynchronous work runs beside the amendment: the round's last job (the failure's notification) ends before
   * it is created, and its only timer (the candidate idle too long) interrupts it: a real conflict, not raced here.
   */
  @Test
  void amendApplication() throws Exception {
    sameFormAtOnce(ResubmissionProcess.Tasks.AMEND_APPLICATION, () -> {
      ProcessInstance application = amending();
      Task task = app.task(application, ResubmissionProcess.Tasks.AMEND_APPLICATION);
      return new Staged(application.getBusinessKey(), task.getId(), "alice", amendment(),
          List.of("ServiceTask_NotifyAssessorOfResubmission", ReviewRoundProcess.Tasks.REASSESS_EVIDENCE), null, null,
          this::nothingMore);
    });
  }

  // ------------------------------------------------------------------------------------------------ endorsement

  @Test
  void reviewEndorsement() throws Exception {
    Supplier<Staged> stage = () -> {
      ProcessInstance endorsement = endorsement();
      String key = endorsement.getBusinessKey();
      Task task = taskOf(key, EndorsementProcess.Tasks.REVIEW_ENDORSEMENT);
      app.claim("erin", task);
      boolean timer = pairNumber % 2 == 1;
      return new Staged(key, task.getId(), "erin",
          Map.of(EndorsementProcess.Variables.REVIEW_DECISION.name(), EndorsementProcess.Decisions.APPROVE,
              ReviewRoundProcess.Variables.REVIEW_COMMENT.name(), "Approved."),
          List.of(EndorsementProcess.Elements.ISSUE_CREDENTIAL),
          jobAt(key, timer ? "BoundaryEvent_ReviewOverdue" : EndorsementProcess.Elements.INFORM_LINE_MANAGER),
          timer ? "its SLA timer" : "the line manager's notification job",
          businessKey -> assertThat(rows("select count(*) from credential where source_key = ?", businessKey)).isEqualTo(1));
    };
    besideAsyncWork(EndorsementProcess.Tasks.REVIEW_ENDORSEMENT, 2 * PAIRS, stage);
    sameFormAtOnce(EndorsementProcess.Tasks.REVIEW_ENDORSEMENT, stage);
  }

  @Test
  void provideJustification() throws Exception {
    Supplier<Staged> stage = () -> {
      ProcessInstance endorsement = endorsement();
      String key = endorsement.getBusinessKey();
      Task review = taskOf(key, EndorsementProcess.Tasks.REVIEW_ENDORSEMENT);
      app.claim("erin", review);
      completeAs("erin", review.getId(), Map.of(EndorsementProcess.Variables.REVIEW_DECISION.name(),
          EndorsementProcess.Decisions.REQUEST_JUSTIFICATION, ReviewRoundProcess.Variables.REVIEW_COMMENT.name(), "Which incidents?"));
      Task task = taskOf(key, EndorsementProcess.Tasks.PROVIDE_JUSTIFICATION);
      return new Staged(key, task.getId(), "frank",
          Map.of(EndorsementProcess.Variables.ADDITIONAL_JUSTIFICATION.name(), "The March outages, see the postmortems."),
          List.of(EndorsementProcess.Tasks.REVIEW_ENDORSEMENT),
          jobAt(key, EndorsementProcess.Elements.INFORM_LINE_MANAGER), "the line manager's notification job",
          this::nothingMore);
    };
    besideAsyncWork(EndorsementProcess.Tasks.PROVIDE_JUSTIFICATION, stage);
    sameFormAtOnce(EndorsementProcess.Tasks.PROVIDE_JUSTIFICATION, stage);
  }

  @Test
  void considerEndorsementRequest() throws Exception {
    Supplier<Staged> stage = () -> {
      ProcessInstance request = app.as("alice", () -> engine.getRuntimeService().startProcessInstanceByKey(
          EndorsementRequestProcess.KEY, Map.of(EndorsementRequestProcess.Variables.LEADER_ID.name(), "carol",
              CredentialVariables.SKILL_CODE.name(), "iLAN", CredentialVariables.SKILL_LEVEL.name(), 3,
              EndorsementRequestProcess.Variables.MESSAGE.name(),
              "You saw my profiling work on the checkout service.")));
      String key = request.getBusinessKey();
      Task task = taskOf(key, EndorsementRequestProcess.Tasks.CONSIDER_REQUEST);
      Map<String, Object> accept = new HashMap<>(endorsementFields());
      accept.put(EndorsementRequestProcess.Variables.ACCEPT_REQUEST.name(), true);
      return new Staged(key, task.getId(), "carol", accept,
          List.of(EndorsementRequestProcess.Elements.ENDORSEMENT, EndorsementProcess.Tasks.REVIEW_ENDORSEMENT),
          jobAt(key, EndorsementRequestProcess.Elements.NOTIFY_LEADER), "the leader's notification job",
          businessKey -> assertThat(rows("select count(*) from endorsement", null)).isEqualTo(1));
    };
    besideAsyncWork(EndorsementRequestProcess.Tasks.CONSIDER_REQUEST, stage);
    sameFormAtOnce(EndorsementRequestProcess.Tasks.CONSIDER_REQUEST, stage);
  }

  // ------------------------------------------------------------------------------------------------ promotion

  @Test
  void providePromotionEvidence() throws Exception {
    String task = PromotionApplicationProcess.Tasks.PROVIDE_PROMOTION_EVIDENCE;
    parallel(task, "one candidate, two skills", () -> {
      ProcessInstance promotion = bobAppliesWithTwoSkillsToAssess();
      List<Staged> both = new ArrayList<>();
      for (String skill : List.of("iARCH", "iMENT")) {
        both.add(new Staged(promotion.getBusinessKey(), promotions.task(promotion, task, skill).getId(), "bob",
            promotionEvidence(skill), List.of(), null, null, null));
      }
      return new Parallel(promotion.getBusinessKey(), both, List.of(), key -> {
        assertThat(entered(key, PromotionApplicationProcess.Elements.CALL_REVIEW_ROUND)).isEqualTo(2);
        assertThat(promotions.tasks(promotion, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR)).hasSize(2);
      });
    });
    besideAsyncWork(task, () -> {
      ProcessInstance promotion = bobAppliesWithTwoSkillsToAssess();
      String key = promotion.getBusinessKey();
      // iARCH's evidence is in and its round has ended; the promotion's continuation after that round is due.
      completeAs("bob", promotions.task(promotion, task, "iARCH").getId(), promotionEvidence("iARCH"));
      assessWithoutLeavingTheRound(promotion, "iARCH");
      return new Staged(key, promotions.task(promotion, task, "iMENT").getId(), "bob", promotionEvidence("iMENT"),
          List.of(ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR), jobAt(key, PromotionApplicationProcess.Elements.CALL_REVIEW_ROUND),
          "the other skill's round ending (asyncAfter)", businessKey -> {
            assertThat(entered(businessKey, PromotionApplicationProcess.Elements.CALL_REVIEW_ROUND)).isEqualTo(2);
            assertThat(rows("select count(*) from credential where holder_id = 'bob' and source = 'PROMOTION'", null))
                .isEqualTo(1);
          });
    });
    sameFormAtOnce(task, () -> {
      ProcessInstance promotion = bobAppliesWithTwoSkillsToAssess();
      return new Staged(promotion.getBusinessKey(), promotions.task(promotion, task, "iARCH").getId(), "bob",
          promotionEvidence("iARCH"), List.of(), null, null,
          key -> assertThat(entered(key, PromotionApplicationProcess.Elements.CALL_REVIEW_ROUND)).isEqualTo(1));
    });
  }

  /** The last review of each of two skills, by two reviewers at once: each round joins once, the skills once. */
  @Test
  void peerReviewsOfTwoSkillsOfOnePromotion() throws Exception {
    parallel(ReviewRoundProcess.Tasks.PEER_REVIEW + " (promotion)", "two skills' last reviews", () -> {
      ProcessInstance promotion = bobAppliesWithTwoSkillsToAssess();
      String key = promotion.getBusinessKey();
      List<Staged> lastReviews = new ArrayList<>();
      Map<String, String> lastReviewer = Map.of("iARCH", "grace", "iMENT", "ivan");
      for (String skill : List.of("iARCH", "iMENT")) {
        promotions.work("bob", promotions.task(promotion, PromotionApplicationProcess.Tasks.PROVIDE_PROMOTION_EVIDENCE, skill),
            promotionEvidence(skill));
        promotions.work("erin", promotions.task(promotion, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, skill),
            Map.of(ASSESSOR_ID.name(), skill.equals("iARCH") ? "carol" : "dave"));
        promotions.work(skill.equals("iARCH") ? "carol" : "dave",
            promotions.task(promotion, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, skill),
            Map.of(SCORE.name(), 9, JUSTIFICATION.name(), "Clear impact on " + skill + "."));
        List<Task> reviews = reviewsOf(promotion, skill);
        promotions.work("frank", reviews.get(0), Map.of(REVIEW_AGREES.name(), true, REVIEW_COMMENT.name(), "Agreed."));
        Task last = reviewsOf(promotion, skill).get(0);
        app.claim(lastReviewer.get(skill), last);
        lastReviews.add(new Staged(key, last.getId(), lastReviewer.get(skill),
            Map.of(REVIEW_AGREES.name(), true, REVIEW_COMMENT.name(), "Agreed."), List.of(), null, null, null));
      }
      return new Parallel(key, lastReviews, List.of(PromotionApplicationProcess.Elements.SUMMARISE_SKILLS,
          PromotionApplicationProcess.Tasks.INTERVIEW_CANDIDATE), businessKey -> {
            assertThat(entered(businessKey, "ServiceTask_EvaluatePeerReviews")).isEqualTo(2);
            assertThat(rows("select count(*) from peer_review where business_key in "
                + "(select application_key from promotion_skill where business_key = ?)", businessKey)).isEqualTo(4);
            assertThat(rows("select count(*) from credential where holder_id = 'bob' and source = 'PROMOTION'", null))
                .isEqualTo(2);
          });
    });
  }

  /** Nothing asynchronous runs beside the interview (it follows the skills' summary, and has no timer). */
  @Test
  void interviewCandidate() throws Exception {
    sameFormAtOnce(PromotionApplicationProcess.Tasks.INTERVIEW_CANDIDATE, () -> {
      ProcessInstance promotion = bobAppliesHoldingEverySkill();
      Task task = promotions.only(promotion, PromotionApplicationProcess.Tasks.INTERVIEW_CANDIDATE);
      app.claim("erin", task);
      return new Staged(promotion.getBusinessKey(), task.getId(), "erin",
          Map.of(PromotionApplicationProcess.Variables.INTERVIEW_PASSED.name(), true,
              PromotionApplicationProcess.Variables.INTERVIEW_NOTES.name(), "Clear on trade-offs."),
          List.of(PromotionApplicationProcess.Tasks.DECIDE_PROMOTION), null, null, this::nothingMore);
    });
  }

  /** Nothing asynchronous runs beside the decision (a window's timer comes before it, the notification after). */
  @Test
  void decidePromotion() throws Exception {
    sameFormAtOnce(PromotionApplicationProcess.Tasks.DECIDE_PROMOTION, () -> {
      ProcessInstance promotion = bobAppliesHoldingEverySkill();
      promotions.work("erin", promotions.only(promotion, PromotionApplicationProcess.Tasks.INTERVIEW_CANDIDATE),
          Map.of(PromotionApplicationProcess.Variables.INTERVIEW_PASSED.name(), true,
              PromotionApplicationProcess.Variables.INTERVIEW_NOTES.name(), "Clear on trade-offs."));
      Task task = promotions.only(promotion, PromotionApplicationProcess.Tasks.DECIDE_PROMOTION);
      app.claim("ivan", task);
      return new Staged(promotion.getBusinessKey(), task.getId(), "ivan",
          Map.of(PromotionApplicationProcess.Variables.PROMOTED.name(), false,
              PromotionApplicationProcess.Variables.DECISION_JUSTIFICATION.name(), "Not yet: one more window."),
          List.of(PromotionApplicationProcess.Elements.NOTIFY_OUTCOME), null, null,
          key -> assertThat(jdbc.sql("select seniority_level from engineer where user_id = 'bob'").query(Integer.class)
              .single()).isEqualTo(3));
    });
  }

  // ------------------------------------------------------------------------------------------------ the races

  /** A task made ready for a race: who completes it, with what, what must follow once, and the work beside it. */
  record Staged(String businessKey, String taskId, String person, Map<String, Object> form, List<String> nextSteps,
      String besideJobId, String besideWhat, Consumer<String> afterwards) {
  }

  /** Tasks of different people (or one person's two tasks) in parallel, raced together. */
  record Parallel(String businessKey, List<Staged> tasks, List<String> nextSteps, Consumer<String> afterwards) {
  }

  /** One racer's answer, and when its request was in flight. */
  record Racer(String who, int status, String rule, String body, long startNanos, long endNanos, int jobRuns) {

    boolean overlaps(Racer other) {
      return startNanos < other.endNanos && other.startNanos < endNanos;
    }

    String shown() {
      return status == 0 ? "job:" + rule + (jobRuns > 1 ? "x" + jobRuns : "") : status + (rule == null ? "" : " " + rule);
    }
  }

  /** What a kind of race saw over its pairs, for the summary line. */
  private final class Tally {
    final String task;
    final String kind;
    final Map<String, Integer> seen = new TreeMap<>();
    int pairs;
    int overlapped;
    int retries;
    int jobsRunAgain;
    int failedPairs;
    final long begun = System.nanoTime();

    Tally(String task, String kind) {
      this.task = task;
      this.kind = kind;
    }

    void add(List<Racer> racers, int retriesOfPair) {
      pairs++;
      retries += retriesOfPair;
      boolean overlap = false;
      for (int i = 0; i < racers.size(); i++) {
        seen.merge(racers.get(i).shown(), 1, Integer::sum);
        jobsRunAgain += Math.max(0, racers.get(i).jobRuns() - 1);
        for (int j = i + 1; j < racers.size(); j++) {
          overlap |= racers.get(i).overlaps(racers.get(j));
        }
      }
      if (overlap) {
        overlapped++;
      }
    }

    /** The pair's checks; a pair that fails them is counted and written down, and the pairs go on. */
    void check(String round, Runnable checks) {
      try {
        checks.run();
      } catch (AssertionError | RuntimeException failure) {
        failedPairs++;
        failures.add(String.valueOf(failure.getMessage()).strip());
      }
    }

    void report() {
      System.out.printf("RACE %-40s %-58s pairs=%d failed=%d seen=%s retries=%d jobs-run-again=%d overlapped=%d/%d %.1fs%n",
          task, kind, pairs, failedPairs, seen, retries, jobsRunAgain, overlapped, pairs, (System.nanoTime() - begun) / 1e9);
      if (overlapped == 0) {
        failures.add(task + ", " + kind + ": the racers were never inside the server together");
      }
    }
  }

  private int pairNumber;

  /** (a) Each person completes their own parallel task at the same instant: both 204 on the first try. */
  private void parallel(String taskKey, String who, Supplier<Parallel> stage) throws Exception {
    Tally tally = new Tally(taskKey, "parallel: " + who);
    for (pairNumber = 0; pairNumber < PAIRS; pairNumber++) {
      CleanSlate.clearKeepingCredentials(engine, jdbc, bobsCredentials.keySet());
      Parallel pair = stage.get();
      Map<String, Long> before = enteredEach(pair.businessKey(), pair.nextSteps());
      int logged = retriesLogged.list.size();
      List<Racer> answers = raceAll(pair.tasks().stream().map(this::submission).toList());
      tally.add(answers, retriesLogged.list.size() - logged);
      String round = "%s, %s, pair %d: %s".formatted(taskKey, who, pairNumber, answers);
      tally.check(round, () -> {
        for (Racer answer : answers) {
          assertThat(answer.status()).as(round).isEqualTo(204);
        }
        runJobs(pair.businessKey(), null);
        assertEnteredOnceMore(pair.businessKey(), before, round);
        pair.afterwards().accept(pair.businessKey());
        assertNoIncident(round);
      });
    }
    tally.report();
  }

  /** (b) The person completes while the instance's own job runs: the person's 204; the job, lost, runs again. */
  private void besideAsyncWork(String taskKey, Supplier<Staged> stage) throws Exception {
    besideAsyncWork(taskKey, PAIRS, stage);
  }

  /** As above, for as many pairs as given: a task with two kinds of work beside it races each PAIRS times. */
  private void besideAsyncWork(String taskKey, int pairs, Supplier<Staged> stage) throws Exception {
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (pairNumber = 0; pairNumber < pairs; pairNumber++) {
      CleanSlate.clearKeepingCredentials(engine, jdbc, bobsCredentials.keySet());
      Staged pair = stage.get();
      Tally tally = tallies.computeIfAbsent(pair.besideWhat(),
          what -> new Tally(taskKey, "beside async work: " + what));
      Map<String, Long> before = enteredEach(pair.businessKey(), pair.nextSteps());
      int logged = retriesLogged.list.size();
      List<Racer> answers = raceAll(List.of(submission(pair), job(pair.besideJobId())));
      tally.add(answers, retriesLogged.list.size() - logged);
      String round = "%s beside %s, pair %d: %s".formatted(taskKey, pair.besideWhat(), pairNumber, answers);
      tally.check(round, () -> {
        assertThat(answers.get(0).status()).as(round).isEqualTo(204);
        assertThat(answers.get(1).rule()).as(round).isIn("ran", "gone");
        runJobs(pair.businessKey(), null);
        assertEnteredOnceMore(pair.businessKey(), before, round);
        pair.afterwards().accept(pair.businessKey());
        assertNoIncident(round);
      });
    }
    tallies.values().forEach(Tally::report);
  }

  /** (c) The same completion two or three times at once: one 204, the others refused naming the rule. */
  private void sameFormAtOnce(String taskKey, Supplier<Staged> stage) throws Exception {
    Tally tally = new Tally(taskKey, "the same form sent 2 or 3 times at once");
    for (pairNumber = 0; pairNumber < PAIRS; pairNumber++) {
      CleanSlate.clearKeepingCredentials(engine, jdbc, bobsCredentials.keySet());
      Staged pair = stage.get();
      Map<String, Long> before = enteredEach(pair.businessKey(), pair.nextSteps());
      int logged = retriesLogged.list.size();
      int copies = pairNumber % 2 == 0 ? 2 : 3;
      List<Callable<Racer>> sent = new ArrayList<>();
      for (int copy = 0; copy < copies; copy++) {
        sent.add(submission(pair));
      }
      List<Racer> answers = raceAll(sent);
      tally.add(answers, retriesLogged.list.size() - logged);
      String round = "%s sent %d times, pair %d: %s".formatted(taskKey, copies, pairNumber, answers);
      tally.check(round, () -> {
        assertThat(answers).as(round).filteredOn(answer -> answer.status() == 204).hasSize(1);
        for (Racer answer : answers) {
          if (answer.status() != 204) {
            assertThat(answer.status()).as(round).isIn(404, 409);
            List<String> rules = new ArrayList<>(List.of("task-not-found", "already-recorded", "concurrent-update"));
            rules.addAll(OWN_REPEAT_RULES.getOrDefault(taskKey, List.of()));
            assertThat(answer.rule()).as(round).isIn(rules);
            assertThat(LEAKED.matcher(answer.body()).find()).as("%s: the answer shows nothing of the code or SQL", round)
                .isFalse();
          }
        }
        runJobs(pair.businessKey(), null);
        assertEnteredOnceMore(pair.businessKey(), before, round);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(pair.taskId()).finished().count())
            .as(round).isOne();
        pair.afterwards().accept(pair.businessKey());
        assertNoIncident(round);
      });
    }
    tally.report();
  }

  private Callable<Racer> submission(Staged task) {
    return () -> {
      long start = System.nanoTime();
      ResponseEntity<Map<String, Object>> answer = calls.post(task.person(),
          "/engine-rest/task/" + task.taskId() + "/submit-form", Map.of("variables", RestCalls.variables(task.form())));
      long end = System.nanoTime();
      Map<String, Object> body = answer.getBody();
      return new Racer(task.person(), answer.getStatusCode().value(), body == null ? null : (String) body.get("rule"),
          String.valueOf(body), start, end, 0);
    };
  }

  /**
   * The job run as the job executor runs it: a run that lost a race (rolled back, the job still there) is run again
   * at once, as our engine plugin makes the job executor do; a job the person's completion removed is gone.
   */
  private Callable<Racer> job(String jobId) {
    return () -> {
      long start = System.nanoTime();
      String outcome = null;
      int runs = 0;
      while (outcome == null) {
        runs++;
        try {
          engine.getManagementService().executeJob(jobId);
          outcome = "ran";
        } catch (RuntimeException failure) {
          boolean stillThere = engine.getManagementService().createJobQuery().jobId(jobId).count() > 0;
          String rule = TransientFailures.of(failure).map(TransientFailures.Problem::rule).orElse(null);
          if (!stillThere) {
            outcome = "gone";
          } else if (rule == null || runs == 6) {
            outcome = "failed " + failure;
          }
        }
      }
      return new Racer("job", 0, outcome, outcome, start, System.nanoTime(), runs);
    };
  }

  /** All released at the same instant by a barrier; their answers in order. */
  private List<Racer> raceAll(List<Callable<Racer>> actions) throws Exception {
    CyclicBarrier start = new CyclicBarrier(actions.size());
    List<Future<Racer>> running = new ArrayList<>();
    for (Callable<Racer> action : actions) {
      running.add(racers.submit(() -> {
        start.await();
        return action.call();
      }));
    }
    List<Racer> answers = new ArrayList<>();
    for (Future<Racer> answer : running) {
      answers.add(answer.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  // ------------------------------------------------------------------------------------------------ checks

  private Map<String, Long> enteredEach(String businessKey, List<String> activityIds) {
    Map<String, Long> entered = new LinkedHashMap<>();
    activityIds.forEach(activityId -> entered.put(activityId, entered(businessKey, activityId)));
    return entered;
  }

  private void assertEnteredOnceMore(String businessKey, Map<String, Long> before, String round) {
    before.forEach((activityId, times) -> assertThat(entered(businessKey, activityId))
        .as("%s: %s entered once more", round, activityId).isEqualTo(times + 1));
  }

  private void assertNoIncident(String round) {
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("%s: incidents", round).isZero();
    assertThat(engine.getManagementService().createJobQuery().withException().count()).as("%s: failed jobs", round)
        .isZero();
  }

  private void nothingMore(String businessKey) {
  }

  private long entered(String businessKey, String activityId) {
    var history = engine.getHistoryService();
    return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
        .mapToLong(each -> history.createHistoricActivityInstanceQuery().processInstanceId(each.getId())
            .activityId(activityId).count())
        .sum();
  }

  private long rows(String sql, String businessKey) {
    var statement = jdbc.sql(sql);
    if (businessKey != null) {
      statement = statement.param(businessKey);
    }
    return statement.query(Long.class).single();
  }

  // ------------------------------------------------------------------------------------------------ set-ups

  /** The waiting job (a timer or an asynchronous step) at an activity, in any instance of the business key. */
  private String jobAt(String businessKey, String activityId) {
    List<Job> jobs = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .list().stream().flatMap(open -> engine.getManagementService().createJobQuery().processInstanceId(open.getId())
            .activityId(activityId).list().stream())
        .toList();
    assertThat(jobs).as("the job at %s of %s", activityId, businessKey).hasSize(1);
    return jobs.get(0).getId();
  }

  private Task taskOf(String businessKey, String taskKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** Completes as the person, leaving the jobs it creates due. */
  private void completeAs(String user, String taskId, Map<String, Object> variables) {
    app.as(user, () -> {
      engine.getTaskService().complete(taskId, variables);
      return null;
    });
  }

  /** alice's application for iLAN at level 2 (one reviewer), assessor assigned and told. */
  private ProcessInstance assessedBy(String assessor) {
    ProcessInstance application = app.submit("alice", "iLAN", 2);
    app.assignAssessor(application, "erin", assessor);
    return application;
  }

  /** alice's application failed (5 of 10, the reviewer agreeing): her amendment is open. */
  private ProcessInstance amending() {
    ProcessInstance application = assessedBy("carol");
    app.score(application, "carol", 5);
    app.agree(application, "dave");
    return application;
  }

  private static Map<String, Object> amendment() {
    Map<String, Object> amended = new HashMap<>(moreEvidence());
    amended.put(ResubmissionProcess.Variables.RESUBMIT.name(), true);
    amended.put(ResubmissionProcess.Variables.AMENDMENTS.name(), "Added the team-wide measurements.");
    return amended;
  }

  private static Map<String, Object> moreEvidence() {
    return Map.of(ImpactStatement.PROBLEM.name(), "Our build took 40 minutes and blocked releases.",
        ImpactStatement.ACTIONS.name(), "I profiled the build, parallelised the test suites and cached dependencies.",
        ImpactStatement.RESULTS.name(), "Build time fell to 9 minutes, measured over 200 builds (dashboard linked).",
        ImpactStatement.LINKS.name(), "https://grafana.example.org/d/build");
  }

  private static Map<String, Object> endorsementFields() {
    return Map.of(ReviewRoundProcess.Variables.SCORE.name(), 9,
        ImpactStatement.PROBLEM.name(), "Our services mixed three Java styles and reviews stalled on them.",
        ImpactStatement.ACTIONS.name(), "She wrote the team's language guide and led four sessions.",
        ImpactStatement.RESULTS.name(), "Review turnaround fell from 3 days to 1.",
        ImpactStatement.LINKS.name(), "https://git.example.org/guides/java",
        ReviewRoundProcess.Variables.JUSTIFICATION.name(), "I reviewed her pull requests for six months.");
  }

  /** frank endorses bob for iOWN at level 4; the line manager's notification is due. */
  private ProcessInstance endorsement() {
    Map<String, Object> variables = new HashMap<>(Map.of(CredentialVariables.CANDIDATE_ID.name(), "bob",
        CredentialVariables.SKILL_CODE.name(), "iOWN", CredentialVariables.SKILL_LEVEL.name(), 4,
        ReviewRoundProcess.Variables.SCORE.name(), 9,
        ImpactStatement.PROBLEM.name(), "Incidents without owners.",
        ImpactStatement.ACTIONS.name(), "Bob set up the on-call rota and runbooks.",
        ImpactStatement.RESULTS.name(), "Mean time to recovery halved.",
        ReviewRoundProcess.Variables.JUSTIFICATION.name(), "Ownership beyond his level."));
    return app.as("frank", () -> engine.getRuntimeService().startProcessInstanceByKey(EndorsementProcess.KEY, variables));
  }

  /** bob (level 3) holds four of the six skills level 4 requires: iARCH and iMENT are to be assessed, in parallel. */
  private ProcessInstance bobAppliesWithTwoSkillsToAssess() {
    bobHolds(List.of("iOWN", "iPERF", "iSEC", "iCOMM"));
    return promotions.apply("bob", 4);
  }

  /** bob holds all six: nothing to assess, the interview comes at once. */
  private ProcessInstance bobAppliesHoldingEverySkill() {
    bobHolds(List.of("iOWN", "iPERF", "iSEC", "iCOMM", "iARCH", "iMENT"));
    return promotions.apply("bob", 4);
  }

  /** Seeds bob's credentials at level 4 once for the test (they stay between its pairs), exactly these skills. */
  private void bobHolds(List<String> skills) {
    if (bobsCredentials.values().containsAll(skills) && skills.containsAll(bobsCredentials.values())) {
      return;
    }
    CleanSlate.clear(engine, jdbc);
    bobsCredentials.clear();
    int version = frameworks.current().version();
    for (String skill : skills) {
      promotions.holds("bob", skill, 4, 9, version);
    }
    jdbc.sql("select source_key, skill_code from credential where holder_id = 'bob'").query((rs, row) -> {
      bobsCredentials.put(rs.getString(1), rs.getString(2));
      return null;
    }).list();
  }

  private static Map<String, Object> promotionEvidence(String skill) {
    return Map.of(ImpactStatement.PROBLEM.name(), "Our services had no shared design (" + skill + ").",
        ImpactStatement.ACTIONS.name(), "I ran design reviews and wrote the guidelines.",
        ImpactStatement.RESULTS.name(), "Incidents from design flaws fell by half.");
  }

  private List<Task> reviewsOf(ProcessInstance promotion, String skill) {
    return promotions.tasks(promotion, ReviewRoundProcess.Tasks.PEER_REVIEW).stream()
        .filter(task -> task.getAssignee() == null
            && skill.equals(engine.getTaskService().getVariable(task.getId(), SKILL_CODE.name())))
        .toList();
  }

  /**
   * The skill's round to its end (assessed 9, both reviewers agreeing, credential issued), every job run but the
   * promotion's continuation after the round ({@code CallActivity_ReviewRound}'s asyncAfter), left for the race.
   */
  private void assessWithoutLeavingTheRound(ProcessInstance promotion, String skill) {
    String key = promotion.getBusinessKey();
    completeAs("erin", claimed("erin", promotions.task(promotion, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, skill)),
        Map.of(ASSESSOR_ID.name(), "carol"));
    runJobsExceptTheContinuation(key);
    completeAs("carol", promotions.task(promotion, ReviewRoundProcess.Tasks.ASSESS_EVIDENCE, skill).getId(),
        Map.of(SCORE.name(), 9, JUSTIFICATION.name(), "Clear impact on " + skill + "."));
    runJobsExceptTheContinuation(key);
    for (String reviewer : List.of("frank", "grace")) {
      completeAs(reviewer, claimed(reviewer, reviewsOf(promotion, skill).get(0)),
          Map.of(REVIEW_AGREES.name(), true, REVIEW_COMMENT.name(), "Agreed."));
      runJobsExceptTheContinuation(key);
    }
  }

  private String claimed(String user, Task task) {
    app.claim(user, task);
    return task.getId();
  }

  private void runJobsExceptTheContinuation(String businessKey) {
    runJobs(businessKey, PromotionApplicationProcess.Elements.CALL_REVIEW_ROUND);
  }

  /**
   * Runs the due jobs of every instance with the business key, as the job executor would, until none is left but
   * those at the activity kept (null: none kept). Timers not yet due (the SLAs) stay.
   */
  private void runJobs(String businessKey, String keptActivityId) {
    for (int round = 0; round < 30; round++) {
      List<String> instanceIds = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey).list().stream().map(ProcessInstance::getId).toList();
      if (instanceIds.isEmpty()) {
        return;
      }
      var management = engine.getManagementService();
      // One query per instance: the job query's activityId with processInstanceIds makes invalid SQL (7.24).
      java.util.Set<String> kept = keptActivityId == null ? java.util.Set.of()
          : instanceIds.stream().flatMap(id -> management.createJobQuery().processInstanceId(id).activityId(keptActivityId)
              .list().stream()).map(Job::getId).collect(java.util.stream.Collectors.toSet());
      List<String> due = management.createJobQuery().processInstanceIds(new java.util.HashSet<>(instanceIds)).executable()
          .list().stream().map(Job::getId).filter(id -> !kept.contains(id)).toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(management::executeJob);
    }
    throw new IllegalStateException("Jobs keep coming for " + businessKey);
  }
}
