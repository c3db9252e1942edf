package org.microcredentials.submission;

import static org.microcredentials.submission.SelfSubmissionProcess.Variables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.microcredentials.review.PeerReview;
import org.microcredentials.review.PeerReviewLog;
import org.microcredentials.review.ScorePolicy;
import org.springframework.stereotype.Component;

/** Where the parallel reviews meet: if every reviewer agrees, the assessor's score is final. */
@Component
class EvaluatePeerReviewsDelegate implements JavaDelegate {

  private final PeerReviewLog peerReviewLog;
  private final ScorePolicy scorePolicy;
  private final ApplicationRegister applications;

  EvaluatePeerReviewsDelegate(PeerReviewLog peerReviewLog, ScorePolicy scorePolicy, ApplicationRegister applications) {
    this.applications = applications;
    this.peerReviewLog = peerReviewLog;
    this.scorePolicy = scorePolicy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The assessor's score as recorded at the assessment, whatever a later task may have set.
    int score = applications.application(execution.getProcessBusinessKey()).assessedScore();
    List<PeerReview> reviews = peerReviewLog.read(execution, PEER_REVIEWS);
    boolean agree = PeerReview.allAgree(score, reviews);
    execution.setVariable(REVIEWERS_AGREE, agree);
    if (agree) {
      execution.setVariable(FINAL_SCORE, score);
      execution.setVariable(PASSED, scorePolicy.passes(score));
    }
  }
}
