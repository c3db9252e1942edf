package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.Group;
import org.microcredentials.testing.OnPostgres;

/**
 * {@link EngineAllowListIT} on a real PostgreSQL, called by one person of each set of groups among the demo people:
 * the list decides by groups before the database is reached, which {@link EngineAllowListIT} shows for every person;
 * what PostgreSQL adds is the listed operations reaching the engine on it, the same for people of the same groups.
 */
@OnPostgres
class EngineAllowListPostgresIT extends EngineAllowListIT {

  @Override
  List<String> callers() {
    Map<Set<String>, String> onePerGroups = new LinkedHashMap<>();
    for (String person : PEOPLE) {
      Set<String> groups = identity.createGroupQuery().groupMember(person).list().stream().map(Group::getId)
          .collect(Collectors.toCollection(TreeSet::new));
      onePerGroups.putIfAbsent(groups, person);
    }
    assertThat(onePerGroups).as("sets of groups among the demo people").hasSizeGreaterThanOrEqualTo(4);
    return List.copyOf(onePerGroups.values());
  }
}
