package org.microcredentials.reliability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One piece of work an earlier release leaves waiting at a person's step, and how its people finish it:
 * who applies (or endorses, or asks), for what, and what each of them decides at each step. The
 * decisions are the plan of the whole flow, before and after the upgrade alike: {@link UpgradeDriver}
 * follows it, whichever release runs the step.
 */
final class UpgradeCase {

  enum Kind { SELF_SUBMISSION, ENDORSEMENT, ENDORSEMENT_REQUEST, PROMOTION }

  final Kind kind;
  final String candidate;
  final String skill;
  final int level;
  /** Self-submissions and promotions: the assessor the SEM team assigns. Endorsements: the endorser or leader asked. */
  final String counterpart;
  /** The step it is left waiting at; null: run through on the earlier release (a credential issued before). */
  String waitsAt;
  /** The end event the flow must reach, e.g. {@code EndEvent_CredentialIssued}. */
  String expectedEnd;
  /** A credential for the candidate's skill and level at the end. */
  boolean credentialExpected = true;

  // The plan.
  boolean moreEvidenceFirst;
  int firstScore = 9;
  boolean firstReviewerDisagrees;
  boolean resubmit = true;
  /** Who the SEM team hands overdue work to. */
  String replacement;
  /** The endorsement reviewer's decisions, in order; the last one repeats. */
  List<String> reviewDecisions = List.of("approve");
  boolean acceptRequest = true;
  boolean promote = true;
  /** Before the upgrade, once at the waiting step: completes one of two peer reviews, or fires the SLA timers. */
  java.util.function.BiConsumer<UpgradeDriver, UpgradeCase> atTheStep;

  String businessKey;
  String release;
  /** Completed steps per task key: the plan's n-th decision. */
  final Map<String, Integer> completed = new HashMap<>();

  UpgradeCase(Kind kind, String candidate, String skill, int level, String counterpart) {
    this.kind = kind;
    this.candidate = candidate;
    this.skill = skill;
    this.level = level;
    this.counterpart = counterpart;
    this.expectedEnd = switch (kind) {
      case SELF_SUBMISSION -> "EndEvent_CredentialIssued";
      case ENDORSEMENT -> "EndEvent_EndorsementApproved";
      case ENDORSEMENT_REQUEST -> "EndEvent_EndorsementConcluded";
      case PROMOTION -> "EndEvent_PromotionDecided";
    };
  }

  UpgradeCase waitingAt(String step) {
    this.waitsAt = step;
    return this;
  }

  UpgradeCase askingForMoreEvidenceFirst() {
    this.moreEvidenceFirst = true;
    return this;
  }

  UpgradeCase scoredFirst(int score) {
    this.firstScore = score;
    return this;
  }

  UpgradeCase firstReviewerDisagreeing() {
    this.firstReviewerDisagrees = true;
    return this;
  }

  /** The candidate lets a failed application go instead of resubmitting it. */
  UpgradeCase lettingGo() {
    this.resubmit = false;
    return ending("EndEvent_ApplicationLetGo", false);
  }

  UpgradeCase reassignedTo(String person) {
    this.replacement = person;
    return this;
  }

  UpgradeCase reviewed(String... decisions) {
    this.reviewDecisions = List.of(decisions);
    return this;
  }

  UpgradeCase declined() {
    this.acceptRequest = false;
    return ending("EndEvent_RequestDeclined", false);
  }

  UpgradeCase notPromoted() {
    this.promote = false;
    return this;
  }

  UpgradeCase then(java.util.function.BiConsumer<UpgradeDriver, UpgradeCase> action) {
    this.atTheStep = action;
    return this;
  }

  UpgradeCase ending(String endEvent, boolean credential) {
    this.expectedEnd = endEvent;
    this.credentialExpected = credential;
    return this;
  }

  int completions(String taskKey) {
    return completed.getOrDefault(taskKey, 0);
  }

  @Override
  public String toString() {
    return kind + " " + candidate + " " + (kind == Kind.PROMOTION ? "to level " + level : skill + ":" + level)
        + " (" + counterpart + ")"
        + (waitsAt == null ? " run through" : " waiting at " + waitsAt) + " on " + release
        + (businessKey == null ? "" : " " + businessKey);
  }
}
