package org.microcredentials.submission;

import static org.microcredentials.submission.SelfSubmissionProcess.Variables.*;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The impact statement as a credential keeps it: problem, actions taken, measurable results, links. */
final class EvidenceSummary {

  private EvidenceSummary() {
  }

  static String of(VariableScope scope) {
    StringBuilder summary = new StringBuilder()
        .append("Problem: ").append(scope.getVariable(IMPACT_PROBLEM)).append('\n')
        .append("Actions: ").append(scope.getVariable(IMPACT_ACTIONS)).append('\n')
        .append("Results: ").append(scope.getVariable(IMPACT_RESULTS));
    Object links = scope.getVariable(EVIDENCE_LINKS);
    if (links != null && !links.toString().isBlank()) {
      summary.append('\n').append("Links: ").append(links);
    }
    return summary.toString();
  }
}
