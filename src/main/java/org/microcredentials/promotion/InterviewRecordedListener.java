package org.microcredentials.promotion;

import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_InterviewCandidate}: a SEM member, never the candidate, records whether the
 * interview passed ({@code interviewPassed}) and their notes ({@code interviewNotes}), in the
 * promotion's record, where the decision's rule reads it.
 */
@Component
class InterviewRecordedListener extends RuleCheckingExecutionListener {

  private final PromotionDeciders deciders;
  private final PromotionRegister promotions;

  InterviewRecordedListener(PromotionDeciders deciders, PromotionRegister promotions) {
    this.deciders = deciders;
    this.promotions = promotions;
  }

  @Override
  protected void check(DelegateExecution execution) {
    PromotionRegister.Promotion promotion = promotions.promotion(execution.getProcessBusinessKey());
    String interviewer = deciders.completingSemMember(execution, "Interview the candidate", promotion);
    VariableReader input = VariableReader.of(execution);
    boolean passed = input.requiredBoolean(INTERVIEW_PASSED);
    String notes = input.requiredText(INTERVIEW_NOTES);
    promotions.recordInterview(promotion.businessKey(), passed, notes, interviewer);
    execution.setVariable(INTERVIEW_PASSED, passed);
    execution.setVariable(INTERVIEW_SUMMARY, (passed ? "Passed" : "Not passed") + " (" + interviewer + "): " + notes);
  }
}
