package org.microcredentials.promotion;

import java.util.List;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.review.ScorePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the promotion walk-through of docs/walkthrough.md (profile {@code demo-history}, on by default for
 * {@code mvn spring-boot:run}, never in production): bob, level 3, holds four of the six skills level 4
 * requires, as if he had earned them by self-submission, so his promotion application assesses the
 * other two. Issued once, on the first start (same source keys: the register issues each at most once).
 */
@Component
@Profile("demo-history")
@Order(3)
class DemoPromotionHistory implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoPromotionHistory.class);

  private record Held(String skillCode, int score) {
  }

  private static final List<Held> BOB_HOLDS = List.of(new Held("iOWN", 9), new Held("iPERF", 8), new Held("iSEC", 9),
      new Held("iCOMM", 9));

  private final CredentialRegister credentials;
  private final SkillFrameworkRepository frameworks;
  private final ScorePolicy scores;

  DemoPromotionHistory(CredentialRegister credentials, SkillFrameworkRepository frameworks, ScorePolicy scores) {
    this.credentials = credentials;
    this.frameworks = frameworks;
    this.scores = scores;
  }

  @Override
  public void run(ApplicationArguments args) {
    int version = frameworks.current().version();
    for (Held held : BOB_HOLDS) {
      credentials.issue(new CredentialRegister.Issue("DEMO-bob-" + held.skillCode(), "bob", held.skillCode(), 4, held.score(),
          CredentialSource.SELF_SUBMISSION, "carol", List.of("dave", "frank"), version,
          "Problem: the demo history of bob's earlier work on " + held.skillCode()
              + ".\nActions: earned by self-submission before this demo started.\nResults: assessed at level 4.",
          scores.passMark()));
    }
    LOG.info("Demo history: bob holds {} at level 4 (profile demo-history)", BOB_HOLDS.stream().map(Held::skillCode).toList());
  }
}
