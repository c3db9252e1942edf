package org.microcredentials.submission;

import static org.microcredentials.submission.SelfSubmissionProcess.Variables.*;

import org.camunda.bpm.engine.delegate.VariableScope;

/** The justification the candidate receives: the moderator's where the score was moderated. */
final class Outcome {

  private Outcome() {
  }

  static String justification(VariableScope scope) {
    Object moderated = scope.getVariable(MODERATION_JUSTIFICATION);
    return moderated != null ? (String) moderated : (String) scope.getVariable(JUSTIFICATION);
  }
}
