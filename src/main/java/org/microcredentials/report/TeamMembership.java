package org.microcredentials.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who a line manager's team is right now, walked once per read: the line manager, the members' user ids in order
 * (what this read's queries check their facts against, {@link ReportConditions}), and a SHA-256 digest of them. A
 * team's settled tally ({@link TalliedReport}) was made for one membership and serves only that one: a team that
 * gained or lost a member has another digest, so its tally is made anew. The tally keeps the digest alone (a team
 * may be thousands).
 */
record TeamMembership(String lineManager, List<String> members, String digest) {

  /**
   * How many levels below its line manager a team reaches: far beyond any organisation's line (a handful of levels),
   * and the bound that ends a walk over a cycle in line management, which a directory or an administrator can write.
   */
  static final int DEEPEST_LEVEL = 100;

  /**
   * Everyone below the line manager, at any depth, as {@link ReportConditions#with()}'s recursive query has them, one
   * level at a time: each level is one lookup of the reports of the level's managers in the line-manager index
   * ({@code line_manager_id = any(:managers)}; with {@code V31} the index alone), each with whether they manage
   * anyone themselves, so that the next level looks up only those who do. PostgreSQL answers the {@code exists} by
   * hashing every engineer's line manager once (a team of 9,999 among 100,009 engineers: 47-75 ms for the walk under
   * load, where the recursive query merged the whole index at each step: 72-138 ms). Not a scalar subquery for the
   * first report with {@code fetch first 1 rows only}: PostgreSQL planned it as a scan of the table per member,
   * expecting to stop early, and most members manage nobody (tens of seconds). Each engineer is taken once, so a
   * cycle in line management ends the walk; as in the query, no deeper than {@link #DEEPEST_LEVEL} levels.
   */
  static TeamMembership of(JdbcClient jdbc, String lineManager) {
    Set<String> members = new HashSet<>();
    List<String> managers = List.of(lineManager);
    for (int level = 1; level <= DEEPEST_LEVEL && !managers.isEmpty(); level++) {
      List<String> nextManagers = new ArrayList<>();
      jdbc.sql("""
              select e.user_id, case when exists (select 1 from engineer r where r.line_manager_id = e.user_id)
                then 1 else 0 end as manages
              from engineer e where e.line_manager_id = any(:managers)""")
          .param("managers", ReportConditions.textArray(managers))
          .query((rs, row) -> {
            String report = rs.getString("user_id");
            if (members.add(report) && rs.getInt("manages") == 1) {
              nextManagers.add(report);
            }
            return report;
          })
          .list();
      managers = nextManagers;
    }
    List<String> ordered = members.stream().sorted().toList();
    return new TeamMembership(lineManager, ordered, digest(ordered));
  }

  private static String digest(List<String> members) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String member : members) {
        sha256.update(member.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
