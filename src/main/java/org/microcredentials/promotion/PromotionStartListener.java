package org.microcredentials.promotion;

import static org.microcredentials.promotion.PromotionApplicationProcess.Variables.*;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.RuleViolation;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.framework.Seniority;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Start of {@code PromotionApplicationProcess}: the authenticated user is the candidate; the start
 * takes {@code targetLevel} and an optional {@code statement}, nothing else (a variable such as
 * {@code skillCode} sent at the start would stand where the promotion's own steps look); every rule
 * is checked before anything is kept; the instance gets the application's business key.
 */
@Component
class PromotionStartListener extends RuleCheckingExecutionListener {

  private static final Set<String> START_VARIABLES = Set.of(TARGET_LEVEL, STATEMENT);

  private final Actors actors;
  private final PromotionIntake intake;
  private final PromotionTexts texts;
  private final ParticipantAccess access;
  private final Clock clock;

  PromotionStartListener(Actors actors, PromotionIntake intake, PromotionTexts texts, ParticipantAccess access, Clock clock) {
    this.actors = actors;
    this.intake = intake;
    this.texts = texts;
    this.access = access;
    this.clock = clock;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String candidateId = actors.requireCurrentUser("apply for promotion");
    Set<String> unknown = execution.getVariableNames().stream().filter(name -> !START_VARIABLES.contains(name))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    if (!unknown.isEmpty()) {
      throw RuleViolation.invalid("promotion-start-variables",
          "A promotion application starts with 'targetLevel' and an optional 'statement' only, not " + unknown + ".");
    }
    VariableReader input = VariableReader.of(execution);
    int targetLevel = input.requiredWholeNumber(TARGET_LEVEL, Seniority.LOWEST, Seniority.HIGHEST);
    String statement = input.optionalText(STATEMENT).orElse(null);

    PromotionIntake.Accepted accepted = intake.accept(candidateId, targetLevel, statement, clock.instant());

    execution.setProcessBusinessKey(accepted.businessKey());
    execution.setVariable(CANDIDATE_ID, candidateId);
    execution.setVariable(CANDIDATE_NAME, accepted.candidate().displayName());
    execution.setVariable(CURRENT_LEVEL, accepted.candidate().seniorityLevel());
    execution.setVariable(TARGET_LEVEL, targetLevel);
    execution.setVariable(STATEMENT, statement == null ? "" : statement);
    execution.setVariable(REQUIRED_SKILLS, texts.requiredSkills(accepted.requiredSkills()));
    execution.setVariable(EXISTING_CREDENTIALS, texts.credentials(accepted.validForPromotion()));
    access.letFollow(execution, candidateId);
  }
}
