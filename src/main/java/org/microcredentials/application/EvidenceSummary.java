package org.microcredentials.application;

/** The impact statement as a credential keeps it: problem, actions taken, measurable results, links. */
public final class EvidenceSummary {

  private EvidenceSummary() {
  }

  public static String of(EvidenceHistory.Evidence evidence) {
    StringBuilder summary = new StringBuilder()
        .append("Problem: ").append(evidence.problem()).append('\n')
        .append("Actions: ").append(evidence.actions()).append('\n')
        .append("Results: ").append(evidence.results());
    if (evidence.links() != null && !evidence.links().isBlank()) {
      summary.append('\n').append("Links: ").append(evidence.links());
    }
    return summary.toString();
  }
}
