package org.microcredentials.report;

import org.microcredentials.testing.OnPostgres;

/** {@link ReportsRestIT} on a real PostgreSQL: the same SQL, the same figures. */
@OnPostgres
class ReportsRestPostgresIT extends ReportsRestIT {
}
