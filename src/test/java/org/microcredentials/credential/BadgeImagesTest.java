package org.microcredentials.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.microcredentials.framework.Tier;

/** Badges are drawn from skill, level and tier: no file per skill, and no markup from the framework's text. */
class BadgeImagesTest {

  private final BadgeImages badges = new BadgeImages();

  @Test
  void eachTierHasItsColourAndTheLevelItsPips() {
    String foundational = badges.svg("iLAN", "Language Knowledge", 2, Tier.FOUNDATIONAL, false);
    String expert = badges.svg("iLAN", "Language Knowledge", 6, Tier.EXPERT, false);
    assertThat(foundational).startsWith("<svg").contains(">iLAN<", "FOUNDATIONAL", "#2f7d6d");
    assertThat(expert).contains("EXPERT", "#8a5a14").doesNotContain("#2f7d6d");
    assertThat(foundational.split("<rect ", -1)).hasSize(1 + 2);
    assertThat(expert.split("<rect ", -1)).hasSize(1 + 6);
  }

  @Test
  void aRevokedBadgeIsGreyAndStruckThrough() {
    assertThat(badges.svg("iPERF", "Performance", 3, Tier.PROFICIENT, true))
        .contains("REVOKED", "#8c8c8c", "<line").doesNotContain("#2b5d9c");
  }

  @Test
  void skillTextIsEscaped() {
    assertThat(badges.svg("iX", "<b>Bold</b> & co", 1, Tier.FOUNDATIONAL, false))
        .contains("&lt;b&gt;Bold&lt;/b&gt; &amp; co").doesNotContain("<b>");
  }

  @Test
  void theDataUriCarriesTheSvg() {
    String svg = badges.svg("iOWN", "Responsibility & Ownership", 4, Tier.PROFICIENT, false);
    String uri = badges.dataUri(svg);
    assertThat(uri).startsWith("data:image/svg+xml;base64,");
    assertThat(new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8))
        .isEqualTo(svg);
  }
}
