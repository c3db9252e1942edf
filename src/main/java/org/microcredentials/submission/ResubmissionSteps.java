package org.microcredentials.submission;

import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.process.TaskHolder;
import org.springframework.stereotype.Service;

/**
 * The candidate's answer to a failed round, as the application records it: let the application go, or amend the
 * evidence and resubmit, which opens the next round. Only the candidate answers, as the application's row names them.
 */
@Service
public class ResubmissionSteps {

  private final ApplicationRegister applications;
  private final EvidenceHistory evidenceHistory;

  ResubmissionSteps(ApplicationRegister applications, EvidenceHistory evidenceHistory) {
    this.applications = applications;
    this.evidenceHistory = evidenceHistory;
  }

  /** The candidate lets the application go. */
  public void letGo(String businessKey, String actor) {
    requireCandidate(businessKey, actor);
  }

  /**
   * The candidate resubmits the amended evidence: it is recorded as a new version and the next round opens; what
   * changed since the version the assessor last scored, for the re-assessment's form.
   */
  public String resubmit(String businessKey, String actor, EvidenceHistory.Evidence amended) {
    requireCandidate(businessKey, actor);
    EvidenceHistory.Evidence before = applications.assessedEvidenceVersion(businessKey)
        .flatMap(version -> evidenceHistory.version(businessKey, version)).orElse(null);
    evidenceHistory.record(businessKey, amended);
    applications.startNextRound(businessKey);
    return before == null ? "The candidate's note: " + amended.amendments() : EvidenceHistory.changes(before, amended);
  }

  private void requireCandidate(String businessKey, String actor) {
    TaskHolder.require(actor, applications.application(businessKey).candidateId(), "candidate-amends", "the candidate");
  }
}
