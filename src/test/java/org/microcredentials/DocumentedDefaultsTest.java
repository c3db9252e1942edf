package org.microcredentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * docs/operations.md's table of the {@code microcredentials.*} properties says each one's default as the records (and
 * the few {@code @Value}s) have it: binding the table's values gives what binding nothing gives, a default the table
 * calls "(none)" is unset, and every property is in the table once.
 */
class DocumentedDefaultsTest {

  private static final Path TABLE = Path.of("docs/operations.md");
  private static final Pattern ROW = Pattern.compile("^\\| `(microcredentials\\.[^`]+)` \\| ([^|]+?) \\|");
  private static final Pattern VALUE = Pattern.compile("`([^`]+)`");
  private static final String NONE = "(none)";

  @Test
  void theTableOfPropertiesNamesEachPropertyOnce() throws IOException {
    Set<String> properties = new LinkedHashSet<>();
    ConfiguredDefaults.records().forEach(record -> properties.addAll(record.components().keySet()));
    properties.addAll(ConfiguredDefaults.valueDefaults().keySet());
    List<String> documented = new ArrayList<>(documented().keySet());
    assertThat(documented).doesNotHaveDuplicates();
    assertThat(documented).as(TABLE + " names exactly the properties there are")
        .containsExactlyInAnyOrderElementsOf(properties);
  }

  @Test
  void theTableSaysTheDefaultsOfTheRecords() throws IOException {
    Map<String, String> documented = documented();
    Map<String, String> given = new LinkedHashMap<>(documented);
    given.values().removeIf(NONE::equals);
    Binder fromTable = ConfiguredDefaults.binder(given);
    Binder nothing = ConfiguredDefaults.binder(Map.of());
    List<String> disagreements = new ArrayList<>();
    for (ConfiguredDefaults.Properties properties : ConfiguredDefaults.records()) {
      Object asDocumented = properties.bind(fromTable);
      Object byDefault = properties.bind(nothing);
      properties.components().forEach((name, component) -> {
        Object defaultValue = ConfiguredDefaults.read(component, byDefault);
        if (NONE.equals(documented.get(name))) {
          if (!unset(defaultValue)) {
            disagreements.add(name + ": the table says (none), the default is " + defaultValue);
          }
        } else if (!Objects.equals(ConfiguredDefaults.read(component, asDocumented), defaultValue)) {
          disagreements.add(name + ": the table says " + documented.get(name) + ", the default is " + defaultValue);
        }
      });
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void theTableSaysTheDefaultsOfTheValuesReadOneByOne() throws IOException {
    Map<String, String> documented = documented();
    ConfiguredDefaults.valueDefaults().forEach((name, fallback) ->
        assertThat(documented.get(name)).as(name).isEqualTo(fallback.isEmpty() ? NONE : fallback));
  }

  private static boolean unset(Object value) {
    return value == null || value instanceof String text && text.isBlank()
        || value instanceof Collection<?> collection && collection.isEmpty()
        || value instanceof Map<?, ?> map && map.isEmpty();
  }

  /** Property to default as the table writes it: the value in backticks, or "(none)". */
  private static Map<String, String> documented() throws IOException {
    Map<String, String> documented = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (String line : Files.readAllLines(TABLE)) {
      Matcher row = ROW.matcher(line);
      if (row.find()) {
        String cell = row.group(2).trim();
        Matcher value = VALUE.matcher(cell);
        String written = cell.equals(NONE) ? NONE : value.matches() ? value.group(1) : null;
        assertThat(written).as("%s's default in %s: `value` or (none), not '%s'", row.group(1), TABLE, cell).isNotNull();
        if (documented.put(row.group(1), written) != null) {
          duplicates.add(row.group(1));
        }
      }
    }
    assertThat(duplicates).as("properties in the table twice").isEmpty();
    assertThat(documented).as("the properties' table in " + TABLE).isNotEmpty();
    return documented;
  }
}
