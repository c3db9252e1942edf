package org.microcredentials.promotion;

import org.camunda.spin.json.SpinJsonNode;
import org.microcredentials.process.ProcessVariable;

/**
 * The contract of {@code processes/promotion-application.bpmn} (CONTRACT.md, "Promotion application"):
 * its key, element ids and variables.
 *
 * <p>Where its facts live: the application (candidate, levels, interview, decision) is a row of
 * {@code promotion_application}; each skill the target level requires is a row of
 * {@code promotion_skill}, reused (the credential valid for promotion that covered it on the day the
 * application started) or assessed (an {@code application} row with source PROMOTION, key
 * {@code PRO-…:SKILL}, which the review round decides on like a self-submission's). Gateways, the
 * multi-instance collection and the decision's rules read those rows ({@code promotionFacts},
 * {@link PromotionRegister}); the variables below are written once, from there, for forms and clients.
 */
public final class PromotionApplicationProcess {

  public static final String KEY = "PromotionApplicationProcess";

  public static final class Tasks {
    public static final String PROVIDE_PROMOTION_EVIDENCE = "Task_ProvidePromotionEvidence";
    public static final String INTERVIEW_CANDIDATE = "Task_InterviewCandidate";
    public static final String DECIDE_PROMOTION = "Task_DecidePromotion";

    private Tasks() {
    }
  }

  public static final class Elements {
    public static final String START = "StartEvent_PromotionRequested";
    public static final String ASSESS_SKILLS = "SubProcess_AssessSkill";
    public static final String CALL_REVIEW_ROUND = "CallActivity_ReviewRound";
    public static final String SUMMARISE_SKILLS = "ServiceTask_SummariseSkills";
    public static final String WAIT_FOR_WINDOW = "TimerEvent_NextPromotionWindow";
    public static final String NOTIFY_OUTCOME = "ServiceTask_NotifyOutcome";
    public static final String END_DECIDED = "EndEvent_PromotionDecided";

    private Elements() {
    }
  }

  public static final class Variables {
    // start
    public static final ProcessVariable<Integer> TARGET_LEVEL = ProcessVariable.integer("targetLevel");
    public static final ProcessVariable<String> STATEMENT = ProcessVariable.text("statement");
    // set at start, from the promotion's record (with candidateId and candidateName, CredentialVariables, as each
    // assessed skill becomes an application of the candidate)
    public static final ProcessVariable<Integer> CURRENT_LEVEL = ProcessVariable.integer("currentLevel");
    public static final ProcessVariable<String> EXISTING_CREDENTIALS = ProcessVariable.text("existingCredentials");
    // per assessed skill (the multi-instance element, local to its scope and to the evidence task; its code is the
    // application's skillCode, CredentialVariables)
    public static final ProcessVariable<String> SKILL_CRITERIA = ProcessVariable.text("skillCriteria");
    // after the skills are settled, for the interview and the decision
    public static final ProcessVariable<SpinJsonNode> SKILL_SCORES = ProcessVariable.json("skillScores");
    public static final ProcessVariable<String> SKILL_SUMMARY = ProcessVariable.text("skillSummary");
    public static final ProcessVariable<Boolean> ALL_SKILLS_PASSED = ProcessVariable.flag("allSkillsPassed");
    // interview and decision
    public static final ProcessVariable<Boolean> INTERVIEW_PASSED = ProcessVariable.flag("interviewPassed");
    public static final ProcessVariable<String> INTERVIEW_NOTES = ProcessVariable.text("interviewNotes");
    public static final ProcessVariable<String> INTERVIEW_SUMMARY = ProcessVariable.text("interviewSummary");
    /**
     * The level from which an interview comes first ({@link PromotionApplicationProcess#INTERVIEW_FROM_LEVEL}), a local
     * variable of the decision: its form names it. Decisions of instances started before it was set read well without.
     */
    public static final ProcessVariable<Integer> INTERVIEW_FROM_LEVEL = ProcessVariable.integer("interviewFromLevel");
    public static final ProcessVariable<Boolean> PROMOTED = ProcessVariable.flag("promoted");
    public static final ProcessVariable<String> DECISION_JUSTIFICATION = ProcessVariable.text("decisionJustification");

    private Variables() {
    }
  }

  /** From this level on, an interview comes before the decision. */
  public static final int INTERVIEW_FROM_LEVEL = 4;

  private PromotionApplicationProcess() {
  }
}
