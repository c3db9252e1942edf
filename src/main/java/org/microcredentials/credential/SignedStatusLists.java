package org.microcredentials.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Status lists signed once per change. Every verifier and wallet fetches a credential's status list, anonymously, for
 * every credential it checks; canonicalisation and an Ed25519 signature cost 20-70 ms, so a list is signed when it is
 * first asked for after a change (a revocation in it) and served as stored until the next one. Its {@code validFrom}
 * is the change (the list's latest revocation; for a list without any, its first signing), not the moment of serving:
 * a verifier whose clock runs a few seconds behind accepts it.
 *
 * <p>A list changes exactly when its count of revocations grows (a revocation stands). The count is read before the
 * bits, so a stored document holds at least the revocations it is stored under; a revocation that commits meanwhile
 * raises the count, and the next request signs again. Two requests signing at once store one of two equal documents.
 */
@Repository
public class SignedStatusLists {

  /** A status list as signed, with the entity tag HTTP caches and verifiers revalidate it with. */
  public record Signed(int list, int revocations, Instant validFrom, String document, String etag) {
  }

  private final CredentialStatusList statusList;
  private final CredentialSigner signer;
  private final SigningKeys keys;
  private final CredentialProperties properties;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  SignedStatusLists(CredentialStatusList statusList, CredentialSigner signer, SigningKeys keys,
      CredentialProperties properties, JdbcClient jdbc, ObjectMapper json, Clock clock) {
    this.statusList = statusList;
    this.signer = signer;
    this.keys = keys;
    this.properties = properties;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** The list as signed for its current revocations: the stored document, or a new one signed and stored now. */
  public Signed current(int list) {
    int revocations = statusList.revocations(list);
    Optional<Signed> stored = stored(list);
    if (stored.isPresent() && stored.get().revocations() == revocations) {
      return stored.get();
    }
    Instant validFrom = statusList.lastChange(list)
        .orElseGet(() -> stored.map(Signed::validFrom).orElseGet(clock::instant));
    Map<String, Object> document = signer.prove(statusList.statusListCredential(list, validFrom),
        properties.multikeyUrl(keys.activeEd25519().id()));
    String text;
    try {
      text = json.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Status list " + list + " cannot be written as JSON", e);
    }
    Signed signed = new Signed(list, revocations, validFrom, text, etag(text));
    store(signed);
    return signed;
  }

  private Optional<Signed> stored(int list) {
    return jdbc.sql("select revocations, valid_from, document, etag from status_list_document where list = ?").param(list)
        .query((rs, row) -> new Signed(list, rs.getInt("revocations"),
            rs.getObject("valid_from", OffsetDateTime.class).toInstant(), rs.getString("document"), rs.getString("etag")))
        .optional();
  }

  /**
   * Stores it over a document signed for other revocations. Two requests signing at once for different counts may
   * leave the older stored: the next request sees the count differ and signs again.
   */
  private void store(Signed signed) {
    OffsetDateTime validFrom = signed.validFrom().atOffset(ZoneOffset.UTC);
    int updated = jdbc.sql("""
            update status_list_document set revocations = ?, valid_from = ?, document = ?, etag = ?
            where list = ? and revocations <> ?""")
        .params(signed.revocations(), validFrom, signed.document(), signed.etag(), signed.list(), signed.revocations())
        .update();
    if (updated == 0 && stored(signed.list()).isEmpty()) {
      try {
        jdbc.sql("insert into status_list_document (list, revocations, valid_from, document, etag) values (?, ?, ?, ?, ?)")
            .params(signed.list(), signed.revocations(), validFrom, signed.document(), signed.etag()).update();
      } catch (DuplicateKeyException signedAtTheSameMoment) {
        // Another request stored the same list first: either document is right; the next request reads theirs.
      }
    }
  }

  /** A strong entity tag: the document's SHA-256, base64url, quoted. */
  private static String etag(String document) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 24)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
