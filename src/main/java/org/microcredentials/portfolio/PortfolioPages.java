package org.microcredentials.portfolio;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.microcredentials.RuleViolation;
import org.microcredentials.credential.BadgeImages;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialProperties;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSigner;
import org.microcredentials.credential.CredentialVerifier;
import org.microcredentials.credential.OpenBadges;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.Actors;
import org.microcredentials.framework.Skill;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.framework.SkillLevel;
import org.microcredentials.framework.Tier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.microcredentials.promotion.PromotionEligibility;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portfolio page of an engineer (under {@code /api}: login required; template
 * {@code portfolio.html}) and the public verification page of one credential (outside {@code /api}:
 * no login; template {@code verification.html}). Both in the one layout of our pages
 * ({@code layout.html}); the templates escape every piece of user text (impact statements,
 * revocation reasons, names). This class only works out what the pages say.
 */
@Controller
class PortfolioPages {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /** One credential of the gallery. {@code badgeSvg} is ours (BadgeImages escapes what it draws). */
  record Card(String id, boolean revoked, String badgeSvg, String skillName, String code, String tier, String source,
      int score, Status status, String evidenceSummary, NextLevel next, String verificationUrl, String badgeUrl) {
  }

  /** {@code kind} is {@code valid}, {@code expired} or {@code revoked}: the CSS class. */
  record Status(String kind, String text) {
  }

  /** The framework's next steps from this level, and who mentors towards the next one. */
  record NextLevel(String heading, List<String> steps, String mentors) {
  }

  record Row(String label, String value) {
  }

  private final CredentialRegister credentials;
  private final Organisation organisation;
  private final SkillFrameworkRepository frameworks;
  private final BadgeImages badges;
  private final CredentialProperties properties;
  private final OpenBadges openBadges;
  private final CredentialSigner signer;
  private final CredentialVerifier verifier;
  private final ObjectMapper json;
  private final PromotionEligibility eligibility;
  private final Actors actors;
  private final Clock clock;

  PortfolioPages(CredentialRegister credentials, Organisation organisation, SkillFrameworkRepository frameworks,
      BadgeImages badges, CredentialProperties properties, OpenBadges openBadges, CredentialSigner signer,
      CredentialVerifier verifier, ObjectMapper json, PromotionEligibility eligibility, Actors actors, Clock clock) {
    this.eligibility = eligibility;
    this.actors = actors;
    this.credentials = credentials;
    this.organisation = organisation;
    this.frameworks = frameworks;
    this.badges = badges;
    this.properties = properties;
    this.openBadges = openBadges;
    this.signer = signer;
    this.verifier = verifier;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping(value = "/api/engineers/{userId}/portfolio", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView portfolio(@PathVariable String userId) {
    Engineer engineer = organisation.find(userId).orElseThrow(() ->
        RuleViolation.notFound("known-engineer", "'" + userId + "' is not an engineer of the organisation."));
    OffsetDateTime now = OffsetDateTime.now(clock);
    PageReads reads = new PageReads();
    SkillFramework current = reads.current();
    List<Credential> held = credentials.heldBy(engineer.userId());
    long counting = held.stream().filter(credential -> credential.validForPromotionAt(now)).count();
    ModelAndView page = new ModelAndView("portfolio");
    page.addObject("engineer", engineer);
    page.addObject("held", held.size());
    page.addObject("counting", counting);
    page.addObject("cards", held.stream().map(credential -> card(credential, current, now, reads)).toList());
    page.addObject("progress", progress(eligibility.of(engineer, held, current, now), held, now).orElse(null));
    // The wallets connected through the Open Badges API: only on the holder's own portfolio.
    page.addObject("ownPortfolio", actors.currentUser().filter(engineer.userId()::equals).isPresent());
    return page;
  }

  /** Public: the credential as issued now, verified like any verifier would, and shown with its status. */
  @GetMapping(value = "/credentials/{id}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView verification(@PathVariable String id) {
    Credential credential = credentials.find(id).orElse(null);
    if (credential == null) {
      ModelAndView unknown = new ModelAndView("unknown-credential", HttpStatus.NOT_FOUND);
      unknown.addObject("publicPage", true);
      return unknown;
    }
    CredentialVerifier.Verification verification =
        verifier.verify(json.valueToTree(signer.signedDocument(openBadges.credential(credential))));
    OffsetDateTime now = OffsetDateTime.now(clock);
    Engineer holder = organisation.engineer(credential.holderId());
    PageReads reads = new PageReads();
    String skillName = skillName(credential, reads);
    String tier = tier(credential, reads).name().toLowerCase(Locale.ROOT);
    String state = credential.revoked() ? "Revoked"
        : verification.verified() ? (credential.validForPromotionAt(now) ? "Valid" : "Valid, expired for promotion")
        : "Not verified";
    String badgeName = skillName + " " + credential.skillCode() + ":" + credential.skillLevel();
    String pageUrl = properties.credentialUrl(credential.id());
    ModelAndView page = new ModelAndView("verification");
    page.addObject("publicPage", true);
    page.addObject("heading", state + ": " + badgeName);
    page.addObject("holder", holder.displayName());
    page.addObject("revoked", credential.revoked());
    page.addObject("badgeSvg", badge(credential, reads));
    page.addObject("rows", List.of(
        new Row("Holder", holder.displayName()),
        new Row("Skill", skillName + " (" + credential.skillCode() + ")"),
        new Row("Level", credential.skillLevel() + " · " + tier),
        new Row("Score", credential.score() + " / 10"),
        new Row("Issued", DAY.format(credential.issuedAt())),
        new Row("Valid for promotion until", DAY.format(credential.validForPromotionUntil())),
        new Row("Status", credential.revoked() ? "Revoked: " + credential.revocationReason() : state)));
    page.addObject("checks", verification.checks());
    page.addObject("pageUrl", pageUrl);
    page.addObject("jsonUrl", pageUrl + "/credential.json");
    page.addObject("badgeUrl", pageUrl + "/badge.svg");
    page.addObject("linkedInUrl", credential.revoked() ? null : linkedInAddToProfile(credential, badgeName));
    page.addObject("shareUrl", "mailto:?subject=" + query(badgeName + " micro-credential") + "&body=" + query(pageUrl));
    page.addObject("issuerName", properties.issuerName());
    page.addObject("verifyUrl", properties.publicUrl() + "/api/credentials/verify");
    page.addObject("issuerId", properties.issuerId());
    return page;
  }

  /** The badge drawn for the credential, as shown here; what {@code /credentials/{id}/badge.svg} bakes. */
  String badge(Credential credential) {
    return badge(credential, new PageReads());
  }

  private String badge(Credential credential, PageReads reads) {
    return badges.svg(credential.skillCode(), skillName(credential, reads), credential.skillLevel(),
        tier(credential, reads), credential.revoked());
  }

  private Card card(Credential credential, SkillFramework current, OffsetDateTime now, PageReads reads) {
    String url = properties.credentialUrl(credential.id());
    return new Card(credential.id(), credential.revoked(), badge(credential, reads), skillName(credential, reads),
        credential.skillCode() + ":" + credential.skillLevel(), tier(credential, reads).name().toLowerCase(Locale.ROOT),
        source(credential), credential.score(), status(credential, now), credential.evidenceSummary(),
        nextLevel(credential, current, reads).orElse(null), url, url + "/badge.svg");
  }

  private Status status(Credential credential, OffsetDateTime now) {
    if (credential.revoked()) {
      return new Status("revoked", "Revoked: " + credential.revocationReason());
    }
    if (!credential.validForPromotionAt(now)) {
      return new Status("expired", "Expired for promotion on " + DAY.format(credential.validForPromotionUntil()));
    }
    if (credential.lapsesForPromotionWithin(properties.remindBeforeLapse(), now)) {
      return new Status("lapsing", "Lapses for promotion soon: on " + DAY.format(credential.validForPromotionUntil()));
    }
    return new Status("valid", "Valid for promotion until " + DAY.format(credential.validForPromotionUntil()));
  }

  /** One skill the next level requires: covered (by which credential, lapsing or not) or missing (criteria, next steps). */
  record ProgressSkill(String code, String name, boolean covered, String coveredBy, boolean lapsing, String criteria,
      List<String> nextSteps) {
  }

  /** Progress to the next level, as {@code GET /api/engineers/{userId}/promotion-eligibility} says it. */
  record Progress(int nextLevel, long covered, int required, List<ProgressSkill> skills) {
  }

  private Optional<Progress> progress(PromotionEligibility.Eligibility eligibility, List<Credential> held,
      OffsetDateTime now) {
    if (eligibility.nextLevel() == null) {
      return Optional.empty();
    }
    Map<String, Credential> heldById = held.stream().collect(Collectors.toMap(Credential::id, credential -> credential));
    List<ProgressSkill> skills = eligibility.requiredSkills().stream().map(skill -> new ProgressSkill(
        skill.skillCode(), skill.skillName(), skill.covered(),
        skill.covered() ? skill.skillCode() + ":" + skill.credentialLevel() + ", score " + skill.score()
            + ", counts until " + DAY.format(skill.validForPromotionUntil()) : null,
        skill.covered() && heldById.get(skill.credentialId()).lapsesForPromotionWithin(properties.remindBeforeLapse(), now),
        skill.criteria(), skill.nextSteps())).toList();
    return Optional.of(new Progress(eligibility.nextLevel(), skills.stream().filter(ProgressSkill::covered).count(),
        skills.size(), skills));
  }

  private Optional<NextLevel> nextLevel(Credential credential, SkillFramework current, PageReads reads) {
    Optional<Skill> skill = current.skill(credential.skillCode());
    Optional<SkillLevel> level = skill.flatMap(s -> s.level(credential.skillLevel()));
    if (level.isEmpty()) {
      return Optional.empty();
    }
    Optional<SkillLevel> above = skill.get().level(credential.skillLevel() + 1);
    String heading = above.isEmpty() ? "Top level reached"
        : "Next: " + credential.skillCode() + ":" + (credential.skillLevel() + 1);
    List<String> mentors = above.map(SkillLevel::mentors).filter(list -> !list.isEmpty()).orElse(level.get().mentors());
    String mentorNames = mentors.isEmpty() ? null : String.join(", ", mentors.stream()
        .map(reads::mentorName).toList());
    return Optional.of(new NextLevel(heading, level.get().nextSteps(), mentorNames));
  }

  private static String skillName(Credential credential, PageReads reads) {
    return skill(credential, reads).map(Skill::name).orElse(credential.skillCode());
  }

  private static Tier tier(Credential credential, PageReads reads) {
    return skill(credential, reads).flatMap(s -> s.level(credential.skillLevel())).map(SkillLevel::tier)
        .orElse(Tier.FOUNDATIONAL);
  }

  private static Optional<Skill> skill(Credential credential, PageReads reads) {
    return reads.version(credential.frameworkVersion()).flatMap(f -> f.skill(credential.skillCode()));
  }

  /**
   * What one page reads of the framework and the organisation, each once: a framework version is read whole
   * (skills, levels, profiles), and a portfolio asked for it four times a credential (name and tier, for the
   * badge and for the card), and a mentor's name once for each credential that names them. Kept for one
   * request only, so the page shows what the database holds at that request.
   */
  private final class PageReads {

    private final Map<Integer, Optional<SkillFramework>> versions = new HashMap<>();
    private SkillFramework current;
    private Map<String, String> mentorNames;

    SkillFramework current() {
      if (current == null) {
        int latest = frameworks.latestVersion()
            .orElseThrow(() -> new IllegalStateException("No skills framework has been loaded"));
        current = version(latest).orElseThrow();
      }
      return current;
    }

    Optional<SkillFramework> version(int version) {
      return versions.computeIfAbsent(version, frameworks::version);
    }

    /**
     * The mentor's display name, or their id if they are no engineer. The next levels' mentors are the current
     * framework's: the first name asked reads all of theirs in one statement.
     */
    String mentorName(String userId) {
      if (mentorNames == null) {
        mentorNames = organisation.displayNames(current().skills().stream().flatMap(skill -> skill.levels().stream())
            .flatMap(level -> level.mentors().stream()).collect(Collectors.toSet()));
      }
      return mentorNames.getOrDefault(userId, userId);
    }
  }

  /** LinkedIn's "add to profile" URL for a certification, its fields filled from the credential. */
  String linkedInAddToProfile(Credential credential, String name) {
    OffsetDateTime issued = credential.issuedAt();
    OffsetDateTime expires = credential.validForPromotionUntil();
    return "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME"
        + "&name=" + query(name)
        + "&organizationName=" + query(properties.issuerName())
        + "&issueYear=" + issued.getYear() + "&issueMonth=" + issued.getMonthValue()
        + "&expirationYear=" + expires.getYear() + "&expirationMonth=" + expires.getMonthValue()
        + "&certUrl=" + query(properties.credentialUrl(credential.id()))
        + "&certId=" + query(credential.id());
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String source(Credential credential) {
    return switch (credential.source()) {
      case SELF_SUBMISSION -> "self-submission";
      case ENDORSEMENT -> "endorsement";
      case PROMOTION -> "promotion application";
    };
  }
}
