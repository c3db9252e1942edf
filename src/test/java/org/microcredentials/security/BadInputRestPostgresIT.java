package org.microcredentials.security;

import org.microcredentials.testing.OnPostgres;

/** {@link BadInputRestIT} on a real PostgreSQL: the same requests, the same refusals, nothing half-written. */
@OnPostgres
class BadInputRestPostgresIT extends BadInputRestIT {
}
