package org.microcredentials.credential;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.process.ProcessVariable;
import org.microcredentials.process.VariableReader;

/**
 * The impact statement, the evidence a credential carries: the problem, the actions taken and the
 * measurable results, all three required, and links to further evidence, optional. The one place
 * that says so and names its fields: every step that takes a statement (a self-submission's start,
 * more evidence, an amendment, a promotion's evidence, an endorsement's start) reads it here, and
 * every process that carries a statement names its variables with these constants.
 */
public record ImpactStatement(String problem, String actions, String results, Optional<String> links) {

  public static final ProcessVariable<String> PROBLEM = ProcessVariable.text("impactProblem");
  public static final ProcessVariable<String> ACTIONS = ProcessVariable.text("impactActions");
  public static final ProcessVariable<String> RESULTS = ProcessVariable.text("impactResults");
  public static final ProcessVariable<String> LINKS = ProcessVariable.text("evidenceLinks");

  /**
   * The statement as a person sent it, checked field by field in the order of the forms; a missing
   * part is refused (400 {@code required-impactProblem} and so on), as is text that is not text or too long.
   */
  public static ImpactStatement required(VariableScope sent) {
    VariableReader input = VariableReader.of(sent);
    String problem = input.requiredText(PROBLEM);
    String actions = input.requiredText(ACTIONS);
    String results = input.requiredText(RESULTS);
    return new ImpactStatement(problem, actions, results, input.optionalText(LINKS));
  }

  /**
   * The statement as a credential carries it and a record keeps it, a part a line: "Problem: ...", "Actions: ...",
   * "Results: ..." and, when there are any, "Links: ...".
   */
  public String summary() {
    StringBuilder summary = new StringBuilder()
        .append("Problem: ").append(problem).append('\n')
        .append("Actions: ").append(actions).append('\n')
        .append("Results: ").append(results);
    links.filter(link -> !link.isBlank()).ifPresent(link -> summary.append('\n').append("Links: ").append(link));
    return summary.toString();
  }
}
