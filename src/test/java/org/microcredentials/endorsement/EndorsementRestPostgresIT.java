package org.microcredentials.endorsement;

import org.microcredentials.testing.OnPostgres;

/** {@link EndorsementRestIT} on a real PostgreSQL: engine tables, our migrations, locks and all. */
@OnPostgres
class EndorsementRestPostgresIT extends EndorsementRestIT {
}
