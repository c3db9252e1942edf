package org.microcredentials.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.microcredentials.framework.Engineer;
import org.springframework.stereotype.Component;

/**
 * People as the dynamic options of a Camunda Forms select: a Json variable of
 * {label, value} (a String holding JSON would show "No results").
 */
@Component
class PeopleOptions {

  private final ObjectMapper json;

  PeopleOptions(ObjectMapper json) {
    this.json = json;
  }

  SpinJsonNode of(List<Engineer> people) {
    List<Map<String, String>> options = people.stream()
        .map(engineer -> Map.of(
            "label", engineer.displayName() + " (" + engineer.roleTitle() + ", level " + engineer.seniorityLevel() + ")",
            "value", engineer.userId()))
        .toList();
    try {
      return Spin.JSON(json.writeValueAsString(options));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
