package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.process.Actors;
import org.microcredentials.process.Holder;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ProvideJustification}: the endorser answers the reviewer's question.
 * Every round is kept in {@code justificationHistory}, which the reviewer's form shows.
 */
@Component
class JustificationProvidedListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final EndorsementRegister endorsements;
  private final EndorsementsBegunEarlier begunEarlier;

  JustificationProvidedListener(Actors actors, EndorsementRegister endorsements, EndorsementsBegunEarlier begunEarlier) {
    this.actors = actors;
    this.endorsements = endorsements;
    this.begunEarlier = begunEarlier;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String actor = actors.completingUser(execution, "Provide further justification");
    EndorsementRegister.Endorsement endorsement = endorsements.endorsement(execution.getProcessBusinessKey());
    Holder.ENDORSER.require(actor, endorsement.endorserId());
    // Begun on an earlier release: the rounds it kept in the instance come first in the row.
    begunEarlier.completeRecord(execution);
    EndorsementRegister.restoreFacts(execution, endorsement);
    String added = VariableReader.of(execution).requiredText(ADDITIONAL_JUSTIFICATION);
    int round = endorsement.justificationRounds();
    execution.setVariable(JUSTIFICATION_HISTORY, endorsements.appendJustificationHistory(execution.getProcessBusinessKey(),
        "Round " + round + ", " + actor + " added: " + added));
    // The reviewer's next form starts with a fresh decision.
    execution.removeVariable(REVIEW_DECISION);
    execution.removeVariable(REVIEW_COMMENT);
  }
}
