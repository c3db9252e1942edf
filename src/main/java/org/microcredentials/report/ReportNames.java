package org.microcredentials.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The names reports show beside the keys they group by: skills' and people's, looked up for the few groups. */
final class ReportNames {

  private ReportNames() {
  }

  /** The display names of the people (user ids) a report lists. */
  static Map<String, String> displayNames(JdbcClient jdbc, Set<String> people) {
    Map<String, String> names = new HashMap<>();
    if (!people.isEmpty()) {
      jdbc.sql("select user_id, display_name from engineer where user_id in (:people)").param("people", people)
          .query((rs, row) -> names.put(rs.getString("user_id"), rs.getString("display_name"))).list();
    }
    return names;
  }

  /** The names of the skills in every framework version. */
  static SkillNames skillNames(JdbcClient jdbc) {
    Map<String, String> names = new HashMap<>();
    jdbc.sql("select framework_version, code, name from skill").query((rs, row) ->
        names.put(rs.getInt("framework_version") + ":" + rs.getString("code"), rs.getString("name"))).list();
    return new SkillNames(names);
  }

  /** A report names a skill by the greatest of its names in the framework versions its rows were counted under. */
  record SkillNames(Map<String, String> byVersionAndCode) {

    String of(String skillCode, Set<Integer> versions) {
      return versions.stream().map(version -> byVersionAndCode.get(version + ":" + skillCode))
          .filter(Objects::nonNull).max(String::compareTo).orElse(null);
    }
  }
}
