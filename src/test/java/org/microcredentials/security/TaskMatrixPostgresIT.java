package org.microcredentials.security;

import org.microcredentials.testing.OnPostgres;

/** {@link TaskMatrixIT} on a real PostgreSQL. */
@OnPostgres
class TaskMatrixPostgresIT extends TaskMatrixIT {
}
