package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.microcredentials.application.PeerReview;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/**
 * Completion of one {@code Task_PeerReview}: an eligible reviewer agrees with the score or
 * proposes another with a comment. The review is recorded in its row, and the form fields
 * are cleared so the next reviewer starts from an empty form.
 */
@Component
class PeerReviewedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final Organisation organisation;
  private final ReviewPolicy reviewPolicy;
  private final PeerReviewers peerReviewers;
  private final ApplicationRegister applications;
  private final Clock clock;
  private final ReviewsLoggedEarlier loggedEarlier;

  PeerReviewedListener(Actors actors, Organisation organisation, ReviewPolicy reviewPolicy, PeerReviewers peerReviewers,
      ApplicationRegister applications, Clock clock, ReviewsLoggedEarlier loggedEarlier) {
    this.loggedEarlier = loggedEarlier;
    this.applications = applications;
    this.clock = clock;
    this.actors = actors;
    this.organisation = organisation;
    this.reviewPolicy = reviewPolicy;
    this.peerReviewers = peerReviewers;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Peer review");
    Engineer reviewer = organisation.find(actor).orElseThrow(() -> RuleViolation.forbidden("reviewer-level",
        actor + " is not an engineer of the organisation and may not peer-review."));
    ApplicationRegister.Application application = applications.application(ApplicationRegister.keyOf(execution));
    // A round begun on an earlier release: its reviews before the upgrade count as others' reviews.
    loggedEarlier.completeRound(execution);
    refuseARepeatOfACompletedReview(execution, actor);
    String candidateId = application.candidateId();
    String assessorId = application.assessorId();
    reviewPolicy.checkReviewer(reviewer, candidateId, assessorId,
        peerReviewers.others(execution, ApplicationRegister.keyOf(execution), execution.getProcessInstanceId(), execution.getId()));

    VariableReader input = VariableReader.of(execution);
    boolean agrees = input.requiredBoolean(REVIEW_AGREES);
    Integer proposedScore = agrees ? null
        : input.requiredWholeNumber(PROPOSED_SCORE, ScorePolicy.LOWEST_SCORE, ScorePolicy.HIGHEST_SCORE);
    PeerReview review = PeerReview.submitted(actor, agrees, proposedScore, input.optionalText(REVIEW_COMMENT).orElse(null));
    // The review's one home is its row. Nothing shared with the other reviewers is written here: the round's
    // log on the instance is written once, where the reviews meet (EvaluatePeerReviewsDelegate), so that two
    // reviewers submitting at the same moment change no row in common and neither waits for the other.
    applications.recordPeerReview(ApplicationRegister.keyOf(execution), review, clock.instant());
    execution.removeVariable(REVIEW_AGREES);
    execution.removeVariable(PROPOSED_SCORE);
    execution.removeVariable(REVIEW_COMMENT);
  }

  /**
   * The same review sent twice at once (a double click, a client's retry): by the time this one checks, the
   * other has recorded the reviewer's review and completed this very task. That is no second review by the same
   * person (the four-eyes rule's refusal would say so): it is a task no longer open, answered as such. The
   * task's row is read afresh, past what this request has loaded.
   */
  private void refuseARepeatOfACompletedReview(DelegateExecution execution, String actor) {
    boolean recorded = applications.round(ApplicationRegister.keyOf(execution)).reviews().stream()
        .anyMatch(review -> review.reviewerId().equals(actor));
    if (recorded && execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .executionId(execution.getId()).count() == 0) {
      throw RuleViolation.notFound("task-not-found", "The peer review is no longer open: " + actor
          + "'s review of this round was recorded by a request sent at the same moment; nothing was done twice.");
    }
  }
}
