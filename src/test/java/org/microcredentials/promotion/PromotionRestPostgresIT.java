package org.microcredentials.promotion;

import org.microcredentials.testing.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link PromotionRestIT} on a real PostgreSQL: engine tables, our migrations, locks and all. */
class PromotionRestPostgresIT extends PromotionRestIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres.register(registry);
  }
}
