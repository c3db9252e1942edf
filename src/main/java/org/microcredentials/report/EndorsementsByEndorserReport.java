package org.microcredentials.report;

import static org.microcredentials.report.ReportRows.row;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.microcredentials.endorsement.EndorsementRegister;
import org.microcredentials.report.ZonedSql.Grain;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code endorsements-by-endorser} (the abuse watch): per endorser, endorsements started in the period, approved,
 * withdrawn, and distinct candidates. Partial aggregates: per period of start, endorser, candidate and skill, the
 * endorsements started, approved and withdrawn (each outcome counted when it closed, kept under its start, as
 * {@link SubmissionsReport#startsAndOutcomes} counts them).
 */
final class EndorsementsByEndorserReport implements ReportDefinition.Counts<EndorsementsByEndorserReport.Group> {

  static final List<String> COLUMNS = List.of("endorser", "name", "started", "approved", "withdrawn",
      "distinctCandidates");

  private final JdbcClient jdbc;
  private final ZonedSql zoned;

  EndorsementsByEndorserReport(JdbcClient jdbc, ZonedSql zoned) {
    this.jdbc = jdbc;
    this.zoned = zoned;
  }

  /** One endorser's endorsements of one candidate and skill started in a period: started, approved, withdrawn. */
  record Group(LocalDate day, String endorser, String candidate, String skillCode)
      implements ReportDefinition.Group<Group> {

    @Override
    public Group on(LocalDate otherDay) {
      return new Group(otherDay, endorser, candidate, skillCode);
    }
  }

  @Override
  public Grain grain() {
    return Grain.WHOLE;
  }

  @Override
  public Map<Group, long[]> partials(ReportFilter filter, TeamMembership team, Instant from, Instant to,
      Grain grain) {
    ReportConditions started = ReportConditions.of(filter, team, zoned.zone(), "started_at", "endorser_id",
        "skill_code");
    String sql = started.with() + SubmissionsReport.startsAndOutcomes(zoned, grain, "endorser_id, candidate_id, skill_code",
        "endorser_id, candidate_id, skill_code", "endorsement", "started_at", "closed_at",
        EndorsementRegister.Status.APPROVED.name(), EndorsementRegister.Status.WITHDRAWN.name(), started, from, to);
    Map<Group, long[]> partials = new HashMap<>();
    started.query(jdbc, sql, (rs, row) -> partials.merge(new Group(ZonedSql.localDay(rs, "period_start"),
        rs.getString("endorser_id"), rs.getString("candidate_id"), rs.getString("skill_code")),
        new long[] {rs.getLong("started"), rs.getLong("first_outcome"), rs.getLong("second_outcome")},
        SettledTally::sum));
    return partials;
  }

  @Override
  public List<Map<String, Object>> rows(Map<Group, long[]> partials) {
    Map<String, long[]> people = new TreeMap<>();
    Map<String, Set<String>> candidates = new HashMap<>();
    partials.forEach((group, counts) -> {
      people.merge(group.endorser(), counts, SettledTally::sum);
      if (counts[0] > 0) {
        candidates.computeIfAbsent(group.endorser(), absent -> new HashSet<>()).add(group.candidate());
      }
    });
    Map<String, String> names = ReportNames.displayNames(jdbc, people.keySet());
    List<Map<String, Object>> shaped = new ArrayList<>();
    people.forEach((endorser, counts) -> shaped.add(row("endorser", endorser, "name", names.get(endorser),
        "started", counts[0], "approved", counts[1], "withdrawn", counts[2],
        "distinctCandidates", (long) candidates.getOrDefault(endorser, Set.of()).size())));
    return shaped;
  }
}
