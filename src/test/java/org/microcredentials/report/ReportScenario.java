package org.microcredentials.report;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialRevocations;
import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.framework.OrganisationAdministration;
import org.microcredentials.promotion.PromotionApplicationProcess;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.ResubmissionProcess;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.Promotions;
import org.microcredentials.testing.SelfSubmissions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data set the report tests count by hand, played through the real flows with both clocks
 * (ours and the engine's) set to each moment. Europe/London: summer time until 25 October 2026,
 * so 30 September 23:30 UTC is already 1 October, the fourth quarter, in the organisation.
 *
 * <pre>
 * A  alice iLAN:3    submitted 2026-09-30 23:30Z (London: October); carol assesses 9, dave agrees;
 *                    passed 2026-10-05 23:30Z (5 days); credential revoked 2026-11-02
 * B  bob   iPERF:3   submitted 2026-09-01 10:00Z; carol 5, dave agrees: failed round one; bob amends;
 *                    carol 9; dave takes the review at once, agrees late (due 09-20): passed 2026-09-30 23:30Z (29.5625 days)
 * C  henry iLAN:1    submitted 2026-10-10 10:00Z; carol leaves the assessment past due (10-24 11:00Z); the SEM
 *                    team (erin) hands it to dave 10-31 12:00Z; dave 4, frank agrees; henry lets it go:
 *                    failed 2026-11-03 10:00Z (24 days)
 * D  alice iTEST:2   submitted 2026-11-20 10:00Z, still open
 * E1 carol endorses alice iPERF:3, 2026-10-01 09:00Z; erin approves 10-05 09:00Z (4 days)
 * E2 dave endorses henry iLAN:2, 2026-10-02 09:00Z; erin withdraws it 10-03 09:00Z
 * E3 carol endorses henry iPERF:2, 2026-10-20 09:00Z; frank approves 10-28 09:00Z (8 days)
 * P1 bob applies for level 4, 2026-11-05 10:00Z, holding iPERF:3 (B) and iOWN, iPERF, iSEC, iCOMM at level 4
 *                    (issued 11-04, set down directly: earlier work, not this data set's flows): 5 credentials;
 *                    iARCH assessed by carol 9 (frank, grace agree), iMENT by dave 9 (frank, grace agree) on 11-06,
 *                    two PROMOTION credentials; erin interviews (passed) and ivan promotes 11-09
 * P2 alice applies for level 3, 2026-11-21 10:00Z, holding iPERF:3 (E1; her iLAN:3 was revoked): still open,
 *                    waiting for her evidence on the five skills it does not cover
 * </pre>
 * Reports are then read at 2026-11-25 10:00Z.
 */
final class ReportScenario {

  static final Instant READ_AT = Instant.parse("2026-11-25T10:00:00Z");

  private final ProcessEngine engine;
  private final JdbcClient jdbc;
  private final MutableClock clock;
  private final CredentialRevocations revocations;
  private final SelfSubmissions people;
  private final Promotions promotions;
  private final OrganisationAdministration administration;

  ReportScenario(ProcessEngine engine, JdbcClient jdbc, MutableClock clock, CredentialRevocations revocations,
      CredentialRegister credentials, OrganisationAdministration administration) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.clock = clock;
    this.revocations = revocations;
    this.people = new SelfSubmissions(engine, jdbc);
    this.promotions = new Promotions(engine, jdbc, credentials);
    this.administration = administration;
  }

  void play() {
    people.clear();
    // The history too: earlier test classes share the in-memory database, and the SLA report reads history.
    List<String> history = engine.getHistoryService().createHistoricProcessInstanceQuery().list().stream()
        .map(instance -> instance.getId()).toList();
    if (!history.isEmpty()) {
      engine.getHistoryService().deleteHistoricProcessInstancesIfExists(history);
    }
    // B first: it begins in September.
    at("2026-09-01T10:00:00Z");
    ProcessInstance b = people.submit("bob", "iPERF", 3);
    at("2026-09-02T10:00:00Z");
    people.assignAssessor(b, "erin", "carol");
    at("2026-09-03T10:00:00Z");
    people.score(b, "carol", 5);
    at("2026-09-04T10:00:00Z");
    people.agree(b, "dave");
    at("2026-09-05T10:00:00Z");
    people.work("bob", b, ResubmissionProcess.Tasks.AMEND_APPLICATION, Map.of(
        ResubmissionProcess.Variables.RESUBMIT.name(), true,
        ResubmissionProcess.Variables.AMENDMENTS.name(), "Added my own measured change.",
        ImpactStatement.ACTIONS.name(), "I parallelised the suites of my own module."));
    at("2026-09-06T10:00:00Z");
    people.work("carol", b, ReviewRoundProcess.Tasks.REASSESS_EVIDENCE, Map.of(SCORE.name(), 9, JUSTIFICATION.name(), "Now measured."));
    people.claim("dave", people.task(b, ReviewRoundProcess.Tasks.PEER_REVIEW));
    at("2026-09-30T23:30:00Z");
    people.agree(b, "dave");

    ProcessInstance a = people.submit("alice", "iLAN", 3);
    at("2026-10-01T09:00:00Z");
    people.assignAssessor(a, "erin", "carol");
    ProcessInstance e1 = endorse("carol", "alice", "iPERF", 3);
    at("2026-10-02T09:00:00Z");
    people.score(a, "carol", 9);
    ProcessInstance e2 = endorse("dave", "henry", "iLAN", 2);
    at("2026-10-03T09:00:00Z");
    review("erin", e2, EndorsementProcess.Decisions.WITHDRAW);
    at("2026-10-05T09:00:00Z");
    review("erin", e1, EndorsementProcess.Decisions.APPROVE);
    at("2026-10-05T23:30:00Z");
    people.agree(a, "dave");

    at("2026-10-10T10:00:00Z");
    ProcessInstance c = people.submit("henry", "iLAN", 1);
    at("2026-10-10T11:00:00Z");
    people.assignAssessor(c, "erin", "carol");
    at("2026-10-20T09:00:00Z");
    ProcessInstance e3 = endorse("carol", "henry", "iPERF", 2);
    at("2026-10-28T09:00:00Z");
    review("frank", e3, EndorsementProcess.Decisions.APPROVE);
    at("2026-10-31T12:00:00Z");
    // Both deadlines have passed: the reminder (two weeks) and the SEM team's reassignment (a further week).
    people.fireTimer(c, "BoundaryEvent_AssessmentOverdue");
    people.work("erin", c, ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR, Map.of(NEW_ASSIGNEE_ID.name(), "dave"));
    at("2026-11-01T10:00:00Z");
    people.score(c, "dave", 4);
    at("2026-11-01T11:00:00Z");
    people.agree(c, "frank");
    at("2026-11-02T10:00:00Z");
    String revoked = jdbc.sql("select id from credential where holder_id = 'alice' and skill_code = 'iLAN'")
        .query(String.class).single();
    revocations.revoke(revoked, "Evidence copied from a colleague.", "demo");
    at("2026-11-03T10:00:00Z");
    people.work("henry", c, ResubmissionProcess.Tasks.AMEND_APPLICATION,
        Map.of(ResubmissionProcess.Variables.RESUBMIT.name(), false));

    at("2026-11-04T10:00:00Z");
    int version = jdbc.sql("select max(version) from skill_framework").query(Integer.class).single();
    for (String skill : List.of("iOWN", "iPERF", "iSEC", "iCOMM")) {
      promotions.holds("bob", skill, 4, 9, version);
    }
    at("2026-11-05T10:00:00Z");
    ProcessInstance p1 = promotions.apply("bob", 4);
    promotions.giveEvidence(p1, "iARCH");
    promotions.giveEvidence(p1, "iMENT");
    at("2026-11-06T10:00:00Z");
    promotions.assess(p1, "iARCH", "carol", 9, "frank", "grace");
    promotions.assess(p1, "iMENT", "dave", 9, "frank", "grace");
    at("2026-11-09T10:00:00Z");
    promotions.work("erin", promotions.only(p1, PromotionApplicationProcess.Tasks.INTERVIEW_CANDIDATE), Map.of(
        PromotionApplicationProcess.Variables.INTERVIEW_PASSED.name(), true,
        PromotionApplicationProcess.Variables.INTERVIEW_NOTES.name(), "Clear on trade-offs."));
    promotions.work("ivan", promotions.only(p1, PromotionApplicationProcess.Tasks.DECIDE_PROMOTION), Map.of(
        PromotionApplicationProcess.Variables.PROMOTED.name(), true,
        PromotionApplicationProcess.Variables.DECISION_JUSTIFICATION.name(), "Every skill at the mark."));
    people.runJobs(p1);
    // The demo organisation as the test classes that follow expect it: the reports read no one's current level.
    administration.changeLevel("bob", 3);
    at("2026-11-20T10:00:00Z");
    people.submit("alice", "iTEST", 2);
    // After her iTEST:2 self-submission: a promotion application holds each skill it needs evidence for open.
    at("2026-11-21T10:00:00Z");
    promotions.apply("alice", 3);
    at(READ_AT.toString());
  }

  /** Sets our clock and the engine's to the same moment, as they are in production. */
  void at(String instant) {
    clock.set(Instant.parse(instant));
    ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
  }

  static void resetEngineClock() {
    ClockUtil.reset();
  }

  private ProcessInstance endorse(String endorser, String candidateId, String skillCode, int skillLevel) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CredentialVariables.CANDIDATE_ID.name(), candidateId);
    variables.put(CredentialVariables.SKILL_CODE.name(), skillCode);
    variables.put(CredentialVariables.SKILL_LEVEL.name(), skillLevel);
    variables.put(ReviewRoundProcess.Variables.SCORE.name(), 9);
    variables.put(ImpactStatement.PROBLEM.name(), "Reviews stalled on three Java styles.");
    variables.put(ImpactStatement.ACTIONS.name(), "Wrote the language guide and led four sessions.");
    variables.put(ImpactStatement.RESULTS.name(), "Review turnaround fell from 3 days to 1.");
    variables.put(ImpactStatement.LINKS.name(), "https://git.example.org/guides/java");
    variables.put(ReviewRoundProcess.Variables.JUSTIFICATION.name(), "Six months of pull requests, well beyond the level.");
    ProcessInstance instance = people.as(endorser,
        () -> engine.getRuntimeService().startProcessInstanceByKey(EndorsementProcess.KEY, variables));
    runMessageJobs(instance.getBusinessKey());
    return instance;
  }

  private void review(String reviewer, ProcessInstance endorsement, String decision) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(endorsement.getId())
        .taskDefinitionKey(EndorsementProcess.Tasks.REVIEW_ENDORSEMENT).singleResult();
    people.claim(reviewer, task);
    people.as(reviewer, () -> {
      engine.getTaskService().complete(task.getId(), Map.of(EndorsementProcess.Variables.REVIEW_DECISION.name(), decision,
          ReviewRoundProcess.Variables.REVIEW_COMMENT.name(), "Decided on the evidence."));
      return null;
    });
    runMessageJobs(endorsement.getBusinessKey());
  }

  private void runMessageJobs(String businessKey) {
    for (int round = 0; round < 20; round++) {
      List<String> instanceIds = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey).list().stream().map(ProcessInstance::getId).toList();
      if (instanceIds.isEmpty()) {
        return;
      }
      List<Job> jobs = engine.getManagementService().createJobQuery()
          .processInstanceIds(new java.util.HashSet<>(instanceIds)).messages().executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs keep coming for " + businessKey);
  }
}
