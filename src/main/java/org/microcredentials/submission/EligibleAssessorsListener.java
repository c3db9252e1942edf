package org.microcredentials.submission;

import static org.microcredentials.submission.SelfSubmissionProcess.Variables.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.review.ReviewPolicy;
import org.springframework.stereotype.Component;

/**
 * When the SEM team's assignment task is created: the people who may assess this application,
 * as the dynamic options ({label, value}) of the form's assessor select.
 */
@Component
class EligibleAssessorsListener implements TaskListener {

  private final Organisation organisation;
  private final ReviewPolicy reviewPolicy;
  private final ObjectMapper json;

  EligibleAssessorsListener(Organisation organisation, ReviewPolicy reviewPolicy, ObjectMapper json) {
    this.organisation = organisation;
    this.reviewPolicy = reviewPolicy;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    String candidateId = (String) task.getVariable(CANDIDATE_ID);
    int skillLevel = ((Number) task.getVariable(SKILL_LEVEL)).intValue();
    List<Map<String, String>> options = reviewPolicy.eligibleAssessors(organisation.all(), candidateId, skillLevel)
        .stream()
        .map(EligibleAssessorsListener::option)
        .toList();
    try {
      task.setVariable(ELIGIBLE_ASSESSORS, SpinValues.jsonValue(json.writeValueAsString(options)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> option(Engineer engineer) {
    return Map.of(
        "label", engineer.displayName() + " (" + engineer.roleTitle() + ", level " + engineer.seniorityLevel() + ")",
        "value", engineer.userId());
  }
}
