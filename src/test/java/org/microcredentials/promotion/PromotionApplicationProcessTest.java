package org.microcredentials.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.microcredentials.promotion.PromotionApplicationProcess.Tasks.*;
import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.*;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.endorsement.EndorsementProcess;
import org.microcredentials.endorsement.EndorsementRequestProcess;
import org.microcredentials.expiry.CredentialExpiryProcess;
import org.microcredentials.framework.OrganisationAdministration;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.notification.Message;
import org.microcredentials.notification.Notifier;
import org.microcredentials.review.ReviewRoundProcess;
import org.microcredentials.submission.ResubmissionProcess;
import org.microcredentials.submission.SelfSubmissionProcess;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.MutableClock;
import org.microcredentials.testing.Promotions;
import org.microcredentials.testing.TestConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Every path of {@code PromotionApplicationProcess} with the real rules and the real review round, as
 * the demo people: bob (level 3) applies for level 4, which requires iARCH, iOWN, iPERF, iSEC, iCOMM
 * and iMENT; he holds four of them at level 4, so iARCH and iMENT are assessed (carol and dave
 * assess; frank and grace review; erin assigns and interviews; ivan decides). The round itself is
 * covered by {@code SelfSubmissionProcessTest}; the coverage measured here is the promotion model's.
 */
@ApplicationTest
@Import({ProcessEngineCoverageConfiguration.class, PromotionApplicationProcessTest.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class PromotionApplicationProcessTest {

  static class Coverage {
    @Bean
    @Primary
    ProcessEngineCoverageProperties promotionCoverage() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys(ReviewRoundProcess.KEY, SelfSubmissionProcess.KEY, ResubmissionProcess.KEY,
              EndorsementProcess.KEY, EndorsementRequestProcess.KEY, CredentialExpiryProcess.KEY)
          .build();
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired CredentialRegister credentials;
  @Autowired SkillFrameworkRepository frameworks;
  @Autowired OrganisationAdministration administration;
  @Autowired PromotionFacts facts;
  @MockitoBean Notifier notifier;

  Promotions promotions;

  @BeforeEach
  void setUp() {
    init(engine);
    promotions = new Promotions(engine, jdbc, credentials);
    promotions.app().clear();
    clock.set(TestConfiguration.MID_NOVEMBER_2026);
  }

  @AfterEach
  void tearDown() {
    // The demo organisation is shared by every test class: bob and alice get their levels back.
    administration.changeLevel("bob", 3);
    administration.changeLevel("alice", 2);
    reset();
  }

  /** bob holds iOWN, iPERF, iSEC and iCOMM at level 4 (and iLAN at 3, which covers nothing at 4). */
  private void bobHoldsFourOfSix() {
    int version = frameworks.current().version();
    promotions.holds("bob", "iOWN", 4, 9, version);
    promotions.holds("bob", "iPERF", 4, 8, version);
    promotions.holds("bob", "iSEC", 5, 10, version);
    promotions.holds("bob", "iCOMM", 4, 9, version);
    promotions.holds("bob", "iLAN", 3, 9, version);
  }

  private ProcessInstance bobAssessedWith(int architectureScore) {
    bobHoldsFourOfSix();
    ProcessInstance promotion = promotions.apply("bob", 4);
    promotions.giveEvidence(promotion, "iARCH");
    promotions.giveEvidence(promotion, "iMENT");
    promotions.assess(promotion, "iARCH", "carol", architectureScore, "frank", "grace");
    promotions.assess(promotion, "iMENT", "dave", 9, "frank", "grace");
    return promotion;
  }

  private void interview(ProcessInstance promotion, boolean passed) {
    promotions.work("erin", promotions.only(promotion, INTERVIEW_CANDIDATE),
        Map.of(INTERVIEW_PASSED.name(), passed, INTERVIEW_NOTES.name(), passed ? "Clear on trade-offs." : "Not yet leading design."));
  }

  private void decide(ProcessInstance promotion, String semMember, boolean promoted) {
    promotions.work(semMember, promotions.only(promotion, DECIDE_PROMOTION),
        Map.of(PROMOTED.name(), promoted, DECISION_JUSTIFICATION.name(), promoted ? "Every skill at the mark." : "Not this time."));
  }

  private int seniority(String userId) {
    return jdbc.sql("select seniority_level from engineer where user_id = ?").param(userId).query(Integer.class).single();
  }

  private List<Credential> promotionCredentials(String holder) {
    return credentials.heldBy(holder).stream().filter(credential -> credential.source() == CredentialSource.PROMOTION).toList();
  }

  private Object historic(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult().getValue();
  }

  @Test
  void bobIsPromotedAfterHisTwoMissingSkillsPassAndTheInterview() {
    bobHoldsFourOfSix();
    ProcessInstance promotion = promotions.apply("bob", 4);

    assertThat(promotion.getBusinessKey()).matches("PRO-2026-\\d{6}");
    List<Task> evidence = promotions.tasks(promotion, PROVIDE_PROMOTION_EVIDENCE);
    assertThat(evidence).hasSize(2).allSatisfy(task -> assertThat(task.getAssignee()).isEqualTo("bob"));
    assertThat(evidence).extracting(task -> engine.getTaskService().getVariableLocal(task.getId(), CredentialVariables.SKILL_CODE.name()))
        .containsExactlyInAnyOrder("iARCH", "iMENT");
    Task architecture = promotions.task(promotion, PROVIDE_PROMOTION_EVIDENCE, "iARCH");
    assertThat((String) engine.getTaskService().getVariable(architecture.getId(), SKILL_CRITERIA.name())).contains("at level 4");
    assertThat((String) engine.getTaskService().getVariable(architecture.getId(), EXISTING_CREDENTIALS.name()))
        .contains("iOWN:4").contains("iLAN:3");

    promotions.giveEvidence(promotion, "iARCH");
    // The skills move on their own: iARCH is in its round while iMENT still waits for evidence.
    assertThat(promotions.task(promotion, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR, "iARCH")).isNotNull();
    assertThat(promotions.tasks(promotion, ReviewRoundProcess.Tasks.ASSIGN_ASSESSOR)).hasSize(1);
    promotions.giveEvidence(promotion, "iMENT");
    promotions.assess(promotion, "iARCH", "carol", 9, "frank", "grace");
    promotions.assess(promotion, "iMENT", "dave", 8, "frank", "grace");

    // Level 4: two reviewers per skill, and each passed skill is a credential with source PROMOTION.
    assertThat(promotionCredentials("bob")).extracting(Credential::skillCode, Credential::skillLevel, Credential::score)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("iARCH", 4, 9), org.assertj.core.groups.Tuple.tuple("iMENT", 4, 8));
    assertThat(promotionCredentials("bob")).allSatisfy(credential -> assertThat(credential.reviewerIds()).hasSize(2));
    assertThat(promotions.tasks(promotion, DECIDE_PROMOTION)).isEmpty();
    Task interview = promotions.only(promotion, INTERVIEW_CANDIDATE);
    assertThat((String) engine.getTaskService().getVariable(interview.getId(), SKILL_SUMMARY.name()))
        .contains("iARCH").contains("9 out of 10").contains("assessed by Carol Example").contains("iOWN").contains("reused");
    SpinJsonNode scores = (SpinJsonNode) engine.getRuntimeService().getVariable(promotion.getId(), SKILL_SCORES.name());
    assertThat(scores.fieldNames()).containsExactlyInAnyOrder("iARCH", "iMENT", "iOWN", "iPERF", "iSEC", "iCOMM");
    assertThat(scores.prop("iSEC").numberValue().intValue()).isEqualTo(10);

    interview(promotion, true);
    decide(promotion, "ivan", true);
    promotions.app().runJobs(promotion);

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(promotion.getId()).count()).isZero();
    assertThat(historic(promotion, PROMOTED.name())).isEqualTo(true);
    assertThat(seniority("bob")).isEqualTo(4);
    assertThat(engine.getIdentityService().createUserQuery().userId("bob").memberOfGroup("assessors").count()).isOne();
    assertThat(engine.getIdentityService().createUserQuery().userId("bob").memberOfGroup("leaders").count()).isOne();
    verify(notifier, atLeastOnce()).send(argThat((Message mail) -> mail.toUserId().equals("bob") && mail.subject().contains("promoted to level 4")));
    verify(notifier, atLeastOnce()).send(argThat((Message mail) -> mail.toUserId().equals("carol") && mail.subject().contains("promoted to level 4")));
  }

  @Test
  void aFailedSkillStillLeavesTheOthersCredentialAndNeverPromotes() {
    ProcessInstance promotion = bobAssessedWith(6);

    assertThat(promotionCredentials("bob")).extracting(Credential::skillCode).containsExactly("iMENT");
    interview(promotion, true);
    assertThatThrownBy(() -> decide(promotion, "ivan", true))
        .hasMessageContaining("iARCH scored 6");
    assertThat(seniority("bob")).isEqualTo(3);

    decide(promotion, "ivan", false);
    assertThat(historic(promotion, PROMOTED.name())).isEqualTo(false);
    assertThat(seniority("bob")).isEqualTo(3);
    assertThat(jdbc.sql("select status from promotion_application").query(String.class).single()).isEqualTo("NOT_PROMOTED");
  }

  @Test
  void aFailedInterviewNeverPromotes() {
    ProcessInstance promotion = bobAssessedWith(9);
    interview(promotion, false);

    assertThatThrownBy(() -> decide(promotion, "ivan", true))
        .hasMessageContaining("needs a passed interview");
    decide(promotion, "ivan", false);
    assertThat(seniority("bob")).isEqualTo(3);
  }

  @Test
  void belowLevelFourThereIsNoInterviewAndCoveredSkillsNeedNoEvidence() {
    int version = frameworks.current().version();
    for (String skill : List.of("iLAN", "iTEST", "iPERF", "iOWN", "iDEL", "iCOMM")) {
      promotions.holds("alice", skill, 3, 9, version);
    }
    ProcessInstance promotion = promotions.apply("alice", 3);

    assertThat(promotions.tasks(promotion, PROVIDE_PROMOTION_EVIDENCE)).isEmpty();
    assertThat(promotions.tasks(promotion, INTERVIEW_CANDIDATE)).isEmpty();
    decide(promotion, "erin", true);
    assertThat(seniority("alice")).isEqualTo(3);
  }

  @Test
  void theDecisionsFormIsToldFromWhichLevelAnInterviewComesFirst() {
    int version = frameworks.current().version();
    for (String skill : List.of("iLAN", "iTEST", "iPERF", "iOWN", "iDEL", "iCOMM")) {
      promotions.holds("alice", skill, 3, 9, version);
    }
    ProcessInstance promotion = promotions.apply("alice", 3);

    Task decision = promotions.only(promotion, DECIDE_PROMOTION);
    assertThat(engine.getTaskService().getVariable(decision.getId(), INTERVIEW_FROM_LEVEL.name()))
        .isEqualTo(PromotionApplicationProcess.INTERVIEW_FROM_LEVEL);
  }

  @Test
  void outsideAPromotionWindowTheApplicationWaitsForTheNextOne() {
    // The demo profile's window runs 2026-01-01 to 2027-12-31 (Europe/London): apply before it opens.
    clock.set(Instant.parse("2025-12-20T10:00:00Z"));
    int version = frameworks.current().version();
    for (String skill : List.of("iLAN", "iTEST", "iPERF", "iOWN", "iDEL", "iCOMM")) {
      promotions.holds("alice", skill, 3, 9, version);
    }
    ProcessInstance promotion = promotions.apply("alice", 3);

    assertThat(promotions.tasks(promotion, DECIDE_PROMOTION)).isEmpty();
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(promotion.getId())
        .activityId(PromotionApplicationProcess.Elements.WAIT_FOR_WINDOW).timers().singleResult();
    assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));

    clock.set(Instant.parse("2026-01-01T00:00:01Z"));
    engine.getManagementService().executeJob(timer.getId());
    assertThat(promotions.tasks(promotion, DECIDE_PROMOTION)).hasSize(1);
  }

  @Test
  void withNoWindowAheadTheApplicationLooksAgainTheNextDay() {
    clock.set(Instant.parse("2028-02-01T10:00:00Z"));
    assertThat(facts.windowOpen()).isFalse();
    assertThat(facts.nextWindowCheck().toInstant()).isEqualTo(Instant.parse("2028-02-02T10:00:00Z"));
  }

  // Refusals: each stops before a promotion gets far; they add to the class's coverage, never take from it.

  @Test
  void withoutACredentialValidForPromotionNothingStarts() {
    assertThatThrownBy(() -> promotions.apply("bob", 4))
        .hasMessageContaining("no micro-credential valid for promotion");
    assertNothingLeft();
  }

  /** The engine's own line behind the REST API's start-inputs rule: a start through the Java API with more than the form's fields. */
  @Test
  void aStartWithMoreThanTheTargetLevelAndTheStatementIsRefused() {
    bobHoldsFourOfSix();
    assertThatThrownBy(() -> promotions.app().as("bob", () -> engine.getRuntimeService().startProcessInstanceByKey(
        PromotionApplicationProcess.KEY, Map.of(PromotionApplicationProcess.Variables.TARGET_LEVEL.name(), 4, "skillCode", "iARCH"))))
        .hasMessageContaining("starts with 'targetLevel' and an optional 'statement' only, not [skillCode]");
    assertNothingLeft();
  }

  @Test
  void theNextLevelOnly() {
    bobHoldsFourOfSix();
    assertThatThrownBy(() -> promotions.apply("bob", 5))
        .hasMessageContaining("may apply for level 4 only");
    assertNothingLeft();
  }

  @Test
  void oneOpenApplication() {
    bobHoldsFourOfSix();
    promotions.apply("bob", 4);
    assertThatThrownBy(() -> promotions.apply("bob", 4))
        .hasMessageContaining("already has an open promotion application");
    assertThat(jdbc.sql("select count(*) from promotion_application").query(Long.class).single()).isOne();
  }

  @Test
  void theCandidateNeitherInterviewsNorDecidesAndOnlyTheSemTeamDoes() {
    bobHoldsFourOfSix();
    ProcessInstance promotion = bobAssessedAgain();
    Task interview = promotions.only(promotion, INTERVIEW_CANDIDATE);
    // Hidden from the candidate by Camunda's authorizations, and refused by the rule where someone granted too much.
    assertThatThrownBy(() -> promotions.app().claim("bob", interview))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThatThrownBy(() -> promotions.app().grantingEverything().claim("bob", interview))
        .hasMessageContaining("never about their own application");
    assertThatThrownBy(() -> promotions.app().grantingEverything().claim("frank", interview))
        .hasMessageContaining("not in the SEM team");
  }

  private ProcessInstance bobAssessedAgain() {
    ProcessInstance promotion = promotions.apply("bob", 4);
    promotions.giveEvidence(promotion, "iARCH");
    promotions.giveEvidence(promotion, "iMENT");
    promotions.assess(promotion, "iARCH", "carol", 9, "frank", "grace");
    promotions.assess(promotion, "iMENT", "dave", 9, "frank", "grace");
    return promotion;
  }

  @Test
  void onlyTheCandidateGivesEvidence() {
    bobHoldsFourOfSix();
    ProcessInstance promotion = promotions.apply("bob", 4);
    Task evidence = promotions.task(promotion, PROVIDE_PROMOTION_EVIDENCE, "iARCH");
    assertThatThrownBy(() -> engine.getTaskService().setAssignee(evidence.getId(), "carol"))
        .hasMessageContaining("belongs to the candidate bob");
  }

  private void assertNothingLeft() {
    assertThat(jdbc.sql("select count(*) from promotion_application").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from application").query(Long.class).single()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PromotionApplicationProcess.KEY).count()).isZero();
  }
}
