package org.microcredentials.review;

import java.util.List;
import java.util.Optional;
import org.microcredentials.RuleViolation;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Holder;
import org.microcredentials.process.TaskHolder;
import org.springframework.stereotype.Service;

/**
 * The steps of a review round as people take them: each one checks the rules of its step and records in the
 * application's row what was decided. Who is who comes from that row, never from a variable. The listeners on the
 * round's tasks read the form, call one step, and keep on the instance what the next steps and forms read.
 */
@Service
public class ReviewRoundSteps {

  /** A score out of 10 with its justification and, below the pass mark, what to improve. */
  public record Score(int score, String justification, Optional<String> improvementAreas) {
  }

  private final ApplicationRegister applications;
  private final Organisation organisation;
  private final ReviewPolicy reviewPolicy;
  private final AssignmentPolicy assignmentPolicy;
  private final ScorePolicy scorePolicy;
  private final EvidenceHistory evidenceHistory;
  private final ReviewsLoggedEarlier loggedEarlier;

  ReviewRoundSteps(ApplicationRegister applications, Organisation organisation, ReviewPolicy reviewPolicy,
      AssignmentPolicy assignmentPolicy, ScorePolicy scorePolicy, EvidenceHistory evidenceHistory,
      ReviewsLoggedEarlier loggedEarlier) {
    this.loggedEarlier = loggedEarlier;
    this.applications = applications;
    this.organisation = organisation;
    this.reviewPolicy = reviewPolicy;
    this.assignmentPolicy = assignmentPolicy;
    this.scorePolicy = scorePolicy;
    this.evidenceHistory = evidenceHistory;
  }

  /** Who may assess the application: the people the SEM team picks the assessor from. */
  public List<Engineer> eligibleAssessors(String businessKey) {
    ApplicationRegister.Application application = applications.application(businessKey);
    // Only the engineers senior enough to assess are read, not the whole organisation; the rules then decide on each.
    return reviewPolicy.eligibleAssessors(organisation.allFromLevel(reviewPolicy.lowestAssessorLevel(application.skillLevel())),
        application.candidateId(), application.skillLevel());
  }

  /** A SEM-team member assigns an eligible assessor; the assessor, as the organisation knows them. */
  public Engineer assignAssessor(String businessKey, String actor, String assessorId) {
    ApplicationRegister.Application application = applications.application(businessKey);
    assignmentPolicy.checkAssigner(actor, application.candidateId());
    Engineer assessor = organisation.find(assessorId).orElseThrow(() -> RuleViolation.invalid("assessor-eligible",
        "'assessorId': '" + assessorId + "' is not an engineer of the organisation; pick one of the eligible assessors."));
    reviewPolicy.checkAssessor(assessor, application.candidateId(), application.skillLevel());
    applications.assignAssessor(businessKey, assessorId);
    return assessor;
  }

  /** The assessor asks the candidate for more evidence: what is asked stays on the instance for the candidate's form. */
  public void askForMoreEvidence(String businessKey, String actor) {
    Holder.ASSESSOR.require(actor, assessorOf(businessKey));
    // Amended on an earlier release, which left the status for its issuing step: the re-assessment opens the round.
    loggedEarlier.openRoundAmendedEarlier(businessKey);
  }

  /** The assessor scores the evidence. A new round of peer review starts from it. */
  public void assess(String businessKey, String actor, Score assessment) {
    Holder.ASSESSOR.require(actor, assessorOf(businessKey));
    loggedEarlier.openRoundAmendedEarlier(businessKey);
    scorePolicy.checkImprovementAreas(assessment.score(), assessment.improvementAreas());
    applications.recordAssessment(businessKey, assessment.score(), assessment.justification(),
        assessment.improvementAreas().orElse(null));
  }

  /** The candidate gives evidence: a promotion's skill its first, or more where the assessor asked for it. */
  public void provideEvidence(String businessKey, String actor, EvidenceHistory.Evidence evidence) {
    Holder.CANDIDATE.require(actor, applications.application(businessKey).candidateId());
    evidenceHistory.record(businessKey, evidence);
  }

  /** The assessor sets the final score where the reviewers disagreed; whether it passes. */
  public boolean moderate(String businessKey, String actor, Score moderation) {
    TaskHolder.require(actor, assessorOf(businessKey), "assessor-moderates", "the assessor");
    scorePolicy.checkImprovementAreas(moderation.score(), moderation.improvementAreas());
    applications.recordModeration(businessKey, moderation.score(), moderation.justification(),
        moderation.improvementAreas().orElse(null));
    return scorePolicy.passes(moderation.score());
  }

  private String assessorOf(String businessKey) {
    return applications.application(businessKey).assessorId();
  }
}
