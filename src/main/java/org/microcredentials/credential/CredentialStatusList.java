package org.microcredentials.credential;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * W3C Bitstring Status List v1.0 for revocation. Each credential gets one bit in one list, at a
 * random free index (so the index says nothing of the issue order), allocated when the credential
 * is first exported and never reused. A bit is set exactly when the register has the credential
 * revoked, so the revocation and its audit row ({@link CredentialRevocations}) set it in their
 * transaction. Lists hold 131,072 entries, the specification's minimum for group privacy; a list
 * three quarters full is followed by the next.
 */
@Repository
public class CredentialStatusList {

  public static final int LIST_SIZE = 131_072;
  static final String ENTRY_TYPE = "BitstringStatusListEntry";
  static final String PURPOSE = "revocation";
  private static final int FULL = LIST_SIZE / 4 * 3;
  /**
   * How long a verifier or a cache may keep a status list before asking again: a revocation reaches every verifier
   * within this time. A minute keeps a revoked credential's window short while a busy verifier asks once a minute (and
   * then gets a 304 while the list is unchanged).
   */
  public static final Duration TTL = Duration.ofMinutes(1);

  /** Where a credential's bit is. */
  public record Entry(int list, int index) {
  }

  private final JdbcClient jdbc;
  private final CredentialProperties properties;
  private final SecureRandom random = new SecureRandom();

  CredentialStatusList(JdbcClient jdbc, CredentialProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * The credential's entry, allocated on first call. The credential's row is locked so that two
   * downloads at once allocate one entry; the unique index on (list, index) refuses the rare
   * collision of two credentials drawing the same free index at the same moment.
   */
  @Transactional
  public Entry entry(String credentialId) {
    Map<String, Object> row = jdbc.sql("select status_list, status_list_index from credential where id = ? for update")
        .param(credentialId).query().singleRow();
    if (row.get("status_list") instanceof Number list && row.get("status_list_index") instanceof Number index) {
      return new Entry(list.intValue(), index.intValue());
    }
    int list = jdbc.sql("select coalesce(max(status_list), 0) from credential").query(Integer.class).single();
    if (jdbc.sql("select count(*) from credential where status_list = ?").param(list).query(Long.class).single() >= FULL) {
      list++;
    }
    int index;
    do {
      index = random.nextInt(LIST_SIZE);
    } while (jdbc.sql("select count(*) from credential where status_list = ? and status_list_index = ?")
        .params(list, index).query(Long.class).single() > 0);
    jdbc.sql("update credential set status_list = ?, status_list_index = ? where id = ?")
        .params(list, index, credentialId).update();
    return new Entry(list, index);
  }

  /** The {@code credentialStatus} of a credential with this entry. */
  public Map<String, Object> credentialStatus(Entry entry) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("id", properties.statusListUrl(entry.list()) + "#" + entry.index());
    status.put("type", ENTRY_TYPE);
    status.put("statusPurpose", PURPOSE);
    status.put("statusListIndex", String.valueOf(entry.index()));
    status.put("statusListCredential", properties.statusListUrl(entry.list()));
    return status;
  }

  /** Whether the list exists: list 0 always does, later ones once an entry is allocated in them. */
  public boolean exists(int list) {
    return list == 0 || list > 0 && jdbc.sql("select count(*) from credential where status_list = ?").param(list)
        .query(Long.class).single() > 0;
  }

  /** The credential holding this entry, if any. */
  public Optional<String> credentialAt(int list, int index) {
    return jdbc.sql("select id from credential where status_list = ? and status_list_index = ?").params(list, index)
        .query(String.class).optional();
  }

  /** How many credentials of the list are revoked: a list changes exactly when this grows (a revocation stands). */
  public int revocations(int list) {
    return jdbc.sql("select count(*) from credential_revocation r join credential c on c.id = r.credential_id "
        + "where c.status_list = ?").param(list).query(Integer.class).single();
  }

  /** When the list last changed: its latest revocation, if any. */
  public Optional<Instant> lastChange(int list) {
    return jdbc.sql("select max(r.revoked_at) from credential_revocation r join credential c on c.id = r.credential_id "
        + "where c.status_list = ?").param(list).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
  }

  /** The list's bits: index 0 is the left-most bit of the first byte; a set bit is a revoked credential. */
  public byte[] bits(int list) {
    byte[] bits = new byte[LIST_SIZE / 8];
    for (Integer index : jdbc.sql("select status_list_index from credential where status_list = ? and revoked = true")
        .param(list).query(Integer.class).list()) {
      bits[index / 8] |= (byte) (0x80 >>> (index % 8));
    }
    return bits;
  }

  /** {@code encodedList}: multibase base64url (prefix {@code u}, no padding) of the GZIP-compressed bits. */
  static String encode(byte[] bits) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(bits);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
  }

  /**
   * The unsigned {@code BitstringStatusListCredential} of the list, valid from the given moment (its last change), with
   * a time to live that says how long a verifier may keep it ({@link #TTL}, the same as the HTTP cache's max-age).
   */
  public Map<String, Object> statusListCredential(int list, Instant validFrom) {
    String id = properties.statusListUrl(list);
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("id", id + "#list");
    subject.put("type", "BitstringStatusList");
    subject.put("statusPurpose", PURPOSE);
    subject.put("encodedList", encode(bits(list)));
    subject.put("ttl", TTL.toMillis());
    Map<String, Object> credential = new LinkedHashMap<>();
    credential.put("@context", List.of(JsonLdContexts.VC_V2));
    credential.put("id", id);
    credential.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
    credential.put("issuer", properties.issuerId());
    credential.put("validFrom", OpenBadges.timestamp(validFrom.atOffset(ZoneOffset.UTC)));
    credential.put("credentialSubject", subject);
    return credential;
  }
}
