package org.microcredentials.credential;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.microcredentials.framework.Tier;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * One SVG badge per credential, drawn from its skill, level and tier: a hexagon in the tier's
 * colour, the skill code, the level as pips and the tier's name. No hand-drawn file per skill:
 * a skill added to the framework has its badge at once.
 */
@Component
public class BadgeImages {

  private record Palette(String fill, String stroke, String text) {
  }

  private static Palette palette(Tier tier) {
    return switch (tier) {
      case FOUNDATIONAL -> new Palette("#2f7d6d", "#1c5247", "#e8f5f1");
      case PROFICIENT -> new Palette("#2b5d9c", "#1a3b66", "#e7effa");
      case EXPERT -> new Palette("#8a5a14", "#5c3b0a", "#fbf1de");
    };
  }

  public String svg(String skillCode, String skillName, int level, Tier tier, boolean revoked) {
    Palette palette = revoked ? new Palette("#8c8c8c", "#5a5a5a", "#f2f2f2") : palette(tier);
    String code = HtmlUtils.htmlEscape(skillCode);
    String title = HtmlUtils.htmlEscape(skillName + ", level " + level + " (" + tierName(tier) + ")"
        + (revoked ? ", revoked" : ""));
    StringBuilder pips = new StringBuilder();
    int pipWidth = 10;
    int gap = 4;
    int start = 60 - (level * pipWidth + (level - 1) * gap) / 2;
    for (int i = 0; i < level; i++) {
      pips.append("<rect x=\"").append(start + i * (pipWidth + gap)).append("\" y=\"78\" width=\"").append(pipWidth)
          .append("\" height=\"6\" rx=\"2\" fill=\"").append(palette.text()).append("\"/>");
    }
    return """
        <svg xmlns="http://www.w3.org/2000/svg" width="120" height="136" viewBox="0 0 120 136" role="img" aria-label="%s">\
        <title>%s</title>\
        <polygon points="60,4 112,34 112,98 60,128 8,98 8,34" fill="%s" stroke="%s" stroke-width="4"/>\
        <polygon points="60,14 103,39 103,93 60,118 17,93 17,39" fill="none" stroke="%s" stroke-opacity="0.35" stroke-width="1.5"/>\
        <text x="60" y="62" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="%d" font-weight="700" fill="%s">%s</text>\
        %s\
        <text x="60" y="102" text-anchor="middle" font-family="Helvetica,Arial,sans-serif" font-size="9" letter-spacing="1" fill="%s">%s</text>\
        %s</svg>"""
        .formatted(title, title, palette.fill(), palette.stroke(), palette.text(), code.length() > 5 ? 17 : 21,
            palette.text(), code, pips, palette.text(), revoked ? "REVOKED" : tierName(tier).toUpperCase(Locale.ROOT),
            revoked ? "<line x1=\"20\" y1=\"110\" x2=\"100\" y2=\"26\" stroke=\"#b00020\" stroke-width=\"5\"/>" : "");
  }

  /** The namespace of the baking element (Open Badges 3.0, "Baking"). */
  public static final String BAKING_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";

  /**
   * The badge with the signed credential baked in, as Open Badges 3.0 specifies for SVG: one
   * {@code <openbadges:credential>} element, the first inside {@code <svg>}, holding the JSON-LD
   * credential in CDATA (a {@code ]]>} in the JSON is split across two CDATA sections).
   */
  public String baked(String svg, String signedCredentialJson) {
    int rootEnd = svg.indexOf('>', svg.indexOf("<svg"));
    String cdata = "<![CDATA[" + signedCredentialJson.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    return svg.substring(0, rootEnd) + " xmlns:openbadges=\"" + BAKING_NAMESPACE + "\">"
        + "<openbadges:credential>" + cdata + "</openbadges:credential>" + svg.substring(rootEnd + 1);
  }

  public String dataUri(String svg) {
    return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }

  static String tierName(Tier tier) {
    return tier.name().charAt(0) + tier.name().substring(1).toLowerCase(Locale.ROOT);
  }
}
