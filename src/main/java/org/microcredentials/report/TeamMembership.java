package org.microcredentials.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who a line manager's team is right now, as a report's team filter selects them ({@link ReportConditions#with()}):
 * the line manager, and a SHA-256 digest of the members' user ids in order. A team's settled tally
 * ({@link TalliedReport}) was made for one membership and serves only that one: a team that gained or lost a member
 * has another digest, so its tally is made anew. The digest keeps a tally's memory small (a team may be thousands).
 */
record TeamMembership(String lineManager, String digest) {

  static TeamMembership of(JdbcClient jdbc, String lineManager) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String member : ReportConditions.teamMembers(jdbc, lineManager)) {
        sha256.update(member.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0);
      }
      return new TeamMembership(lineManager, HexFormat.of().formatHex(sha256.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
