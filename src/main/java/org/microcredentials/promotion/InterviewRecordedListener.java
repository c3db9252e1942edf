package org.microcredentials.promotion;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_InterviewCandidate}: whether the interview passed ({@code interviewPassed}) and the
 * interviewer's notes ({@code interviewNotes}), recorded by {@link PromotionSteps#recordInterview}.
 */
@Component
class InterviewRecordedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final PromotionSteps steps;

  InterviewRecordedListener(Actors actors, PromotionSteps steps) {
    this.actors = actors;
    this.steps = steps;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Interview the candidate");
    PromotionSteps.Interview interview = steps.recordInterview(execution.getProcessBusinessKey(), actor,
        () -> PromotionSteps.Interview.asSent(execution));
    interview.showOn(execution, actor);
  }
}
