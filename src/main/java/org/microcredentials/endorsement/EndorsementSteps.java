package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.APPROVED;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.JUSTIFICATION_HISTORY;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.REVIEW_DECISION;
import static org.microcredentials.review.ReviewRoundProcess.Variables.REVIEW_COMMENT;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.RuleViolation;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.FourEyes;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Holder;
import org.springframework.stereotype.Service;

/**
 * The steps of an endorsement after its start ({@link EndorsementIntake}): a reviewer decides, the endorser gives
 * further justification, an approved endorsement yields its credential. Each checks its step's rules and records in
 * the endorsement's row what was decided; who endorsed whom, for what, comes from that row, never from a variable.
 * The listeners on the endorsement's tasks read the form, call one step, and keep on the instance what the next
 * steps, forms and mails read.
 */
@Service
class EndorsementSteps {

  /** The justification rounds after a reviewer asked for one more: how many, and every one as the reviewer reads it. */
  record Justification(int rounds, String history) {
  }

  /** What a review decided: approved (or withdrawn), or a question to the endorser. */
  record Reviewed(EndorsementRegister.Endorsement endorsement, boolean approved, Optional<Justification> asked,
      String decision) {

    /** The endorsement's facts as kept, the decision, and the rounds so far after a question or else the outcome. */
    void showOn(VariableScope scope) {
      EndorsementRegister.restoreFacts(scope, endorsement);
      REVIEW_DECISION.on(scope, decision);
      asked.ifPresentOrElse(question -> JUSTIFICATION_HISTORY.on(scope, question.history()),
          () -> APPROVED.on(scope, approved));
    }
  }

  /** The endorser's answer added: every round so far, as the reviewer's form shows them. */
  record Justified(EndorsementRegister.Endorsement endorsement, String history) {

    /** The facts as kept and every round so far; the reviewer's next form starts with a fresh decision. */
    void showOn(VariableScope scope) {
      EndorsementRegister.restoreFacts(scope, endorsement);
      JUSTIFICATION_HISTORY.on(scope, history);
      scope.removeVariable(REVIEW_DECISION.name());
      scope.removeVariable(REVIEW_COMMENT.name());
    }
  }

  private final EndorsementRegister endorsements;
  private final Organisation organisation;
  private final EndorsementPolicy policy;
  private final CredentialRegister credentials;
  private final EndorsementsBegunEarlier begunEarlier;
  private final Clock clock;

  EndorsementSteps(EndorsementRegister endorsements, Organisation organisation, EndorsementPolicy policy,
      CredentialRegister credentials, EndorsementsBegunEarlier begunEarlier, Clock clock) {
    this.endorsements = endorsements;
    this.organisation = organisation;
    this.policy = policy;
    this.credentials = credentials;
    this.begunEarlier = begunEarlier;
    this.clock = clock;
  }

  /**
   * Refuses a person who may not review this endorsement (not an engineer of the organisation, below the reviewer's
   * level, its endorser or its candidate); the endorsement, as kept. Asked when the review is held and when it is done.
   */
  EndorsementRegister.Endorsement requireReviewer(String businessKey, String person) {
    Engineer reviewer = organisation.find(person).orElseThrow(() -> RuleViolation.forbidden("reviewer-level",
        person + " is not an engineer of the organisation and may not review an endorsement."));
    EndorsementRegister.Endorsement endorsement = endorsements.endorsement(businessKey);
    policy.checkReviewer(reviewer, endorsement.endorserId(), endorsement.candidateId());
    return endorsement;
  }

  /** Refuses anyone but the endorser the endorser's task (further justification); the endorsement, as kept. */
  EndorsementRegister.Endorsement requireEndorser(String businessKey, String person) {
    EndorsementRegister.Endorsement endorsement = endorsements.endorsement(businessKey);
    Holder.ENDORSER.require(person, endorsement.endorserId());
    return endorsement;
  }

  /**
   * Who never sees a task of the endorsement: from the one its model gives to {@link Holder#ENDORSEMENT_REVIEWER},
   * its endorser and its candidate ({@link #hiddenFromReview}); from any other, nobody, and the business key is not
   * even asked (a task may be one outside any process).
   */
  List<String> hiddenFromTask(Optional<Holder> holder, Supplier<String> businessKey) {
    return holder.orElse(null) == Holder.ENDORSEMENT_REVIEWER ? hiddenFromReview(businessKey.get()) : List.of();
  }

  /** Who never sees the endorsement's review: its endorser and its candidate. */
  List<String> hiddenFromReview(String businessKey) {
    EndorsementRegister.Endorsement endorsement = endorsements.endorsement(businessKey);
    return FourEyes.hiddenFromEndorsementReview(endorsement.endorserId(), endorsement.candidateId());
  }

  /**
   * A reviewer approves, asks the endorser for further justification, or withdraws the endorsement; a question and a
   * withdrawal say why ({@code comment}).
   */
  Reviewed review(EndorsementInstance instance, String actor, String decision, Optional<String> comment) {
    String businessKey = instance.businessKey();
    EndorsementRegister.Endorsement endorsement = requireReviewer(businessKey, actor);
    // Begun on an earlier release: its row gets the evidence and rounds before this decision adds to it.
    begunEarlier.completeRecord(instance);
    switch (decision) {
      case EndorsementProcess.Decisions.REQUEST_JUSTIFICATION -> {
        String question = required(comment, "what further justification you need");
        int round = endorsement.justificationRounds() + 1;
        endorsements.recordJustificationRequested(businessKey);
        String history = endorsements.appendJustificationHistory(businessKey,
            "Round " + round + ", " + actor + " asked: " + question);
        return new Reviewed(endorsement, false, Optional.of(new Justification(round, history)), decision);
      }
      case EndorsementProcess.Decisions.WITHDRAW -> {
        required(comment, "why the endorsement is withdrawn");
        endorsements.recordOutcome(businessKey, EndorsementRegister.Status.WITHDRAWN, actor, clock.instant());
        return new Reviewed(endorsement, false, Optional.empty(), decision);
      }
      case EndorsementProcess.Decisions.APPROVE -> {
        endorsements.recordApproval(businessKey, actor, clock.instant());
        return new Reviewed(endorsement, true, Optional.empty(), decision);
      }
      default -> throw RuleViolation.invalid("review-decision",
          "'reviewDecision' must be one of approve, request-justification or withdraw, not '" + decision + "'.");
    }
  }

  /** The endorser answers the reviewer's question: one more round, kept with the others. */
  Justified justify(EndorsementInstance instance, String actor, String added) {
    String businessKey = instance.businessKey();
    EndorsementRegister.Endorsement endorsement = requireEndorser(businessKey, actor);
    // Begun on an earlier release: the rounds it kept in the instance come first in the row.
    begunEarlier.completeRecord(instance);
    String history = endorsements.appendJustificationHistory(businessKey,
        "Round " + endorsement.justificationRounds() + ", " + actor + " added: " + added);
    return new Justified(endorsement, history);
  }

  /**
   * An approved endorsement yields its credential (source ENDORSEMENT; the endorser as assessor, the reviewer as
   * reviewer) and is closed as approved. The register answers the credential already issued for this business key, so
   * a step run again never issues twice.
   */
  Credential issueCredential(EndorsementInstance instance) {
    String businessKey = instance.businessKey();
    // An endorsement begun on a release before its record held the evidence and the approval gets them
    // from the engine's history first (EndorsementsBegunEarlier); approved there, it came here through the
    // review's approval.
    if (begunEarlier.completeRecord(instance) && endorsements.approved(businessKey).isEmpty()) {
      begunEarlier.recordEarlierApproval(instance, clock.instant());
    }
    // Everything the credential says comes from the endorsement's record, and only an endorsement
    // a reviewer approved, still open, yields one: a process that reached this step any other way
    // (started part-way by an administrator, say) fails here, an incident in Cockpit.
    EndorsementRegister.Endorsement endorsement = endorsements.endorsement(businessKey);
    EndorsementRegister.Approved approved = endorsements.approved(businessKey).orElseThrow(() -> new IllegalStateException(
        "Endorsement " + businessKey + " is " + endorsement.status() + " without a recorded approval: no credential."));
    String history = approved.justificationHistory();
    Credential credential = credentials.issue(new CredentialRegister.Issue(
        businessKey,
        endorsement.candidateId(),
        endorsement.skillCode(),
        endorsement.skillLevel(),
        endorsement.score(),
        CredentialSource.ENDORSEMENT,
        endorsement.endorserId(),
        List.of(approved.reviewerId()),
        endorsements.frameworkVersion(businessKey),
        history == null || history.isBlank() ? approved.evidenceSummary() : approved.evidenceSummary() + "\n" + history,
        policy.minimumScore()));
    endorsements.recordOutcome(businessKey, EndorsementRegister.Status.APPROVED, approved.reviewerId(), clock.instant());
    return credential;
  }

  private static String required(Optional<String> comment, String what) {
    return comment.orElseThrow(() -> RuleViolation.invalid("required-reviewComment",
        "'reviewComment' is required: say " + what + "."));
  }
}
