package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.JUSTIFICATION;

import java.util.function.Function;
import org.microcredentials.credential.ImpactStatement;

/**
 * The endorser's statement as the endorsement's record keeps it and its credential carries it: the evidence
 * ({@link ImpactStatement}'s fields) and the endorser's justification, as given at the start.
 */
final class EndorserStatement {

  private EndorserStatement() {
  }

  /** The statement from the endorser's values as given at the start, whatever holds them (the instance, its history). */
  static String of(Function<String, Object> asStarted, String endorserId) {
    StringBuilder summary = new StringBuilder()
        .append("Problem: ").append(asStarted.apply(ImpactStatement.PROBLEM.name())).append('\n')
        .append("Actions: ").append(asStarted.apply(ImpactStatement.ACTIONS.name())).append('\n')
        .append("Results: ").append(asStarted.apply(ImpactStatement.RESULTS.name()));
    Object links = asStarted.apply(ImpactStatement.LINKS.name());
    if (links != null && !links.toString().isBlank()) {
      summary.append('\n').append("Links: ").append(links);
    }
    summary.append('\n').append("Endorsed by ").append(endorserId).append(": ")
        .append(asStarted.apply(JUSTIFICATION.name()));
    return summary.toString();
  }
}
