package org.microcredentials.review;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.RuleViolation;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Holder;
import org.microcredentials.process.ProcessVariable;
import org.microcredentials.process.TaskHolder;
import org.microcredentials.process.VariableReader;
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

    /** The score a form holds in {@code score} and {@code justification}, with its improvement areas: read in that order. */
    static Score read(VariableReader form, ProcessVariable<Integer> score, ProcessVariable<String> justification) {
      int value = form.requiredWholeNumber(score, ScorePolicy.LOWEST_SCORE, ScorePolicy.HIGHEST_SCORE);
      return new Score(value, form.requiredText(justification), form.optionalText(IMPROVEMENT_AREAS));
    }
  }

  /**
   * The assessor's form ({@code Task_AssessEvidence}, {@code Task_ReassessEvidence}), each field read when the step's
   * rules come to it: whether more evidence is asked for first; then, asking, the request after the assessor's rule;
   * scoring, the score before it.
   */
  public interface AssessmentForm {

    boolean moreEvidenceRequested();

    /** What the candidate is asked to provide; required where more evidence is requested. */
    String evidenceRequest();

    Score score();

    static AssessmentForm of(VariableScope execution) {
      VariableReader form = VariableReader.of(execution);
      return new AssessmentForm() {
        @Override
        public boolean moreEvidenceRequested() {
          return form.optionalBoolean(MORE_EVIDENCE_REQUESTED, false);
        }

        @Override
        public String evidenceRequest() {
          return form.requiredText(EVIDENCE_REQUEST);
        }

        @Override
        public Score score() {
          return Score.read(form, SCORE, JUSTIFICATION);
        }
      };
    }
  }

  /** What the assessor decided: more evidence asked for (no score), or the score a new round of peer review starts from. */
  public record Assessed(boolean moreEvidenceRequested, Integer score) {

    /**
     * Keeps on the instance what the round's gateways, forms and mails read after the assessment. A new round of peer
     * review and moderation starts from nothing: an earlier round's review log (kept by earlier releases only;
     * ReviewsLoggedEarlier and PeerReviewers read it) and its summary for the moderator are emptied where they exist.
     * Today's rounds write no log, and the summary only when a reviewer disagrees.
     */
    void keepOn(VariableScope execution, PeerReviewLog peerReviewLog) {
      VariableReader form = VariableReader.of(execution);
      form.keepAs(MORE_EVIDENCE_REQUESTED, moreEvidenceRequested);
      if (moreEvidenceRequested) {
        return;
      }
      form.keepAs(SCORE, score);
      if (execution.hasVariable(PEER_REVIEWS.name())) {
        peerReviewLog.write(execution, PEER_REVIEWS, List.of());
      }
      if (execution.hasVariable(PEER_REVIEW_SUMMARY.name())) {
        PEER_REVIEW_SUMMARY.on(execution, "");
      }
      execution.removeVariable(MODERATION_JUSTIFICATION.name());
    }
  }

  /** The moderated score, final, and whether it passes. */
  public record Moderated(int finalScore, boolean passed) {

    /** Keeps the outcome clients and the round's mails read. */
    void keepOn(VariableScope execution) {
      FINAL_SCORE.on(execution, finalScore);
      PASSED.on(execution, passed);
    }
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
    return reviewPolicy.eligibleAssessors(organisation, application.candidateId(), application.skillLevel());
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

  /**
   * The assessor decides on the evidence: asks the candidate for more ({@link #askForMoreEvidence}), or scores it
   * ({@link #assess}).
   */
  public Assessed decideOnEvidence(String businessKey, String actor, AssessmentForm form) {
    if (form.moreEvidenceRequested()) {
      askForMoreEvidence(businessKey, actor);
      form.evidenceRequest();
      return new Assessed(true, null);
    }
    Score assessment = form.score();
    assess(businessKey, actor, assessment);
    return new Assessed(false, assessment.score());
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

  /** The assessor sets the final score where the reviewers disagreed ({@code finalScore}, {@code moderationJustification}). */
  public Moderated moderate(String businessKey, String actor, Score moderation) {
    TaskHolder.require(actor, assessorOf(businessKey), "assessor-moderates", "the assessor");
    scorePolicy.checkImprovementAreas(moderation.score(), moderation.improvementAreas());
    applications.recordModeration(businessKey, moderation.score(), moderation.justification(),
        moderation.improvementAreas().orElse(null));
    return new Moderated(moderation.score(), scorePolicy.passes(moderation.score()));
  }

  /** Keeps the assessor as the round's forms and mails name them: {@code assessorId}, {@code assessorName}. */
  static void nameAssessor(VariableScope execution, Engineer assessor) {
    // The assignment's form sent this very id: written again, it would be one more variable update and its history.
    VariableReader.of(execution).keepAs(ASSESSOR_ID, assessor.userId());
    ASSESSOR_NAME.on(execution, assessor.displayName());
  }

  private String assessorOf(String businessKey) {
    return applications.application(businessKey).assessorId();
  }
}
