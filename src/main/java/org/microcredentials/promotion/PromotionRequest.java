package org.microcredentials.promotion;

import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.*;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.RuleViolation;
import org.microcredentials.framework.Seniority;
import org.microcredentials.process.VariableReader;

/**
 * What a candidate sends to start a promotion application: {@code targetLevel} and an optional {@code statement},
 * nothing else ({@code promotion-start-variables}: a variable such as {@code skillCode} sent at the start would stand
 * where the promotion's own steps look). {@code process/StartInputsFilter} holds every start to its form through
 * REST and Tasklist; this holds the promotion's for the Java API too.
 */
record PromotionRequest(int targetLevel, Optional<String> statement) {

  private static final Set<String> START_VARIABLES = Set.of(TARGET_LEVEL.name(), STATEMENT.name());

  static PromotionRequest of(VariableScope sent) {
    Set<String> unknown = new TreeSet<>(sent.getVariableNames());
    unknown.removeAll(START_VARIABLES);
    if (!unknown.isEmpty()) {
      throw RuleViolation.invalid("promotion-start-variables",
          "A promotion application starts with 'targetLevel' and an optional 'statement' only, not " + unknown + ".");
    }
    VariableReader input = VariableReader.of(sent);
    return new PromotionRequest(input.requiredWholeNumber(TARGET_LEVEL, Seniority.LOWEST, Seniority.HIGHEST),
        input.optionalText(STATEMENT));
  }
}
