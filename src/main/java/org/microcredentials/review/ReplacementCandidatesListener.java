package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/**
 * When the SEM team is asked to hand overdue work to someone else: who may take it over, as the
 * options of the form's select (assessors for an assessment, reviewers for a review): a variable of the
 * task alone, its form being its one reader.
 */
@Component
class ReplacementCandidatesListener implements TaskListener {

  private final Organisation organisation;
  private final ReviewPolicy reviewPolicy;
  private final PeerReviewers peerReviewers;
  private final PeopleOptions options;
  private final ApplicationRegister applications;

  ReplacementCandidatesListener(Organisation organisation, ReviewPolicy reviewPolicy, PeerReviewers peerReviewers,
      PeopleOptions options, ApplicationRegister applications) {
    this.applications = applications;
    this.organisation = organisation;
    this.reviewPolicy = reviewPolicy;
    this.peerReviewers = peerReviewers;
    this.options = options;
  }

  @Override
  public void notify(DelegateTask task) {
    ApplicationRegister.Application application = applications.application(ApplicationRegister.keyOf(task.getExecution()));
    String candidateId = application.candidateId();
    String assessorId = application.assessorId();
    int skillLevel = application.skillLevel();
    List<Engineer> people = organisation.all();
    List<Engineer> replacements;
    if (ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR.equals(task.getTaskDefinitionKey())) {
      replacements = reviewPolicy.eligibleAssessors(people, candidateId, skillLevel).stream()
          .filter(person -> !person.userId().equals(assessorId)).toList();
    } else {
      Set<String> others = peerReviewers.others(task.getExecution(), ApplicationRegister.keyOf(task.getExecution()), task.getProcessInstanceId(), null);
      replacements = people.stream().filter(person -> mayReview(person, candidateId, assessorId, others)).toList();
    }
    task.setVariableLocal(ELIGIBLE_REPLACEMENTS, options.of(replacements));
  }

  private boolean mayReview(Engineer person, String candidateId, String assessorId, Set<String> others) {
    try {
      reviewPolicy.checkReviewer(person, candidateId, assessorId, others);
      return true;
    } catch (RuleViolation notEligible) {
      return false;
    }
  }
}
