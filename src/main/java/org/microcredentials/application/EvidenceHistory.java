package org.microcredentials.application;

import static org.microcredentials.credential.CredentialVariables.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.process.ProcessVariable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps every version of an application's evidence, and says what changed between two. */
@Repository
public class EvidenceHistory {

  public record Evidence(String problem, String actions, String results, String links, String amendments) {

    public static Evidence of(VariableScope scope, String amendments) {
      return new Evidence(text(scope, ImpactStatement.PROBLEM), text(scope, ImpactStatement.ACTIONS),
          text(scope, ImpactStatement.RESULTS), text(scope, ImpactStatement.LINKS), amendments);
    }

    /** The version as the impact statement it is (its amendments aside). */
    public ImpactStatement statement() {
      return new ImpactStatement(problem, actions, results, Optional.ofNullable(links));
    }

    /** A field left empty in a form arrives as "" and one never filled in as nothing: the same to a reader. */
    private static String text(VariableScope scope, ProcessVariable<String> field) {
      String value = field.from(scope);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  EvidenceHistory(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records the evidence as it now stands and returns its version number (1, 2, ...). */
  public int record(String businessKey, Evidence evidence) {
    int version = latestVersion(businessKey) + 1;
    jdbc.sql("""
            insert into evidence_version (business_key, version, problem, actions, results, links, amendments, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(businessKey, version, evidence.problem(), evidence.actions(), evidence.results(), evidence.links(),
            evidence.amendments(), OffsetDateTime.now(clock))
        .update();
    return version;
  }

  /** The evidence as the candidate last submitted it: what a credential carries. */
  public Evidence latest(String businessKey) {
    return jdbc.sql("""
            select problem, actions, results, links, amendments from evidence_version where business_key = ?
            order by version desc fetch first 1 rows only""")
        .param(businessKey).query(Evidence.class).optional()
        .orElseThrow(() -> new IllegalStateException("Application " + businessKey + " has no recorded evidence"));
  }

  public int latestVersion(String businessKey) {
    return jdbc.sql("select coalesce(max(version), 0) from evidence_version where business_key = ?")
        .param(businessKey).query(Integer.class).single();
  }

  public Optional<Evidence> version(String businessKey, int version) {
    return jdbc.sql("""
            select problem, actions, results, links, amendments from evidence_version where business_key = ? and version = ?""")
        .params(businessKey, version).query(Evidence.class).optional();
  }

  public List<Evidence> versions(String businessKey) {
    return jdbc.sql("""
            select problem, actions, results, links, amendments from evidence_version where business_key = ? order by version""")
        .param(businessKey).query(Evidence.class).list();
  }

  /** What the assessor reads first on a resubmission: which parts changed, and the candidate's own note. */
  public static String changes(Evidence before, Evidence after) {
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(before.problem(), after.problem())) {
      changed.add("Problem");
    }
    if (!Objects.equals(before.actions(), after.actions())) {
      changed.add("Actions taken");
    }
    if (!Objects.equals(before.results(), after.results())) {
      changed.add("Measurable results");
    }
    if (!Objects.equals(before.links(), after.links())) {
      changed.add("Evidence links");
    }
    String parts = changed.isEmpty() ? "No part of the impact statement changed." : "Changed: " + String.join(", ", changed) + ".";
    return parts + "\nThe candidate's note: " + after.amendments();
  }
}
