package org.microcredentials.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.microcredentials.RuleViolation;
import org.microcredentials.credential.BadgeImages;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSigner;
import org.microcredentials.credential.OpenBadges;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The downloads of the public verification page ({@link PortfolioPages}): the baked badge and the
 * signed credential, outside {@code /api}: no login.
 */
@RestController
class CredentialDownloads {

  private final PortfolioPages pages;
  private final CredentialRegister credentials;
  private final OpenBadges openBadges;
  private final CredentialSigner signer;
  private final BadgeImages badges;
  private final ObjectMapper json;

  CredentialDownloads(PortfolioPages pages, CredentialRegister credentials, OpenBadges openBadges,
      CredentialSigner signer, BadgeImages badges, ObjectMapper json) {
    this.pages = pages;
    this.credentials = credentials;
    this.openBadges = openBadges;
    this.signer = signer;
    this.badges = badges;
    this.json = json;
  }

  /**
   * Public: the badge with the signed credential baked in (OB 3.0 baking), for the holder to share or
   * upload to a backpack. A URL, not a data: image: the credential cannot contain itself.
   */
  @GetMapping(value = "/credentials/{id}/badge.svg", produces = "image/svg+xml")
  ResponseEntity<String> bakedBadge(@PathVariable String id) throws JsonProcessingException {
    Credential credential = known(id);
    String signed = json.writeValueAsString(signer.signedDocument(openBadges.credential(credential)));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/svg+xml"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"badge-" + id + ".svg\"")
        .body(badges.baked(pages.badge(credential), signed));
  }

  /** Public: the signed credential (JSON-LD with its Data Integrity proof) to download from the verification page. */
  @GetMapping(value = "/credentials/{id}/credential.json", produces = "application/ld+json")
  ResponseEntity<Map<String, Object>> credentialJson(@PathVariable String id) {
    Credential credential = known(id);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/ld+json"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"credential-" + id + ".json\"")
        .body(signer.signedDocument(openBadges.credential(credential)));
  }

  private Credential known(String id) {
    return credentials.find(id).orElseThrow(() -> RuleViolation.notFound("known-credential", "No credential " + id + "."));
  }
}
