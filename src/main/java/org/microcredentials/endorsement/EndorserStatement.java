package org.microcredentials.endorsement;

import static org.microcredentials.review.ReviewRoundProcess.Variables.JUSTIFICATION;

import java.util.Optional;
import java.util.function.Function;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.ProcessVariable;

/**
 * The endorser's statement as the endorsement's record keeps it and its credential carries it: the evidence
 * ({@link ImpactStatement}'s fields) and the endorser's justification, as given at the start.
 */
final class EndorserStatement {

  private EndorserStatement() {
  }

  /** The statement from the endorser's values as given at the start, whatever holds them (the instance, its history). */
  static String of(Function<String, Object> asStarted, String endorserId) {
    ImpactStatement evidence = new ImpactStatement(given(asStarted, ImpactStatement.PROBLEM),
        given(asStarted, ImpactStatement.ACTIONS), given(asStarted, ImpactStatement.RESULTS),
        Optional.ofNullable(asStarted.apply(ImpactStatement.LINKS.name())).map(Object::toString));
    return evidence.summary() + "\nEndorsed by " + endorserId + ": " + given(asStarted, JUSTIFICATION);
  }

  private static String given(Function<String, Object> asStarted, ProcessVariable<String> variable) {
    return String.valueOf(asStarted.apply(variable.name()));
  }
}
