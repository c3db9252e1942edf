package org.microcredentials.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.microcredentials.process.ProcessVariable;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.application.PeerReview;

/**
 * The reviews of a round as releases before the round's record (migration V5) kept them on the process
 * instance, a Json variable ({@code peerReviews}), read for instances begun on those releases and
 * emptied at a new assessment where it exists; today a review's one home is its {@code peer_review} row.
 * Also the plain-text summary the moderator's form shows ({@code peerReviewSummary}).
 */
@Component
public class PeerReviewLog {

  private static final TypeReference<List<PeerReview>> LIST = new TypeReference<>() {
  };

  private final ObjectMapper json;

  PeerReviewLog(ObjectMapper json) {
    this.json = json;
  }

  /** The round an execution of it runs in, with the reviews its instance's log holds. */
  public RunningRound roundOf(DelegateExecution execution) {
    return new RunningRound(ApplicationRegister.keyOf(execution), execution.getProcessInstanceId(),
        read(execution, ReviewRoundProcess.Variables.PEER_REVIEWS));
  }

  public List<PeerReview> read(VariableScope scope, ProcessVariable<SpinJsonNode> variable) {
    return parse(variable.from(scope), variable.name());
  }

  /** The reviews a log variable's value holds (as read through the engine's API). */
  public List<PeerReview> parse(Object value, String variable) {
    // A Json variable reads as a Spin node, whose text is the JSON.
    if (value == null) {
      return List.of();
    }
    try {
      return json.readValue(value.toString(), LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Variable " + variable + " does not hold peer reviews", e);
    }
  }

  public void write(VariableScope scope, ProcessVariable<SpinJsonNode> variable, List<PeerReview> reviews) {
    try {
      variable.on(scope, Spin.JSON(json.writeValueAsString(reviews)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One line per review, for people: "dave agrees: ..." or "frank proposes 6: ...". */
  public static String summary(List<PeerReview> reviews) {
    StringBuilder text = new StringBuilder();
    for (PeerReview review : reviews) {
      text.append(review.reviewerId())
          .append(review.agrees() ? " agrees" : " proposes " + review.proposedScore());
      if (review.comment() != null) {
        text.append(": ").append(review.comment());
      }
      text.append('\n');
    }
    return text.toString().strip();
  }
}
