package org.microcredentials.framework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Versions of the skills framework, kept side by side in the database. */
@Repository
public class SkillFrameworkRepository {

  private static final String LIST_SEPARATOR = "\n";

  private final JdbcClient jdbc;
  private final Clock clock;

  SkillFrameworkRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<Integer> latestVersion() {
    return jdbc.sql("select max(version) from skill_framework").query(Integer.class).optional();
  }

  /** The framework new applications are assessed against. */
  public SkillFramework current() {
    int version = latestVersion().orElseThrow(() -> new IllegalStateException("No skills framework has been loaded"));
    return version(version).orElseThrow();
  }

  public Optional<SkillFramework> version(int version) {
    Optional<String> label = jdbc.sql("select label from skill_framework where version = ?")
        .param(version).query(String.class).optional();
    if (label.isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<SkillLevel>> levelsBySkill = new LinkedHashMap<>();
    jdbc.sql("""
            select skill_code, level, tier, criteria, next_steps, mentors, learning_path
            from skill_level where framework_version = ? order by skill_code, level""")
        .param(version)
        .query((ResultSet rs) -> {
          levelsBySkill.computeIfAbsent(rs.getString("skill_code"), code -> new ArrayList<>()).add(new SkillLevel(
              rs.getInt("level"), Tier.valueOf(rs.getString("tier")), rs.getString("criteria"),
              split(rs.getString("next_steps")), split(rs.getString("mentors")), rs.getString("learning_path")));
        });
    List<Skill> skills = jdbc.sql("""
            select code, name, description, retired from skill where framework_version = ? order by position""")
        .param(version)
        .query((rs, row) -> skill(rs, levelsBySkill))
        .list();
    Map<Integer, List<String>> profiles = new LinkedHashMap<>();
    jdbc.sql("""
            select p.level, p.skill_code from level_profile p join skill s
              on s.framework_version = p.framework_version and s.code = p.skill_code
            where p.framework_version = ? order by p.level, s.position""")
        .param(version)
        .query((ResultSet rs) -> {
          profiles.computeIfAbsent(rs.getInt("level"), level -> new ArrayList<>()).add(rs.getString("skill_code"));
        });
    return Optional.of(new SkillFramework(version, label.get(), skills, profiles));
  }

  /** Stores a new version; versions only grow. */
  @Transactional
  public void save(SkillFramework framework, String source) {
    jdbc.sql("insert into skill_framework (version, label, loaded_at, source) values (?, ?, ?, ?)")
        .params(framework.version(), framework.label(), OffsetDateTime.now(clock), source)
        .update();
    int position = 0;
    for (Skill skill : framework.skills()) {
      jdbc.sql("""
              insert into skill (framework_version, code, position, name, description, retired)
              values (?, ?, ?, ?, ?, ?)""")
          .params(framework.version(), skill.code(), position++, skill.name(), skill.description(), skill.retired())
          .update();
      for (SkillLevel level : skill.levels()) {
        jdbc.sql("""
                insert into skill_level (framework_version, skill_code, level, tier, criteria, next_steps, mentors, learning_path)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(framework.version(), skill.code(), level.level(), level.tier().name(), level.criteria(),
                String.join(LIST_SEPARATOR, level.nextSteps()), String.join(LIST_SEPARATOR, level.mentors()),
                level.learningPath())
            .update();
      }
    }
    addLevelProfiles(framework.version(), framework.levelProfiles());
  }

  /** For each level, the skills a promotion to it requires, in this version. */
  public void addLevelProfiles(int version, Map<Integer, List<String>> levelProfiles) {
    levelProfiles.forEach((level, codes) -> codes.forEach(code -> jdbc.sql(
            "insert into level_profile (framework_version, level, skill_code) values (?, ?, ?)")
        .params(version, level, code).update()));
  }

  private static Skill skill(ResultSet rs, Map<String, List<SkillLevel>> levelsBySkill) throws SQLException {
    String code = rs.getString("code");
    return new Skill(code, rs.getString("name"), rs.getString("description"), rs.getBoolean("retired"),
        levelsBySkill.getOrDefault(code, List.of()));
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LIST_SEPARATOR));
  }
}
