package org.microcredentials.promotion;

import org.microcredentials.testing.OnPostgres;

/** {@link PromotionRestIT} on a real PostgreSQL: engine tables, our migrations, locks and all. */
@OnPostgres
class PromotionRestPostgresIT extends PromotionRestIT {
}
