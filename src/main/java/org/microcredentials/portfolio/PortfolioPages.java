package org.microcredentials.portfolio;

import static org.microcredentials.portfolio.HtmlLayout.text;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.microcredentials.credential.BadgeImages;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialProperties;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialVerifier;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.framework.Skill;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.framework.SkillLevel;
import org.microcredentials.framework.Tier;
import org.springframework.stereotype.Component;

/**
 * The portfolio page (an engineer's badge gallery) and the public verification page of one
 * credential, rendered on the server. User text (impact statements, revocation reasons, names)
 * is always escaped.
 */
@Component
class PortfolioPages {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  private final CredentialRegister credentials;
  private final Organisation organisation;
  private final SkillFrameworkRepository frameworks;
  private final BadgeImages badges;
  private final CredentialProperties properties;
  private final Clock clock;

  PortfolioPages(CredentialRegister credentials, Organisation organisation, SkillFrameworkRepository frameworks,
      BadgeImages badges, CredentialProperties properties, Clock clock) {
    this.credentials = credentials;
    this.organisation = organisation;
    this.frameworks = frameworks;
    this.badges = badges;
    this.properties = properties;
    this.clock = clock;
  }

  String portfolio(Engineer engineer) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    SkillFramework current = frameworks.current();
    List<Credential> held = credentials.heldBy(engineer.userId());
    long counting = held.stream().filter(credential -> credential.validForPromotionAt(now)).count();
    StringBuilder body = new StringBuilder();
    body.append("<div class=\"summary\">")
        .append("<span class=\"pill\">").append(held.size()).append(held.size() == 1 ? " credential" : " credentials")
        .append("</span>")
        .append("<span class=\"pill ").append(counting > 0 ? "ok" : "no").append("\">")
        .append(counting > 0 ? counting + " valid for promotion: eligible to apply" : "No credential valid for promotion")
        .append("</span></div>");
    if (held.isEmpty()) {
      body.append("<p>No credentials yet. Start a self-submission in Tasklist.</p>");
    }
    body.append("<section class=\"gallery\">");
    for (Credential credential : held) {
      body.append(card(credential, current, now));
    }
    body.append("</section>");
    return HtmlLayout.page(engineer.displayName() + " · portfolio",
        engineer.roleTitle() + " · level " + engineer.seniorityLevel(), body.toString());
  }

  private String card(Credential credential, SkillFramework current, OffsetDateTime now) {
    Optional<Skill> skill = frameworks.version(credential.frameworkVersion()).flatMap(f -> f.skill(credential.skillCode()));
    String skillName = skill.map(Skill::name).orElse(credential.skillCode());
    Tier tier = skill.flatMap(s -> s.level(credential.skillLevel())).map(SkillLevel::tier).orElse(Tier.FOUNDATIONAL);
    StringBuilder card = new StringBuilder();
    card.append("<article class=\"card").append(credential.revoked() ? " revoked" : "").append("\">")
        .append("<div>").append(badges.svg(credential.skillCode(), skillName, credential.skillLevel(), tier,
            credential.revoked())).append("</div><div>")
        .append("<h2>").append(text(skillName)).append("</h2>")
        .append("<div class=\"muted\">").append(text(credential.skillCode() + ":" + credential.skillLevel()))
        .append(" · ").append(text(tier.name().toLowerCase(Locale.ROOT))).append(" · ")
        .append(text(source(credential))).append("</div>")
        .append("<div class=\"score\">").append(credential.score()).append("<span class=\"muted\">/10</span></div>")
        .append(status(credential, now))
        .append("<div class=\"impact\">").append(text(credential.evidenceSummary())).append("</div>")
        .append(nextLevel(credential, current))
        .append("<div class=\"next\"><a href=\"").append(text(properties.credentialUrl(credential.id())))
        .append("\">Public verification page</a> · <a href=\"")
        .append(text(properties.credentialUrl(credential.id()) + "/badge.svg"))
        .append("\" download>Download badge (SVG, credential baked in)</a></div>")
        .append("</div></article>");
    return card.toString();
  }

  private String status(Credential credential, OffsetDateTime now) {
    if (credential.revoked()) {
      return "<div class=\"status revoked\">Revoked: " + text(credential.revocationReason()) + "</div>";
    }
    if (!credential.validForPromotionAt(now)) {
      return "<div class=\"status expired\">Expired for promotion on " + DAY.format(credential.validForPromotionUntil())
          + "</div>";
    }
    return "<div class=\"status valid\">Valid for promotion until " + DAY.format(credential.validForPromotionUntil())
        + "</div>";
  }

  /** The framework's next steps and mentors from this level towards the next one. */
  private String nextLevel(Credential credential, SkillFramework current) {
    Optional<Skill> skill = current.skill(credential.skillCode());
    Optional<SkillLevel> level = skill.flatMap(s -> s.level(credential.skillLevel()));
    if (level.isEmpty()) {
      return "";
    }
    boolean topLevel = skill.get().level(credential.skillLevel() + 1).isEmpty();
    StringBuilder next = new StringBuilder("<div class=\"next\"><strong>")
        .append(topLevel ? "Top level reached" : "Next: " + text(credential.skillCode() + ":" + (credential.skillLevel() + 1)))
        .append("</strong>");
    if (!level.get().nextSteps().isEmpty()) {
      next.append("<ul>");
      level.get().nextSteps().forEach(step -> next.append("<li>").append(text(step)).append("</li>"));
      next.append("</ul>");
    }
    List<String> mentors = skill.get().level(credential.skillLevel() + 1).map(SkillLevel::mentors)
        .filter(list -> !list.isEmpty()).orElse(level.get().mentors());
    if (!mentors.isEmpty()) {
      next.append("Mentors: ").append(text(String.join(", ", mentors.stream()
          .map(id -> organisation.find(id).map(Engineer::displayName).orElse(id)).toList())));
    }
    return next.append("</div>").toString();
  }

  String verification(Credential credential, CredentialVerifier.Verification verification) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Engineer holder = organisation.engineer(credential.holderId());
    Optional<Skill> skill = frameworks.version(credential.frameworkVersion()).flatMap(f -> f.skill(credential.skillCode()));
    String skillName = skill.map(Skill::name).orElse(credential.skillCode());
    Tier tier = skill.flatMap(s -> s.level(credential.skillLevel())).map(SkillLevel::tier).orElse(Tier.FOUNDATIONAL);
    String state = credential.revoked() ? "Revoked"
        : verification.verified() ? (credential.validForPromotionAt(now) ? "Valid" : "Valid, expired for promotion")
        : "Not verified";
    StringBuilder body = new StringBuilder();
    body.append("<div class=\"card").append(credential.revoked() ? " revoked" : "").append("\"><div>")
        .append(badges.svg(credential.skillCode(), skillName, credential.skillLevel(), tier, credential.revoked()))
        .append("</div><div><table>")
        .append(row("Holder", holder.displayName()))
        .append(row("Skill", skillName + " (" + credential.skillCode() + ")"))
        .append(row("Level", credential.skillLevel() + " · " + tier.name().toLowerCase(Locale.ROOT)))
        .append(row("Score", credential.score() + " / 10"))
        .append(row("Issued", DAY.format(credential.issuedAt())))
        .append(row("Valid for promotion until", DAY.format(credential.validForPromotionUntil())))
        .append(row("Status", credential.revoked() ? "Revoked: " + credential.revocationReason() : state))
        .append("</table></div></div>")
        .append("<h3>Verification</h3><ul>");
    for (CredentialVerifier.CheckResult check : verification.checks()) {
      body.append("<li class=\"check ").append(check.passed() ? "passed" : "failed").append("\"><strong>")
          .append(text(check.check())).append("</strong>: ").append(text(check.detail())).append("</li>");
    }
    String pageUrl = properties.credentialUrl(credential.id());
    body.append("</ul><p class=\"actions\"><a href=\"").append(text(pageUrl + "/credential.json"))
        .append("\" download>Download credential (JSON)</a> · <a href=\"").append(text(pageUrl + "/badge.svg"))
        .append("\" download>Download badge (SVG, credential baked in)</a>");
    if (!credential.revoked()) {
      body.append(" · <a href=\"").append(text(linkedInAddToProfile(credential, skillName + " " + credential.skillCode()
              + ":" + credential.skillLevel())))
          .append("\" rel=\"noopener\">Add to LinkedIn profile</a>");
    }
    body.append(" · <a href=\"").append(text("mailto:?subject=" + query(skillName + " " + credential.skillCode() + ":"
            + credential.skillLevel() + " micro-credential") + "&body=" + query(pageUrl)))
        .append("\">Share</a> <code>").append(text(pageUrl)).append("</code></p>");
    body.append("<p class=\"muted\">Issued by ").append(text(properties.issuerName()))
        .append(". Verify the signed credential yourself: POST it to <code>")
        .append(text(properties.publicUrl() + "/api/credentials/verify")).append("</code>; the issuer's profile and keys are at <a href=\"")
        .append(text(properties.issuerId())).append("\">").append(text(properties.issuerId())).append("</a>.</p>");
    return HtmlLayout.page(state + ": " + skillName + " " + credential.skillCode() + ":" + credential.skillLevel(),
        "Micro-credential of " + holder.displayName(), body.toString());
  }

  /** The badge drawn for the credential, as shown here; what {@code /credentials/{id}/badge.svg} bakes. */
  String badge(Credential credential) {
    Optional<Skill> skill = frameworks.version(credential.frameworkVersion()).flatMap(f -> f.skill(credential.skillCode()));
    Tier tier = skill.flatMap(s -> s.level(credential.skillLevel())).map(SkillLevel::tier).orElse(Tier.FOUNDATIONAL);
    return badges.svg(credential.skillCode(), skill.map(Skill::name).orElse(credential.skillCode()),
        credential.skillLevel(), tier, credential.revoked());
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
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String row(String label, String value) {
    return "<tr><th>" + text(label) + "</th><td>" + text(value) + "</td></tr>";
  }

  private static String source(Credential credential) {
    return switch (credential.source()) {
      case SELF_SUBMISSION -> "self-submission";
      case ENDORSEMENT -> "endorsement";
      case PROMOTION -> "promotion application";
    };
  }
}
