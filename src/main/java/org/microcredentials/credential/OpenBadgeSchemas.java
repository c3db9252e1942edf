package org.microcredentials.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Open Badges 3.0 JSON Schemas (draft 2019-09), unmodified copies of 1EdTech's published
 * files in {@code openbadges/}: loaded from the classpath, never from the web.
 */
@Component
public class OpenBadgeSchemas {

  private final JsonSchema achievementCredential;
  private final JsonSchema endorsementCredential;

  OpenBadgeSchemas() {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909);
    achievementCredential = load(factory, "openbadges/achievementcredential.schema.json");
    endorsementCredential = load(factory, "openbadges/endorsementcredential.schema.json");
  }

  /** What makes the document an invalid AchievementCredential (and its endorsements invalid); empty when valid. */
  public List<String> violations(JsonNode credential) {
    List<String> violations = new ArrayList<>();
    achievementCredential.validate(credential).stream().map(ValidationMessage::getMessage).forEach(violations::add);
    for (JsonNode endorsement : credential.path("endorsement")) {
      endorsementCredential.validate(endorsement).stream().map(message -> "endorsement: " + message.getMessage())
          .forEach(violations::add);
    }
    return violations;
  }

  private static JsonSchema load(JsonSchemaFactory factory, String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return factory.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Missing schema " + resource, e);
    }
  }
}
