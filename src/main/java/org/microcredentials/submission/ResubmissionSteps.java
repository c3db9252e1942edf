package org.microcredentials.submission;

import static org.microcredentials.review.ReviewRoundProcess.Variables.*;
import static org.microcredentials.submission.ResubmissionProcess.Variables.*;

import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.TaskHolder;
import org.microcredentials.process.VariableReader;
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

  /** What the candidate's answer leaves the next round: what changed, for the re-assessment's form; none when let go. */
  record Amended(Optional<String> changes) {

    /** After a resubmission, the changes, and a next round that asks for no more evidence yet. */
    void showOn(VariableScope scope) {
      changes.ifPresent(shown -> {
        CHANGES_SINCE_LAST_ASSESSMENT.on(scope, shown);
        MORE_EVIDENCE_REQUESTED.on(scope, false);
      });
    }
  }

  /**
   * The candidate answers the failed round: resubmits the amended evidence ({@link #resubmit}), read from the form only
   * then and before the candidate is checked, or lets the application go ({@link #letGo}).
   */
  Amended amend(String businessKey, String actor, boolean resubmit, Supplier<EvidenceHistory.Evidence> amended) {
    if (!resubmit) {
      letGo(businessKey, actor);
      return new Amended(Optional.empty());
    }
    return new Amended(Optional.of(resubmit(businessKey, actor, amended.get())));
  }

  /** The amended evidence as the form sends it: the candidate's note on the amendments, then a complete statement. */
  static EvidenceHistory.Evidence amendedAsSent(VariableScope sent) {
    String amendments = VariableReader.of(sent).requiredText(AMENDMENTS);
    ImpactStatement.required(sent);
    return EvidenceHistory.Evidence.of(sent, amendments);
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
