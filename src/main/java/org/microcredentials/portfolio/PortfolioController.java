package org.microcredentials.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.microcredentials.credential.BadgeImages;
import org.springframework.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import org.microcredentials.RuleViolation;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSigner;
import org.microcredentials.credential.CredentialVerifier;
import org.microcredentials.credential.OpenBadges;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portfolio page of an engineer (under {@code /api}: login required) and the public
 * verification page of one credential with its baked badge and signed JSON (outside {@code /api}:
 * no login).
 */
@RestController
class PortfolioController {

  private final PortfolioPages pages;
  private final Organisation organisation;
  private final CredentialRegister credentials;
  private final OpenBadges openBadges;
  private final CredentialSigner signer;
  private final CredentialVerifier verifier;
  private final BadgeImages badges;
  private final ObjectMapper json;

  PortfolioController(PortfolioPages pages, Organisation organisation, CredentialRegister credentials,
      OpenBadges openBadges, CredentialSigner signer, CredentialVerifier verifier, BadgeImages badges,
      ObjectMapper json) {
    this.badges = badges;
    this.pages = pages;
    this.organisation = organisation;
    this.credentials = credentials;
    this.openBadges = openBadges;
    this.signer = signer;
    this.verifier = verifier;
    this.json = json;
  }

  @GetMapping(value = "/api/engineers/{userId}/portfolio", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> portfolio(@PathVariable String userId) {
    Engineer engineer = organisation.find(userId).orElseThrow(() ->
        RuleViolation.notFound("known-engineer", "'" + userId + "' is not an engineer of the organisation."));
    return html(pages.portfolio(engineer));
  }

  /** Public: the credential as issued now, verified like any verifier would, and shown with its status. */
  @GetMapping(value = "/credentials/{id}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> verificationPage(@PathVariable String id) {
    Credential credential = credentials.find(id).orElse(null);
    if (credential == null) {
      return ResponseEntity.status(404).contentType(MediaType.TEXT_HTML)
          .body(HtmlLayout.page("Unknown credential", "No credential has this id.", "<p>Check the link you were given.</p>"));
    }
    CredentialVerifier.Verification verification =
        verifier.verify(json.valueToTree(signer.signedDocument(openBadges.credential(credential))));
    return html(pages.verification(credential, verification));
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

  private static ResponseEntity<String> html(String page) {
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(page);
  }
}
