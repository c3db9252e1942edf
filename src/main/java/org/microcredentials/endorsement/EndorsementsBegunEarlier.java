package org.microcredentials.endorsement;

import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.JUSTIFICATION;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.microcredentials.credential.ImpactStatement;
import org.springframework.stereotype.Component;

/**
 * Endorsements begun on a release before the endorsement's record held its facts (migration V6 added the
 * evidence, the justification history and the approval to the {@code endorsement} row; earlier releases
 * kept them in process variables only). The issuing step reads the row alone, so such an endorsement,
 * under review during the upgrade, could never be issued. Its row is completed here, once, at the first
 * step the current build runs for it (the review's or the justification's completion, or the issuing).
 *
 * <p>Code, not a migration: the facts are in the engine's history, which only the engine's API reads
 * (Flyway runs before the engine exists, and on a new database before its tables do). The values taken
 * are those the history recorded first, at the start, as the endorser gave them: a later task completion
 * that sent the same variable names changes nothing, as the row's intent is. The justification rounds
 * are the history's latest value before this step (the earlier release appended every round to it).
 */
@Component
class EndorsementsBegunEarlier {

  private static final Set<String> STATEMENT = Set.of(ImpactStatement.PROBLEM.name(), ImpactStatement.ACTIONS.name(),
      ImpactStatement.RESULTS.name(), ImpactStatement.LINKS.name(), JUSTIFICATION.name());

  private final EndorsementRegister endorsements;
  private final HistoryService history;

  EndorsementsBegunEarlier(EndorsementRegister endorsements, HistoryService history) {
    this.endorsements = endorsements;
    this.history = history;
  }

  /**
   * Completes the row of an endorsement begun before it held its evidence; answers whether it was one.
   * An endorsement begun on this release (its evidence recorded at the start) is left as it is.
   */
  boolean completeRecord(EndorsementInstance instance) {
    String businessKey = instance.businessKey();
    if (endorsements.hasRecordedEvidence(businessKey)) {
      return false;
    }
    List<HistoricDetail> updates = history.createHistoricDetailQuery().processInstanceId(instance.processInstanceId())
        .variableUpdates().orderByTime().asc().orderPartiallyByOccurrence().asc().list();
    Map<String, Object> asStarted = new HashMap<>();
    String justificationHistory = "";
    for (HistoricDetail detail : updates) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      if (STATEMENT.contains(update.getVariableName())) {
        asStarted.putIfAbsent(update.getVariableName(), update.getValue());
      } else if (JUSTIFICATION_HISTORY.name().equals(update.getVariableName()) && update.getValue() != null) {
        justificationHistory = update.getValue().toString();
      }
    }
    String endorserId = endorsements.endorsement(businessKey).endorserId();
    endorsements.recordEarlierFacts(businessKey, EndorserStatement.of(asStarted::get, endorserId),
        justificationHistory);
    return true;
  }

  /**
   * An endorsement begun earlier whose approval an earlier release completed, its credential not issued
   * before the upgrade: that release recorded the approval only as the review task's completion, which
   * sent the flow to the issuing step. The reviewer is the one who completed the last review.
   */
  void recordEarlierApproval(EndorsementInstance instance, Instant now) {
    List<HistoricTaskInstance> reviews = history.createHistoricTaskInstanceQuery()
        .processInstanceId(instance.processInstanceId()).taskDefinitionKey(EndorsementProcess.Tasks.REVIEW_ENDORSEMENT)
        .finished().orderByHistoricTaskInstanceEndTime().desc().list();
    if (!reviews.isEmpty() && reviews.get(0).getAssignee() != null) {
      endorsements.recordApproval(instance.businessKey(), reviews.get(0).getAssignee(),
          reviews.get(0).getEndTime() == null ? now : reviews.get(0).getEndTime().toInstant());
    }
  }
}
