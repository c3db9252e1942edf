package org.microcredentials.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/** The fields a Camunda Form lets a person fill in: the keys of its components that are neither read-only nor disabled. */
final class FormFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormFields() {
  }

  static Set<String> of(InputStream form) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    collect(JSON.readTree(form), keys);
    return keys;
  }

  private static void collect(JsonNode component, Set<String> keys) {
    if (component.hasNonNull("key") && !component.path("readonly").asBoolean(false)
        && !component.path("disabled").asBoolean(false)) {
      keys.add(component.get("key").asText());
    }
    component.path("components").forEach(child -> collect(child, keys));
  }
}
