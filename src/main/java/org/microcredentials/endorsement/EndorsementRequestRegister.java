package org.microcredentials.endorsement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The endorsement requests: what the open-request cap counts. */
@Repository
public class EndorsementRequestRegister {

  public enum Status { OPEN, ACCEPTED, DECLINED, EXPIRED }

  /** One request as kept. */
  public record Request(String businessKey, String candidateId, String leaderId, String skillCode, int skillLevel,
      String message, Status status) {
  }

  private final JdbcClient jdbc;

  EndorsementRequestRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long countOpen(String candidateId) {
    return jdbc.sql("select count(*) from endorsement_request where candidate_id = ? and status = ?")
        .params(candidateId, Status.OPEN.name())
        .query(Long.class).single();
  }

  /** Registers a new request and returns its business key, e.g. {@code REQ-2026-000001}. */
  public String register(String candidateId, String leaderId, String skillCode, int skillLevel, String message,
      Instant requestedAt) {
    String provisionalKey = "NEW-" + UUID.randomUUID().toString().substring(0, 24);
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into endorsement_request (business_key, candidate_id, leader_id, skill_code, skill_level, message,
              status, requested_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(provisionalKey, candidateId, leaderId, skillCode, skillLevel, message, Status.OPEN.name(),
            utc(requestedAt))
        .update(keys, "id");
    long id = keys.getKeyAs(Long.class);
    String businessKey = "%s-%d-%06d".formatted(EndorsementRequestProcess.BUSINESS_KEY_PREFIX,
        requestedAt.atZone(ZoneOffset.UTC).getYear(), id);
    jdbc.sql("update endorsement_request set business_key = ? where id = ?").params(businessKey, id).update();
    return businessKey;
  }

  public Optional<Request> find(String businessKey) {
    return jdbc.sql("""
            select business_key, candidate_id, leader_id, skill_code, skill_level, message, status
            from endorsement_request where business_key = ?""")
        .param(businessKey)
        .query((rs, row) -> new Request(rs.getString("business_key"), rs.getString("candidate_id"),
            rs.getString("leader_id"), rs.getString("skill_code"), rs.getInt("skill_level"), rs.getString("message"),
            Status.valueOf(rs.getString("status"))))
        .optional();
  }

  public void recordAnswer(String businessKey, Status status, String answer, Instant answeredAt) {
    jdbc.sql("update endorsement_request set status = ?, answer = ?, answered_at = ? where business_key = ?")
        .params(status.name(), answer, utc(answeredAt), businessKey)
        .update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
