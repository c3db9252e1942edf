package org.microcredentials.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.framework.Skill;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.framework.SkillLevel;
import org.springframework.stereotype.Component;

/**
 * A credential as an Open Badges 3.0 {@code OpenBadgeCredential} (W3C VC Data Model 2.0). The
 * document holds only JSON strings, lists and objects, so that it reads back identical from its
 * signed form. The holder is named by a stable {@code urn:uuid} of their own and a salted sha256 of
 * their email, never the address itself.
 */
@Component
public class OpenBadges {

  public static final String VC_CONTEXT = JsonLdContexts.VC_V2;
  public static final String OB_CONTEXT = JsonLdContexts.OB_V3P0;
  public static final String OB_EXTENSIONS_CONTEXT = JsonLdContexts.OB_EXTENSIONS;
  /** VC 2.0, OB 3.0.3 and OB's extensions (which define {@code 1EdTechJsonSchemaValidator2019}), as the spec's examples. */
  public static final List<String> CONTEXTS = List.of(VC_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT);
  public static final String ACHIEVEMENT_CREDENTIAL_SCHEMA =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
  /** The status type of credentials downloaded before the Bitstring Status List: they still verify against the 1EdTech list. */
  public static final String REVOCATION_LIST_TYPE = "1EdTechRevocationList";
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

  private final CredentialProperties properties;
  private final MicroCredentialsProperties rules;
  private final Organisation organisation;
  private final SkillFrameworkRepository frameworks;
  private final BadgeImages badges;
  private final CredentialRegister register;
  private final CredentialStatusList statusList;

  OpenBadges(CredentialProperties properties, MicroCredentialsProperties rules, Organisation organisation,
      SkillFrameworkRepository frameworks, BadgeImages badges, CredentialRegister register,
      CredentialStatusList statusList) {
    this.register = register;
    this.statusList = statusList;
    this.properties = properties;
    this.rules = rules;
    this.organisation = organisation;
    this.frameworks = frameworks;
    this.badges = badges;
  }

  public Map<String, Object> credential(Credential credential) {
    SkillFramework framework = frameworks.version(credential.frameworkVersion())
        .orElseThrow(() -> new IllegalStateException("Framework version " + credential.frameworkVersion() + " is gone"));
    Skill skill = framework.skill(credential.skillCode())
        .orElseThrow(() -> new IllegalStateException(credential.skillCode() + " is not in framework " + framework.version()));
    SkillLevel level = skill.level(credential.skillLevel())
        .orElseThrow(() -> new IllegalStateException(credential.skillCode() + " has no level " + credential.skillLevel()));
    Engineer holder = organisation.engineer(credential.holderId());
    String id = properties.credentialUrl(credential.id());
    String targetCode = credential.skillCode() + ":" + credential.skillLevel();
    String achievementId = properties.publicUrl() + "/api/skills#" + targetCode;
    String resultDescriptionId = achievementId + "-score";

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("@context", CONTEXTS);
    document.put("id", id);
    document.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
    document.put("name", skill.name() + " " + targetCode);
    document.put("description", skill.name() + " at level " + credential.skillLevel() + " ("
        + BadgeImages.tierName(level.tier()) + "), assessed against version " + framework.version() + " of the "
        + framework.label() + ".");
    document.put("issuer", issuer());
    document.put("validFrom", timestamp(credential.issuedAt()));
    document.put("validUntil", timestamp(credential.validForPromotionUntil()));

    Map<String, Object> achievement = new LinkedHashMap<>();
    achievement.put("id", achievementId);
    achievement.put("type", List.of("Achievement"));
    achievement.put("achievementType", "Competency");
    achievement.put("name", skill.name() + ", level " + credential.skillLevel());
    achievement.put("description", skill.description() == null ? skill.name() : skill.description());
    achievement.put("criteria", Map.of("narrative", level.criteria()));
    achievement.put("humanCode", targetCode);
    achievement.put("image", Map.of("id", badges.dataUri(badges.svg(skill.code(), skill.name(),
        credential.skillLevel(), level.tier(), false)), "type", "Image", "caption", skill.name() + " " + targetCode));
    achievement.put("tag", List.of(BadgeImages.tierName(level.tier())));
    achievement.put("version", String.valueOf(framework.version()));
    achievement.put("alignment", List.of(ordered(
        "type", List.of("Alignment"),
        "targetCode", targetCode,
        "targetName", skill.name() + " at level " + credential.skillLevel(),
        "targetDescription", level.criteria(),
        "targetFramework", framework.label() + ", version " + framework.version(),
        "targetType", "ext:SkillLevel",
        "targetUrl", achievementId)));
    achievement.put("resultDescription", List.of(ordered(
        "id", resultDescriptionId,
        "type", List.of("ResultDescription"),
        "name", "Assessment score, 0 to 10",
        "resultType", "RawScore",
        "valueMin", "0",
        "valueMax", "10",
        // The bar it was issued against; credentials issued before that was recorded show today's pass mark.
        "requiredValue", String.valueOf(credential.requiredScore().orElse(rules.passMark())))));

    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("id", register.subjectId(credential.holderId()));
    subject.put("type", List.of("AchievementSubject"));
    subject.put("identifier", List.of(identity(holder.email(), credential.id())));
    subject.put("achievement", achievement);
    subject.put("result", List.of(ordered(
        "type", List.of("Result"),
        "resultDescription", resultDescriptionId,
        "value", String.valueOf(credential.score()))));
    document.put("credentialSubject", subject);

    document.put("evidence", List.of(ordered(
        "id", id + "#evidence",
        "type", List.of("Evidence"),
        "name", "Impact statement",
        "narrative", credential.evidenceSummary())));
    document.put("credentialSchema", List.of(ordered(
        "id", ACHIEVEMENT_CREDENTIAL_SCHEMA,
        "type", "1EdTechJsonSchemaValidator2019")));
    document.put("credentialStatus", statusList.credentialStatus(statusList.entry(credential.id())));
    if (credential.source() == CredentialSource.ENDORSEMENT) {
      document.put("endorsement", List.of(endorsement(credential, id, targetCode)));
    }
    return document;
  }

  /** The organisation as issuer: the {@code Profile} at {@code /api/issuer}, with its keys. */
  public Map<String, Object> issuer() {
    return ordered(
        "id", properties.issuerId(),
        "type", List.of("Profile"),
        "name", properties.issuerName(),
        "url", properties.publicUrl());
  }

  /**
   * The endorser's {@code EndorsementCredential} carried by an endorsed credential. Assumes the
   * register's {@code assessorId} holds the endorser for source ENDORSEMENT. Endorsers hold no keys of
   * their own: the issuer is the endorser's public Profile ({@link CredentialProperties#endorserId}),
   * a controller document the organisation hosts, naming the organisation's key that signs for them.
   */
  private Map<String, Object> endorsement(Credential credential, String credentialId, String targetCode) {
    Engineer endorser = organisation.find(credential.assessorId()).orElse(null);
    String endorserName = endorser == null ? credential.assessorId() : endorser.displayName();
    return ordered(
        "@context", CONTEXTS,
        "id", credentialId + "#endorsement",
        "type", List.of("VerifiableCredential", "EndorsementCredential"),
        "name", "Endorsement of " + targetCode + " by " + endorserName,
        "issuer", ordered(
            "id", properties.endorserId(credential.assessorId()),
            "type", List.of("Profile"),
            "name", endorserName),
        "validFrom", timestamp(credential.issuedAt()),
        "credentialSubject", ordered(
            "id", credentialId,
            "type", List.of("EndorsementSubject"),
            "endorsementComment", endorserName + " endorses this " + targetCode + " credential with a score of "
                + credential.score() + " out of 10."));
  }

  /** OB 3.0 IdentityObject: sha256 over the email followed by the salt (here the credential's own id). */
  static Map<String, Object> identity(String email, String salt) {
    return ordered(
        "type", "IdentityObject",
        "identityHash", "sha256$" + sha256(email.trim().toLowerCase(Locale.ROOT) + salt),
        "identityType", "emailAddress",
        "hashed", Boolean.TRUE,
        "salt", salt);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String timestamp(OffsetDateTime moment) {
    return TIMESTAMP.format(moment.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
